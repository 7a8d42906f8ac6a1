/**
 * After a commit that may have scheduled a deadline due now (a new chat to route, a close or
 * assignment that frees capacity, a user coming online), run the deadline runner at once instead
 * of waiting for its next poll. Only a latency shortcut: the poll finds the same deadlines.
 */
import type { Listener } from '../events/eventBus.js';
import type { DeadlineRunner } from './deadlineRunner.js';

export function routingWakeups(runner: DeadlineRunner): Listener {
  return {
    name: 'routingWakeups',
    events: ['conversation.created', 'conversation.closed', 'conversation.assigned', 'user.updated', 'offer.resolved'],
    handle() {
      runner.kick();
    },
  };
}
