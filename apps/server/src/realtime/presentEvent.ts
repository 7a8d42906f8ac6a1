/**
 * Turns a feed row into the frame a principal receives. Agent frames are the stored data as is;
 * visitor frames go through the visitor presenters so agent-only fields never reach a browser
 * that is not an agent's, and agents appear under the brand when the chatflow says so (W2).
 */
import type { Chatflow, ConversationSummary, Message } from '@parley/protocol';
import { aliasMessage, aliasVisitorConversation, type AgentAlias } from '../domain/branding/agentAlias.js';
import { toVisitorConversation } from '../domain/conversations/presenters.js';
import type { FeedRow } from '../storage/schema.js';
import type { Principal } from './principal.js';

const VISITOR_EVENTS = new Set(['conversation.created', 'conversation.updated', 'conversation.assigned', 'conversation.closed', 'message.created', 'conversation.read']);

interface EventData {
  conversation?: ConversationSummary;
  message?: Message;
  chatflow?: Chatflow;
}

/**
 * A feed row turned into a frame at most once per audience, as UTF-8 bytes that every socket of
 * that audience sends as is (no per-socket serialization or encoding).
 */
export class PresentableEvent {
  private agentFrame: Buffer | null = null;
  private visitorFrame: Buffer | null | undefined;
  private parsed: EventData | undefined;
  /**
   * The brand agents appear as to this row's visitor, or null for real names. Whoever delivers
   * the row sets it before the first visitor frame is built (feed reader, resume replay).
   */
  visitorAlias: AgentAlias | null = null;

  constructor(readonly row: FeedRow) {}

  /** Whether visitors get a frame for this row at all. */
  get forVisitors(): boolean {
    return this.row.visitor_id !== null && VISITOR_EVENTS.has(this.row.type);
  }

  /** The row's data, parsed once however many audiences need it. */
  get data(): EventData {
    this.parsed ??= JSON.parse(this.row.data) as EventData;
    return this.parsed;
  }

  frameFor(principal: Principal): Buffer | null {
    if (principal.kind === 'agent') {
      // The stored data is already the JSON agents get: spliced in, not parsed and re-serialized.
      this.agentFrame ??= Buffer.from(`{"t":"event","id":${this.row.id},"name":${JSON.stringify(this.row.type)},"data":${this.row.data}}`);
      return this.agentFrame;
    }
    if (this.visitorFrame === undefined) this.visitorFrame = this.presentForVisitor();
    return this.visitorFrame;
  }

  private presentForVisitor(): Buffer | null {
    if (!VISITOR_EVENTS.has(this.row.type)) return null;
    // A read receipt carries seqs only, no agent: the same for every audience.
    if (this.row.type === 'conversation.read') return Buffer.from(`{"t":"event","id":${this.row.id},"name":"conversation.read","data":${this.row.data}}`);
    const data = this.data;
    const visitorData = data.message
      ? { message: aliasMessage(data.message, this.visitorAlias) }
      : { conversation: aliasVisitorConversation(toVisitorConversation(data.conversation!), this.visitorAlias) };
    return Buffer.from(JSON.stringify({ t: 'event', id: this.row.id, name: this.row.type, data: visitorData }));
  }
}
