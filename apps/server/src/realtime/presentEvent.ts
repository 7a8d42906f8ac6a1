/**
 * Turns a feed row into the frame a principal receives. Agent frames are the stored data as is;
 * visitor frames go through the visitor presenters so agent-only fields never reach a browser
 * that is not an agent's.
 */
import type { ConversationSummary, Message } from '@parley/protocol';
import { toVisitorConversation } from '../domain/conversations/presenters.js';
import type { FeedRow } from '../storage/schema.js';
import type { Principal } from './principal.js';

const VISITOR_EVENTS = new Set(['conversation.created', 'conversation.updated', 'conversation.assigned', 'conversation.closed', 'message.created']);

/** A feed row parsed once and serialized at most once per audience. */
export class PresentableEvent {
  private agentFrame: string | null = null;
  private visitorFrame: string | null | undefined;
  private readonly data: Record<string, unknown>;

  constructor(readonly row: FeedRow) {
    this.data = JSON.parse(row.data) as Record<string, unknown>;
  }

  frameFor(principal: Principal): string | null {
    if (principal.kind === 'agent') {
      this.agentFrame ??= JSON.stringify({ t: 'event', id: this.row.id, name: this.row.type, data: this.data });
      return this.agentFrame;
    }
    if (this.visitorFrame === undefined) this.visitorFrame = this.presentForVisitor();
    return this.visitorFrame;
  }

  private presentForVisitor(): string | null {
    if (!VISITOR_EVENTS.has(this.row.type)) return null;
    const data = this.data as { conversation?: ConversationSummary; message?: Message };
    const visitorData = data.message ? { message: data.message } : { conversation: toVisitorConversation(data.conversation!) };
    return JSON.stringify({ t: 'event', id: this.row.id, name: this.row.type, data: visitorData });
  }
}
