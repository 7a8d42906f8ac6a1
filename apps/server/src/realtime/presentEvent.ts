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

/**
 * A feed row turned into a frame at most once per audience, as UTF-8 bytes that every socket of
 * that audience sends as is (no per-socket serialization or encoding).
 */
export class PresentableEvent {
  private agentFrame: Buffer | null = null;
  private visitorFrame: Buffer | null | undefined;

  constructor(readonly row: FeedRow) {}

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
    const data = JSON.parse(this.row.data) as { conversation?: ConversationSummary; message?: Message };
    const visitorData = data.message ? { message: data.message } : { conversation: toVisitorConversation(data.conversation!) };
    return Buffer.from(JSON.stringify({ t: 'event', id: this.row.id, name: this.row.type, data: visitorData }));
  }
}
