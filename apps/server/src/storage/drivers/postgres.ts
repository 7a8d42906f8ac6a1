import pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import type { StorageDriver } from './driver.js';
import { databaseAttachmentBytes } from './attachmentBytes.js';
import { postgresFullTextSearch } from './fullTextSearch.js';
import { withPreparedStatements } from './preparedStatements.js';

// int8 (bigint) comes back as a string by default; our ids and epoch-ms timestamps fit in a double.
pg.types.setTypeParser(20, Number);

/** Namespace for advisory locks taken on feed appends (first key of the two-int form). */
const FEED_LOCK_NAMESPACE = 7311;
/** Namespace for the per-workspace routing lock. */
const ROUTING_LOCK_NAMESPACE = 7312;
const POOL_SIZE = 16;
/** Write transactions at once (group commit); the rest of the pool serves reads and leases. */
const TRANSACTION_SLOTS = 8;

export function postgresDriver(connectionString: string): StorageDriver {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE });
  // An idle connection that the server drops (restart, admin kill, network) is an 'error' event
  // on the pool; unhandled, it would kill the process. pg discards that client and the next query
  // opens a new one, so a warning is all it needs.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`));
  return {
    name: 'postgres',
    dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
    idType: 'bigserial',
    bigintType: 'bigint',
    binaryType: 'bytea',
    async prepare(db) {
      await sql`select 1`.execute(db);
    },
    async lockFeed(trx, workspaceId) {
      // Held until commit: feed rows of a workspace get ids in commit order (see FeedTable).
      await sql`select pg_advisory_xact_lock(${FEED_LOCK_NAMESPACE}, ${workspaceId})`.execute(trx);
    },
    async lockRouting(trx, workspaceId) {
      await sql`select pg_advisory_xact_lock(${ROUTING_LOCK_NAMESPACE}, ${workspaceId})`.execute(trx);
    },
    supportsSkipLocked: true,
    transactionSlots: TRANSACTION_SLOTS,
    search: postgresFullTextSearch,
    attachmentBytes: databaseAttachmentBytes,
    isLockConflict(error) {
      const code = (error as { code?: unknown })?.code;
      return code === '40P01' || code === '40001';
    },
    isUniqueViolation(error) {
      return (error as { code?: unknown })?.code === '23505';
    },
  };
}
