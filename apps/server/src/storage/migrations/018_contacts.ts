/**
 * Contacts (issue 10): the person behind visitors, their timeline, leads and deals, identity
 * verification per site and the workspace's retention policy (A10).
 *
 * - `contacts.email_key` is the lower-cased email, kept by the server beside the email as typed;
 *   its unique index is what makes "one contact per email" hold under concurrent creates (both
 *   dialects fold case the same way, since JavaScript folds it, not SQLite's ASCII-only lower()).
 * - `contacts.external_id` is the site's own user id from a verified identify (W15), unique too.
 * - `visitors.contact_id` links a visitor (and so its conversations) to a contact;
 *   `identity_verified` = 1 when that link came from a valid identity hash, which is the only
 *   link that shows a visitor the contact's history or lets it change the contact.
 * - `contact_events` is the timeline, per visitor (page views and `track()` events), so what a
 *   visitor did before it became a contact is on the timeline once it does.
 * - `leads` holds leads and deals (`kind`), linked to a contact and the conversation they came from.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function contactsMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  const primaryId = (col: ColumnDefinitionBuilder) => (driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('contacts')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('email', 'text')
        .addColumn('email_key', 'text')
        .addColumn('external_id', 'text')
        .addColumn('phone', 'text')
        .addColumn('organization_name', 'text')
        .addColumn('organization_address', 'text')
        .addColumn('owner_user_id', big, (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .addColumn('deal_value', 'text')
        .addColumn('currency', 'text')
        .addColumn('expected_close_date', 'text')
        .addColumn('properties', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await sql`create unique index contacts_email_key on contacts (workspace_id, email_key) where email_key is not null`.execute(db);
      await sql`create unique index contacts_external_id on contacts (workspace_id, external_id) where external_id is not null`.execute(db);
      await db.schema.createIndex('contacts_workspace').on('contacts').columns(['workspace_id', 'updated_at']).execute();

      await db.schema.alterTable('visitors').addColumn('contact_id', big, (c) => c.references('contacts.id')).execute();
      await db.schema.alterTable('visitors').addColumn('identity_verified', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('visitors_contact').on('visitors').column('contact_id').execute();

      await db.schema
        .createTable('contact_events')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('visitor_id', big, (c) => c.notNull().references('visitors.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('properties', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contact_events_visitor').on('contact_events').columns(['visitor_id', 'created_at']).execute();

      await db.schema
        .createTable('leads')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('contact_id', big, (c) => c.references('contacts.id'))
        .addColumn('organization', 'text')
        .addColumn('value', 'text')
        .addColumn('currency', 'text')
        .addColumn('expected_close_date', 'text')
        .addColumn('note', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('conversation_id', big, (c) => c.references('conversations.id'))
        .addColumn('created_by', big, (c) => c.references('users.id'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('leads_workspace').on('leads').columns(['workspace_id', 'kind', 'created_at']).execute();
      await db.schema.createIndex('leads_contact').on('leads').column('contact_id').execute();
      await db.schema.createIndex('leads_conversation').on('leads').column('conversation_id').execute();

      // A10 erasure: SQLite's full-text index would otherwise keep a deleted message's words in
      // its segments until they happen to be merged; secure-delete removes them with the row.
      // (PostgreSQL's tsvector is a column of the row and goes with it.)
      if (driver.name === 'sqlite') await sql`insert into messages_fts(messages_fts, rank) values ('secure-delete', 1)`.execute(db);

      await db.schema.alterTable('sites').addColumn('require_identity_verification', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('workspaces').addColumn('retention_days', 'integer').execute();
    },
  };
}
