/**
 * The search bench's data: visitors, conversations and messages written straight through
 * storage in multi-row inserts. Words come from a fixed pseudo-random vocabulary with a skewed
 * frequency (a few words everywhere, most rare), so searches range from thousands of matches to
 * a handful; every tenth visitor has a name and an email.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../apps/server/src/storage/schema.js';

export interface Corpus {
  /** Varied queries: rare and common words, two words, unfinished prefixes, contact names. */
  queries(count: number): string[];
}

const BATCH = 500;

/** Small deterministic generator, so two runs search the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'el', 'an', 'or', 'be', 'di', 'fu', 'ga', 'hi', 'jo', 'pe', 'qu', 'ze'];

export async function seedSearchCorpus(db: Kysely<Database>, size: { messages: number; conversations: number }, analyze: boolean): Promise<Corpus> {
  const rand = random(12);
  const vocabulary = Array.from({ length: 3000 }, () => {
    const n = 2 + Math.floor(rand() * 3);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
  });
  // Skewed: index = vocabulary.length * r^3 puts most draws on the first few hundred words.
  const word = () => vocabulary[Math.floor(vocabulary.length * rand() ** 3)]!;
  const sentence = () => Array.from({ length: 6 + Math.floor(rand() * 20) }, word).join(' ');

  const workspace = await db.selectFrom('workspaces').select('id').orderBy('id').executeTakeFirstOrThrow();
  const chatflow = await db.selectFrom('chatflows').select(['id', 'site_id']).where('workspace_id', '=', workspace.id).orderBy('id').executeTakeFirstOrThrow();
  const now = Date.now();
  const start = now - size.messages * 1000;
  const names: string[] = [];

  const visitorIds: number[] = [];
  for (let i = 0; i < size.conversations; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, size.conversations - i) }, (_, j) => {
      const n = i + j;
      const named = n % 10 === 0;
      const name = `${vocabulary[n % 500]} ${vocabulary[(n * 7) % 900]}`;
      if (named) names.push(name);
      const context = named ? { properties: { name, email: `${vocabulary[n % 500]}.${n}@example.com` } } : { properties: {} };
      return { workspace_id: workspace.id, site_id: chatflow.site_id, token_hash: `bench-${n}`, name: null, context: JSON.stringify(context), created_at: start, last_seen_at: start + n, owner_id: null };
    });
    const inserted = await db.insertInto('visitors').values(rows).returning('id').execute();
    visitorIds.push(...inserted.map((r) => r.id));
  }

  const conversationIds: number[] = [];
  for (let i = 0; i < visitorIds.length; i += BATCH) {
    const rows = visitorIds.slice(i, i + BATCH).map((visitorId, j) => ({
      workspace_id: workspace.id, site_id: chatflow.site_id, chatflow_id: chatflow.id, visitor_id: visitorId,
      status: (i + j) % 3 === 0 ? ('open' as const) : ('closed' as const), channel: 'chat', assignee_id: null, version: 1,
      last_seq: 0, created_at: start, updated_at: now, last_message_at: now, first_agent_reply_at: null, closed_at: null,
      close_reason: null, queue_position: null, queue_wait_seconds: null, last_activity_at: now,
    }));
    const inserted = await db.insertInto('conversations').values(rows).returning('id').execute();
    conversationIds.push(...inserted.map((r) => r.id));
  }

  const seqs = new Map<number, number>();
  for (let i = 0; i < size.messages; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, size.messages - i) }, (_, j) => {
      const n = i + j;
      const c = Math.floor(rand() * conversationIds.length);
      const conversationId = conversationIds[c]!;
      const seq = (seqs.get(conversationId) ?? 0) + 1;
      seqs.set(conversationId, seq);
      const fromVisitor = rand() < 0.6;
      return {
        conversation_id: conversationId, seq, author_kind: fromVisitor ? ('visitor' as const) : ('user' as const),
        author_user_id: fromVisitor ? null : 1, author_visitor_id: fromVisitor ? visitorIds[c]! : null, author_name: null,
        body: sentence(), client_message_id: null, dedupe_key: null, created_at: start + n * 1000,
      };
    });
    await db.transaction().execute((trx) => trx.insertInto('messages').values(rows).execute());
  }

  // Fresh statistics, as autovacuum would have after this many inserts on a live PostgreSQL.
  if (analyze) await sql`analyze`.execute(db);

  return {
    queries(count) {
      const queries: string[] = [];
      const pick = (from: number, to: number) => vocabulary[from + Math.floor(rand() * (to - from))]!;
      for (let i = 0; i < count; i++) {
        const kind = i % 5;
        if (kind === 0) queries.push(pick(0, 30)); // very common word
        else if (kind === 1) queries.push(pick(500, 3000)); // rare word
        else if (kind === 2) queries.push(`${pick(0, 200)} ${pick(100, 1000)}`); // two words
        else if (kind === 3) queries.push(pick(0, 3000).slice(0, 3)); // unfinished prefix
        else queries.push(names[Math.floor(rand() * names.length)]!.split(' ')[0]!); // a contact's name
      }
      return queries;
    },
  };
}
