import type { ConversationSummary } from '@parley/protocol';

interface Badge {
  label: string;
  kind: 'bot' | 'queued' | 'offered' | 'missed';
  title?: string;
}

/**
 * Where an open, unassigned chat stands in routing (R1–R3): still with its chatflow's bot (W8:
 * routing starts at the flow's live-chat card), waiting in the queue, offered to someone right
 * now, or missed (nobody accepted in time; anyone can still "Assign to me").
 */
export function routingBadge(conversation: ConversationSummary): Badge | null {
  if (conversation.status !== 'open') return null;
  switch (conversation.routingState) {
    case 'bot':
      return { label: 'With bot', kind: 'bot', title: "The chatflow's cards are still running; routing starts at its live-chat card." };
    case 'queued': {
      const queue = conversation.queue;
      if (!queue) return { label: 'Queued', kind: 'queued' };
      return { label: `Queued #${queue.position}`, kind: 'queued', title: waitText(queue.estimatedWaitSeconds) };
    }
    case 'offered':
      return { label: 'Offered', kind: 'offered' };
    case 'missed':
      return { label: 'Missed', kind: 'missed', title: 'Nobody accepted this chat in time.' };
    default:
      return conversation.missed && conversation.assignee === null
        ? { label: 'Missed', kind: 'missed', title: 'Nobody accepted this chat in time.' }
        : null;
  }
}

function waitText(seconds: number): string {
  if (seconds < 60) return 'Estimated wait under a minute';
  const minutes = Math.round(seconds / 60);
  return `Estimated wait about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function RoutingBadge({ conversation }: { conversation: ConversationSummary }) {
  const badge = routingBadge(conversation);
  if (!badge) return null;
  return (
    <span class={`status status-${badge.kind}`} title={badge.title}>
      {badge.label}
    </span>
  );
}
