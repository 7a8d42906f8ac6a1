/**
 * Routing (R1–R6, I2, W7): user skills and presence, teams, chatflow routing and availability
 * settings, offers, the conversation's place in routing, and durable deadlines.
 */
import { sql, type Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function routingMigration(driver: StorageDriver) {
  const id = driver.idType;
  const big = driver.bigintType;
  const primaryId = (col: import('kysely').ColumnDefinitionBuilder) =>
    driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey();

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      await db.schema.alterTable('users').addColumn('away_reason', 'text').execute();
      await db.schema.alterTable('users').addColumn('missed_offers', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('users').addColumn('grace_until', big).execute();

      await db.schema.alterTable('visitors').addColumn('owner_id', big).execute();

      await db.schema.alterTable('chatflows').addColumn('routing', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema.alterTable('chatflows').addColumn('availability', 'text', (c) => c.notNull().defaultTo('{}')).execute();

      await db.schema.alterTable('conversations').addColumn('routing_state', 'text', (c) => c.notNull().defaultTo('assigned')).execute();
      await db.schema.alterTable('conversations').addColumn('queue_position', 'integer').execute();
      await db.schema.alterTable('conversations').addColumn('queue_wait_seconds', 'integer').execute();
      await db.schema.alterTable('conversations').addColumn('missed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('conversations').addColumn('last_activity_at', big).execute();
      // Conversations from before routing existed were handled by hand: they are not re-routed.
      await sql`update conversations set routing_state = 'missed' where assignee_id is null`.execute(db);
      await db.schema.createIndex('conversations_routing').on('conversations').columns(['chatflow_id', 'routing_state', 'id']).execute();

      await db.schema
        .createTable('teams')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('team_members')
        .addColumn('team_id', big, (c) => c.notNull().references('teams.id').onDelete('cascade'))
        .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('offers')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull())
        .addColumn('conversation_id', big, (c) => c.notNull().references('conversations.id'))
        .addColumn('user_id', big, (c) => c.notNull().references('users.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('resolved_at', big)
        .execute();
      // The database itself refuses a second pending offer for one conversation (R2).
      await sql`create unique index offers_one_pending on offers (conversation_id) where status = 'pending'`.execute(db);
      await db.schema.createIndex('offers_user').on('offers').columns(['user_id', 'status']).execute();

      await db.schema
        .createTable('deadlines')
        .addColumn('id', id, primaryId)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('workspace_id', big, (c) => c.notNull())
        .addColumn('due_at', big, (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', big)
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deadlines_due').on('deadlines').columns(['due_at']).execute();

      await db.schema
        .createTable('presence')
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('workspace_id', big, (c) => c.notNull())
        .addColumn('sockets', 'integer', (c) => c.notNull())
        .addColumn('seen_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('presence_pk', ['node_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('routing_cursors')
        .addColumn('scope', 'text', (c) => c.primaryKey())
        .addColumn('last_user_id', big, (c) => c.notNull())
        .execute();
    },
  };
}
