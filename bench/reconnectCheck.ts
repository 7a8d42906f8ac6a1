/**
 * What the reconnect bench compares against the database once the nodes have settled: every feed
 * row a client may see (admins: all of the workspace; a visitor: rows carrying its visitor id)
 * after the cursor of its first resume must have reached it, and nothing else (except the span a
 * `resync_required` replaced with a fresh snapshot, counted apart); and every message
 * a visitor sent must be acknowledged and stored exactly once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../apps/server/src/storage/schema.js';
import type { Tracked } from './reconnectClients.js';
import type { SentMessage } from './reconnectLoad.js';

export interface DeliveryCheck {
  /** Clients that lack at least one event they were entitled to. */
  clientsMissing: number;
  eventsMissing: number;
  /** Events a client got that the feed does not hold for it (another visitor's, or invented). */
  eventsUnexpected: number;
  /** Feed rows in the store (all clients' view together). */
  feedRows: number;
  /** Deliveries checked: for every client, the events after its first cursor it was entitled to. */
  entitled: number;
  /** Clients told `resync_required` (too far behind), and the events a fresh snapshot replaced. */
  clientsResynced: number;
  eventsResynced: number;
}

export async function checkDelivery(db: Kysely<Database>, clients: Tracked[]): Promise<DeliveryCheck> {
  const rows = await db.selectFrom('feed').select(['id', 'visitor_id']).orderBy('id').execute();
  const byVisitor = new Map<number, number[]>();
  for (const row of rows) {
    if (row.visitor_id === null) continue;
    const ids = byVisitor.get(row.visitor_id);
    if (ids) ids.push(row.id);
    else byVisitor.set(row.visitor_id, [row.id]);
  }
  const all = rows.map((r) => r.id);
  const result: DeliveryCheck = { clientsMissing: 0, eventsMissing: 0, eventsUnexpected: 0, feedRows: rows.length, entitled: 0, clientsResynced: 0, eventsResynced: 0 };
  for (const client of clients) {
    const resynced = (id: number) => client.resyncs.some((r) => id > r.from && id <= r.to);
    const visible = (client.kind === 'agent' ? all : (byVisitor.get(client.id) ?? [])).filter((id) => id > client.startCursor);
    const entitled = visible.filter((id) => !resynced(id));
    if (client.resyncs.length > 0) result.clientsResynced++;
    result.eventsResynced += visible.length - entitled.length;
    const got = new Set(client.received);
    const missing = entitled.filter((id) => !got.has(id)).length;
    const expected = new Set(entitled);
    result.eventsUnexpected += client.received.filter((id) => !expected.has(id) && !resynced(id)).length;
    result.entitled += entitled.length;
    result.eventsMissing += missing;
    if (missing > 0) result.clientsMissing++;
  }
  return result;
}

/** Polls (bounded) until no client misses anything; returns the last check either way. */
export async function awaitDelivery(db: Kysely<Database>, clients: Tracked[], timeoutMs: number): Promise<DeliveryCheck> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const check = await checkDelivery(db, clients);
    if ((check.eventsMissing === 0 && check.eventsUnexpected === 0) || performance.now() > deadline) return check;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface StoredCheck {
  sent: number;
  acked: number;
  refused: number;
  /** Sent messages found in the messages table (dedupe keys are unique, so at most once each). */
  stored: number;
  /** Acknowledged but not in the table: lost. */
  lost: number;
  /** Longest send → ack: a message sent into the outage waits in the client's outbox until the resume. */
  maxAckMs: number;
}

export async function checkStored(db: Kysely<Database>, messages: SentMessage[]): Promise<StoredCheck> {
  const rows = await db.selectFrom('messages').select(['author_visitor_id', 'client_message_id']).where('author_kind', '=', 'visitor').execute();
  const stored = new Set(rows.map((r) => `${r.author_visitor_id}:${r.client_message_id}`));
  const key = (m: SentMessage) => `${m.visitorId}:${m.clientMessageId}`;
  return {
    sent: messages.length,
    acked: messages.filter((m) => m.ackedAt !== null).length,
    refused: messages.filter((m) => m.failed !== null).length,
    stored: messages.filter((m) => stored.has(key(m))).length,
    lost: messages.filter((m) => m.ackedAt !== null && !stored.has(key(m))).length,
    maxAckMs: Math.max(0, ...messages.map((m) => (m.ackedAt === null ? 0 : m.ackedAt - m.sentAt))),
  };
}
