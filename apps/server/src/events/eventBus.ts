/**
 * After-commit dispatch. Side effects (realtime fan-out today; routing, webhooks and
 * notifications later) are listeners that declare the events they handle. A failing listener is
 * logged and never undoes the committed change or blocks the other listeners.
 */
import type { Logger } from 'pino';
import type { CommittedEvent, DomainEventType } from './domainEvents.js';

export interface Listener {
  name: string;
  events: readonly DomainEventType[];
  handle(event: CommittedEvent): Promise<void> | void;
}

export class EventBus {
  private readonly listeners: Listener[] = [];

  constructor(private readonly log: Logger) {}

  register(listener: Listener): void {
    this.listeners.push(listener);
  }

  dispatch(events: CommittedEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        if (!listener.events.includes(event.type)) continue;
        Promise.resolve()
          .then(() => listener.handle(event))
          .catch((error: unknown) => this.log.error({ err: error, listener: listener.name, event: event.type }, 'listener failed'));
      }
    }
  }
}
