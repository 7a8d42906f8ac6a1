/**
 * I9 search on 100,000 messages, per driver.
 *
 *   node --import tsx bench/search.ts [--messages 100000] [--conversations 5000] [--searches 200]
 *        [--drivers sqlite|postgres|both]
 *
 * Per driver, on a fresh store: seeds the messages over the conversations straight through
 * storage (multi-row inserts, so the indexes are filled by the same triggers and index updates as
 * live writes), then runs the searches through `GET /api/search` as the admin (one at a time)
 * and prints p50/p95/p99. Baseline in the same run: the same queries answered by a LIKE scan
 * (`body like '%word%'` per word, same workspace and grouping), timed beside the full-text query
 * called the same way (the domain function, no HTTP), and their ratio. Not part of the test suite.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { percentile } from './searchStats.js';
import { seedSearchCorpus, type Corpus } from './searchSeed.js';
import { freshStore } from '../apps/server/test/helpers/drivers.js';
import { startCluster, ADMIN_EMAIL, ADMIN_PASSWORD } from '../apps/server/test/helpers/testServer.js';
import { login } from '../apps/server/test/helpers/clients.js';
import { search } from '../apps/server/src/domain/search/search.js';
import type { ParleyServer } from '../apps/server/src/app.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    conversations: { type: 'string', default: '5000' },
    searches: { type: 'string', default: '200' },
    drivers: { type: 'string', default: 'both' },
  },
});
const messages = Number(values.messages);
const conversations = Number(values.conversations);
const searches = Number(values.searches);
const drivers = values.drivers === 'both' ? (['sqlite', 'postgres'] as const) : [values.drivers as 'sqlite' | 'postgres'];

async function timeEach(queries: string[], run: (q: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    await run(q);
    times.push(performance.now() - start);
  }
  return times;
}

/** What search answers, found the slow way: every message of the workspace scanned with LIKE. */
async function likeScan(server: ParleyServer, workspaceId: number, q: string): Promise<unknown> {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const match = sql.join(words.map((w) => sql`lower(m.body) like ${`%${w}%`}`), sql` and `);
  const { rows } = await sql`
    select m.conversation_id, max(m.created_at) as at from messages m join conversations c on c.id = m.conversation_id
    where c.workspace_id = ${workspaceId} and m.author_kind in ('visitor', 'user') and ${match}
    group by m.conversation_id order by at desc limit 20`.execute(server.ctx.storage.db);
  return rows;
}

const stats = (times: number[]) => ({ p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) });
const ms = (n: number) => `${n.toFixed(1)} ms`;

for (const driver of drivers) {
  const store = await freshStore(driver);
  const cluster = await startCluster({ store });
  const server = cluster.nodes[0]!.server;
  try {
    const seedStart = performance.now();
    const corpus: Corpus = await seedSearchCorpus(server.ctx.storage.db, { messages, conversations }, driver === 'postgres');
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const queries = corpus.queries(searches);
    const { cookie } = await login(cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const admin = await server.ctx.storage.db.selectFrom('users').selectAll().where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();

    // Warm-up: first statements prepare, first pages come into the cache.
    for (const q of queries.slice(0, 10)) await fetch(`${cluster.url}/api/search?q=${encodeURIComponent(q)}`, { headers: { cookie } });
    let found = 0;
    const http = await timeEach(queries, async (q) => {
      const res = await fetch(`${cluster.url}/api/search?q=${encodeURIComponent(q)}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { conversations: unknown[] };
      if (body.conversations.length > 0) found++;
    });
    const baselineQueries = queries.slice(0, Math.min(50, queries.length));
    const direct = await timeEach(baselineQueries, (q) => search(server.ctx, admin, q));
    const like = await timeEach(baselineQueries, (q) => likeScan(server, admin.workspace_id, q));
    const h = stats(http);
    const d = stats(direct);
    const l = stats(like);
    console.log(`\n${driver}: ${messages} messages in ${conversations} conversations (seeded in ${seedSeconds.toFixed(1)} s)`);
    console.log(`  GET /api/search, ${queries.length} searches (${found} with conversation hits): p50 ${ms(h.p50)}  p95 ${ms(h.p95)}  p99 ${ms(h.p99)}`);
    console.log(`  baseline, ${baselineQueries.length} queries without HTTP: full-text p50 ${ms(d.p50)} p95 ${ms(d.p95)}; LIKE scan p50 ${ms(l.p50)} p95 ${ms(l.p95)}`);
    console.log(`  LIKE scan / full-text: ${(l.p50 / d.p50).toFixed(1)}× at p50, ${(l.p95 / d.p95).toFixed(1)}× at p95`);
  } finally {
    await cluster.close();
  }
}
