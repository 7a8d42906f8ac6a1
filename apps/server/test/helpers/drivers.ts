/**
 * Which storage and pub/sub drivers a test run uses. CI runs the whole suite twice:
 * PARLEY_TEST_DRIVERS=sqlite (default: SQLite + in-process) and =postgres (PostgreSQL + Redis on
 * the local services). A missing service fails the run loudly; nothing is skipped.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const DRIVERS = (process.env.PARLEY_TEST_DRIVERS ?? 'sqlite') as 'sqlite' | 'postgres';
const PG_ADMIN_URL = process.env.PARLEY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface StoreEnv {
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Removes the temporary database or directory. */
  drop(): Promise<void>;
}

/** A fresh, empty store for one test: its own SQLite directory or its own PostgreSQL database. */
export async function freshStore(kind: 'sqlite' | 'postgres' = DRIVERS): Promise<StoreEnv> {
  const makeDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
  if (kind === 'sqlite') {
    const dataDir = makeDir();
    return { dataDir, databaseUrl: null, redisUrl: null, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `parley_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dataDir = makeDir();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    redisUrl: REDIS_URL,
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
