/**
 * Opens the store chosen by config (PostgreSQL when DATABASE_URL is set, else embedded SQLite)
 * and brings its schema up to date.
 */
import { Kysely, Migrator } from 'kysely';
import type { Config } from '../config/config.js';
import type { StorageDriver } from './drivers/driver.js';
import { postgresDriver } from './drivers/postgres.js';
import { sqliteDriver } from './drivers/sqlite.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export interface Storage {
  db: Kysely<Database>;
  driver: StorageDriver;
  close(): Promise<void>;
}

export async function openStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Storage> {
  const driver = config.databaseUrl ? postgresDriver(config.databaseUrl) : sqliteDriver(config.dataDir);
  const db = new Kysely<Database>({ dialect: driver.dialect });
  await driver.prepare(db);
  const migrator = new Migrator({ db, provider: migrationProvider(driver) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error;
  }
  return { db, driver, close: () => db.destroy() };
}
