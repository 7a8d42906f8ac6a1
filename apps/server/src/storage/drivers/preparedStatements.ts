/**
 * Named prepared statements for PostgreSQL. Kysely sends every query unnamed, so the server parses
 * and plans it again on each execution; for Parley's short, hot queries that is most of
 * PostgreSQL's CPU per message. Naming a statement by a hash of its text lets each connection
 * parse it once and reuse the plan.
 *
 * Texts that vary with their input (an `in (…)` list of a new length) would name a new
 * statement each time and every connection would keep them all, so only the first
 * MAX_NAMED distinct texts are named; anything after that runs unnamed, as before.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

const MAX_NAMED = 2000;
const names = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** Wraps a pool so that the clients it hands out name the statements they run. */
export function withPreparedStatements(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const prepared = new WeakSet<pg.PoolClient>();
  (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    if (!prepared.has(client)) {
      prepared.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown) => {
        // Only the plain (text, values) form Kysely uses; cursors and config objects pass through.
        const name = typeof text === 'string' && Array.isArray(values) ? statementName(text) : undefined;
        return name ? query({ name, text, values }) : query(text, values);
      };
    }
    return client;
  };
  return pool;
}
