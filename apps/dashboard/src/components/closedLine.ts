import type { CloseReason, ConversationSummary } from '@parley/protocol';
import { fullTime } from '../format/time.js';

const REASONS: Record<CloseReason, string> = {
  visitor_ended: 'ended by the visitor',
  agent_closed: 'closed by an agent',
  inactive: 'inactive',
};

/** "Closed Tuesday, 3 March 2026 at 14:02 (ended by the visitor)". */
export function closedLine(conversation: ConversationSummary): string {
  const when = conversation.closedAt ? ` ${fullTime(conversation.closedAt)}` : '';
  const why = conversation.closeReason ? ` (${REASONS[conversation.closeReason]})` : '';
  return `Closed${when}${why}`;
}
