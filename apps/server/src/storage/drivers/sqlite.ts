import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { StorageDriver } from './driver.js';
import { diskAttachmentBytes } from './attachmentBytes.js';
import { sqliteFullTextSearch } from './fullTextSearch.js';

export function sqliteDriver(dataDir: string): StorageDriver {
  fs.mkdirSync(dataDir, { recursive: true });
  const database = new SQLite(path.join(dataDir, 'parley.sqlite'));
  // WAL lets readers run beside the writer; FULL fsyncs every commit, so a message acknowledged
  // to its sender survives a crash of the process *and* of the machine.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    name: 'sqlite',
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    idType: 'integer',
    bigintType: 'integer',
    binaryType: 'blob',
    async prepare(db) {
      await sql`select 1`.execute(db);
    },
    async lockFeed() {
      // A single connection with one transaction at a time: appends are already serialized.
    },
    async lockRouting() {
      // One transaction at a time already.
    },
    supportsSkipLocked: false,
    transactionSlots: 1,
    search: sqliteFullTextSearch,
    attachmentBytes: diskAttachmentBytes(dataDir),
    isLockConflict: () => false,
    isUniqueViolation(error) {
      const code = (error as { code?: unknown })?.code;
      return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },
  };
}

/**
 * Kysely prepares every query anew; preparing is a large share of the CPU per message. Our
 * queries come from a small, fixed set of builders, so statements are cached by their SQL text
 * (bounded, in case some query ever embeds values in its text).
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        if (cache.size >= 500) cache.clear();
        statement = database.prepare(sqlText);
        cache.set(sqlText, statement);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
