/**
 * "Use the custom branding as an alias for agents" (W2): with `brandAsAgentAlias` on, whatever
 * the visitor receives about agents — message authors, the assignee, typing, the "joined" line —
 * carries the branding name and image instead of the agent's. Agents keep seeing real names: the
 * alias is applied only where visitor views are presented, from the chatflow's current settings.
 */
import type { ChatflowWidgetSettings, ConversationSummary, Message, VisitorConversation } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { toVisitorConversation } from '../conversations/presenters.js';
import { parseWidgetSettings } from '../chatflows/chatflowSettings.js';

export interface AgentAlias {
  name: string;
  avatarUrl: string | null;
}

export function agentAliasOf(settings: Pick<ChatflowWidgetSettings, 'brandAsAgentAlias' | 'headingName' | 'headingAvatarUrl'>): AgentAlias | null {
  return settings.brandAsAgentAlias ? { name: settings.headingName, avatarUrl: settings.headingAvatarUrl } : null;
}

export function agentAliasFromJson(settingsJson: string): AgentAlias | null {
  return agentAliasOf(parseWidgetSettings(settingsJson));
}

/**
 * Agents' messages come from the brand; a system line naming an agent ("joined", "closed") gets
 * the brand's name in its notice, which the widget words, and in its English body, which starts
 * with the name it was stored with.
 */
export function aliasMessage(message: Message, alias: AgentAlias | null): Message {
  if (!alias) return message;
  if (message.author.kind === 'user') return { ...message, author: { ...message.author, name: alias.name, avatarUrl: alias.avatarUrl } };
  if (message.author.kind !== 'system') return message;
  const notice = message.notice;
  if (notice) {
    if (!('name' in notice)) return message;
    const body = message.body.startsWith(notice.name) ? `${alias.name}${message.body.slice(notice.name.length)}` : message.body;
    return { ...message, body, notice: { ...notice, name: alias.name } };
  }
  // Lines stored before notices existed (migration 008) only have their English body; without
  // this the agent's real name would reach the visitor in old threads.
  const legacy = LEGACY_NAMED_LINE.exec(message.body);
  return legacy ? { ...message, body: `${alias.name}${legacy[0]}` } : message;
}

const LEGACY_NAMED_LINE = / (joined|closed) the chat$/;

export function aliasVisitorConversation(conversation: VisitorConversation, alias: AgentAlias | null): VisitorConversation {
  if (!alias || !conversation.assignee) return conversation;
  return { ...conversation, assignee: { ...conversation.assignee, name: alias.name, avatarUrl: alias.avatarUrl } };
}

/** A typing signal's data as the visitor gets it: a user's name becomes the brand's. */
export function aliasTypingData<T extends { author?: { kind: string; name: string } }>(data: T, alias: AgentAlias | null): T {
  if (!alias || data.author?.kind !== 'user') return data;
  return { ...data, author: { ...data.author, name: alias.name } };
}

/** The alias of one chatflow as stored now (HTTP responses and replays: one small read). */
export async function loadAgentAlias(db: Kysely<Database>, chatflowId: number): Promise<AgentAlias | null> {
  const row = await db.selectFrom('chatflows').select('settings').where('id', '=', chatflowId).executeTakeFirst();
  return row ? agentAliasFromJson(row.settings) : null;
}

/** Aliases of several conversations' chatflows in one read (a visitor's resume replay). */
export async function loadConversationAliases(db: Kysely<Database>, conversationIds: number[]): Promise<Map<number, AgentAlias | null>> {
  const aliases = new Map<number, AgentAlias | null>();
  if (conversationIds.length === 0) return aliases;
  const rows = await db
    .selectFrom('conversations')
    .innerJoin('chatflows', 'chatflows.id', 'conversations.chatflow_id')
    .select(['conversations.id as id', 'chatflows.settings as settings'])
    .where('conversations.id', 'in', conversationIds)
    .execute();
  for (const row of rows) aliases.set(row.id, agentAliasFromJson(row.settings));
  return aliases;
}

/** A conversation as its visitor sees it, with the alias of its chatflow applied. */
export async function visitorConversationFor(db: Kysely<Database>, summary: ConversationSummary): Promise<VisitorConversation> {
  return aliasVisitorConversation(toVisitorConversation(summary), await loadAgentAlias(db, summary.chatflowId));
}
