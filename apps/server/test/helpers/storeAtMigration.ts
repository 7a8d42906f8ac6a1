/**
 * For migration tests: a fresh store migrated only up to `migration`, with one workspace and
 * site written as they were then. `migrateToLatest` then runs the migrations under test.
 */
import { Kysely, Migrator } from 'kysely';
import type { StorageDriver } from '../../src/storage/drivers/driver.js';
import { postgresDriver } from '../../src/storage/drivers/postgres.js';
import { sqliteDriver } from '../../src/storage/drivers/sqlite.js';
import { migrationProvider } from '../../src/storage/migrations/index.js';
import type { Database } from '../../src/storage/schema.js';
import { DRIVERS, freshStore } from './drivers.js';

export interface OldStore {
  db: Kysely<Database>;
  driver: StorageDriver;
  workspaceId: number;
  siteId: number;
  migrateToLatest(): Promise<void>;
  close(): Promise<void>;
}

export async function storeAtMigration(migration: string): Promise<OldStore> {
  const store = await freshStore();
  const driver = DRIVERS === 'postgres' ? postgresDriver(store.databaseUrl!) : sqliteDriver(store.dataDir);
  const db = new Kysely<Database>({ dialect: driver.dialect });
  const close = async () => {
    await db.destroy();
    await store.drop();
  };
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(driver) });
    const reached = await migrator.migrateTo(migration);
    if (reached.error) throw reached.error;
    const now = Date.now();
    const workspace = await db.insertInto('workspaces').values({ name: 'Old', created_at: now }).returning('id').executeTakeFirstOrThrow();
    const site = await db
      .insertInto('sites')
      .values({ workspace_id: workspace.id, name: 'Old site', site_key: 'old-site', secret: 's'.repeat(43), allowed_origins: '[]', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const migrateToLatest = async () => {
      const latest = await migrator.migrateToLatest();
      if (latest.error) throw latest.error;
    };
    return { db, driver, workspaceId: workspace.id, siteId: site.id, migrateToLatest, close };
  } catch (error) {
    await close();
    throw error;
  }
}
