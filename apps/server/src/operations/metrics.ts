/**
 * Prometheus metrics (P3): process defaults plus what an operator of a chat service watches —
 * messages and conversations created, conversations closed by reason, live sockets, HTTP timing.
 */
import client from 'prom-client';
import type { Listener } from '../events/eventBus.js';

export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  listener: Listener;
}

export function createMetrics(countSockets: () => { visitor: number; agent: number }): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  const messages = new client.Counter({ name: 'parley_messages_created_total', help: 'Messages stored, by author kind', labelNames: ['author'], registers: [registry] });
  const conversations = new client.Counter({ name: 'parley_conversations_created_total', help: 'Conversations started', registers: [registry] });
  const closed = new client.Counter({ name: 'parley_conversations_closed_total', help: 'Conversations closed, by reason', labelNames: ['reason'], registers: [registry] });
  new client.Gauge({
    name: 'parley_realtime_connections',
    help: 'Authenticated realtime sockets on this node',
    labelNames: ['principal'],
    registers: [registry],
    collect() {
      const counts = countSockets();
      this.set({ principal: 'visitor' }, counts.visitor);
      this.set({ principal: 'agent' }, counts.agent);
    },
  });
  const httpDuration = new client.Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const listener: Listener = {
    name: 'metrics',
    events: ['message.created', 'conversation.created', 'conversation.closed'],
    handle(event) {
      // Events count once per cluster: only the node that committed the change dispatches them.
      if (event.type === 'message.created') messages.inc({ author: event.message.author.kind });
      else if (event.type === 'conversation.created') conversations.inc();
      else if (event.type === 'conversation.closed') closed.inc({ reason: event.conversation.closeReason ?? 'unknown' });
    },
  };
  return { registry, httpDuration, listener };
}
