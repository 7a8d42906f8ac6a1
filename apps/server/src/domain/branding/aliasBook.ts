/**
 * The agent aliases one feed reader needs, kept in memory so fan-out adds no query per frame.
 *
 * A conversation's chatflow never changes, so that mapping is learned once (from the
 * conversation's own feed rows, or one read the first time a conversation is met). A chatflow's
 * alias is read once and then follows the `chatflow.updated` rows the reader passes in feed
 * order, newest `updatedAt` winning: a change of the option applies to every frame presented
 * after it, on every node, with no polling.
 */
import type { Chatflow } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { agentAliasFromJson, agentAliasOf, type AgentAlias } from './agentAlias.js';

/** Conversations remembered per reader; beyond this the oldest are forgotten (and read again if met). */
const MAX_CONVERSATIONS = 20_000;

interface ChatflowAlias {
  updatedAt: number;
  alias: AgentAlias | null;
}

export class AliasBook {
  private readonly chatflowOf = new Map<number, number>();
  private readonly chatflows = new Map<number, ChatflowAlias>();
  private readonly loading = new Map<number, Promise<void>>();

  constructor(private readonly db: Kysely<Database>) {}

  /** A conversation's chatflow, from a conversation row's data. */
  learnConversation(conversationId: number, chatflowId: number): void {
    if (this.chatflowOf.has(conversationId)) return;
    if (this.chatflowOf.size >= MAX_CONVERSATIONS) {
      const oldest = this.chatflowOf.keys().next().value;
      if (oldest !== undefined) this.chatflowOf.delete(oldest);
    }
    this.chatflowOf.set(conversationId, chatflowId);
  }

  /** A chatflow's settings as a `chatflow.updated` row carries them. */
  learnChatflow(chatflow: Pick<Chatflow, 'id' | 'updatedAt' | 'settings'>): void {
    this.remember(chatflow.id, { updatedAt: chatflow.updatedAt, alias: agentAliasOf(chatflow.settings) });
  }

  private remember(chatflowId: number, entry: ChatflowAlias): void {
    const known = this.chatflows.get(chatflowId);
    if (!known || known.updatedAt <= entry.updatedAt) this.chatflows.set(chatflowId, entry);
  }

  /** Whether `aliasFor` can answer for this conversation without a read. */
  knows(conversationId: number): boolean {
    const chatflowId = this.chatflowOf.get(conversationId);
    return chatflowId !== undefined && this.chatflows.has(chatflowId);
  }

  /** The alias the conversation's visitor sees agents under; null = real names (or not known yet). */
  aliasFor(conversationId: number): AgentAlias | null {
    const chatflowId = this.chatflowOf.get(conversationId);
    return chatflowId === undefined ? null : (this.chatflows.get(chatflowId)?.alias ?? null);
  }

  /** Reads what `knows` lacks, once per conversation even when asked for concurrently. */
  load(conversationId: number): Promise<void> {
    let pending = this.loading.get(conversationId);
    if (!pending) {
      pending = this.read(conversationId).finally(() => this.loading.delete(conversationId));
      this.loading.set(conversationId, pending);
    }
    return pending;
  }

  private async read(conversationId: number): Promise<void> {
    const row = await this.db
      .selectFrom('conversations')
      .innerJoin('chatflows', 'chatflows.id', 'conversations.chatflow_id')
      .select(['conversations.chatflow_id as chatflowId', 'chatflows.settings as settings', 'chatflows.updated_at as updatedAt'])
      .where('conversations.id', '=', conversationId)
      .executeTakeFirst();
    if (!row) return;
    this.learnConversation(conversationId, row.chatflowId);
    this.remember(row.chatflowId, { updatedAt: Number(row.updatedAt), alias: agentAliasFromJson(row.settings) });
  }
}
