/**
 * The first schema: workspaces, users and sign-in, sites with their chatflows, visitors,
 * conversations, messages and the realtime feed.
 */
import { sql, type Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function initialMigration(driver: StorageDriver) {
  const id = driver.idType;
  const big = driver.bigintType;
  const primaryId = (col: import('kysely').ColumnDefinitionBuilder) =>
    driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey();

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('workspaces')
        .addColumn('id', id, primaryId)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('avatar_url', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('availability', 'text', (c) => c.notNull().defaultTo('away'))
        .addColumn('max_chats', 'integer', (c) => c.notNull().defaultTo(10))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', id, primaryId)
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('invites')
        .addColumn('id', id, primaryId)
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('accepted_at', big)
        .execute();

      await db.schema
        .createTable('sites')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('site_key', 'text', (c) => c.notNull().unique())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('chatflows')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('site_id', big, (c) => c.notNull().references('sites.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('visitors')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('site_id', big, (c) => c.notNull().references('sites.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('context', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('last_seen_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('conversations')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('site_id', big, (c) => c.notNull().references('sites.id'))
        .addColumn('chatflow_id', big, (c) => c.notNull().references('chatflows.id'))
        .addColumn('visitor_id', big, (c) => c.notNull().references('visitors.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull().defaultTo('chat'))
        .addColumn('assignee_id', big, (c) => c.references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('last_message_at', big)
        .addColumn('first_agent_reply_at', big)
        .addColumn('closed_at', big)
        .addColumn('close_reason', 'text')
        .execute();
      await db.schema.createIndex('conversations_visitor').on('conversations').columns(['visitor_id', 'status']).execute();
      await db.schema
        .createIndex('conversations_inbox')
        .on('conversations')
        .columns(['workspace_id', 'status', 'assignee_id'])
        .execute();
      // At most one open conversation per visitor and site: a closed one is never reopened, and
      // two tabs racing to start a chat must end up in the same conversation.
      await sql`create unique index conversations_one_open on conversations (visitor_id, site_id) where status = 'open'`.execute(db);

      await db.schema
        .createTable('messages')
        .addColumn('id', id, primaryId)
        .addColumn('conversation_id', big, (c) => c.notNull().references('conversations.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('author_kind', 'text', (c) => c.notNull())
        .addColumn('author_user_id', big, (c) => c.references('users.id'))
        .addColumn('author_visitor_id', big, (c) => c.references('visitors.id'))
        .addColumn('author_name', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('client_message_id', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('created_at', big, (c) => c.notNull())
        .addUniqueConstraint('messages_conversation_seq', ['conversation_id', 'seq'])
        .execute();

      await db.schema
        .createTable('feed')
        .addColumn('id', id, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('conversation_id', big)
        .addColumn('visitor_id', big)
        .addColumn('agent_user_id', big)
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('feed_workspace').on('feed').columns(['workspace_id', 'id']).execute();
      await db.schema.createIndex('feed_visitor').on('feed').columns(['visitor_id', 'id']).execute();
    },
  };
}
