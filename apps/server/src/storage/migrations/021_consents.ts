/**
 * W10 consent: a chatflow's consent settings (JSON `ChatflowConsent`; null reads as the defaults
 * in its language), the workspace's subscription types, and every answer a visitor gave with the
 * exact text it was shown.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { StorageDriver } from '../drivers/driver.js';

export function consentsMigration(driver: StorageDriver) {
  const big = driver.bigintType;
  const primaryId = (col: ColumnDefinitionBuilder) => (driver.name === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('chatflows').addColumn('consent', 'text').execute();
      await db.schema
        .createTable('subscription_types')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('subscription_types_name').on('subscription_types').columns(['workspace_id', 'name']).unique().execute();
      await db.schema
        .createTable('consents')
        .addColumn('id', driver.idType, primaryId)
        .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
        .addColumn('visitor_id', big, (c) => c.notNull().references('visitors.id'))
        // Set when the visitor is (or becomes) a contact, so the contact's sidebar and export find it.
        .addColumn('contact_id', big, (c) => c.references('contacts.id'))
        .addColumn('conversation_id', big, (c) => c.references('conversations.id'))
        .addColumn('chatflow_id', big)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('granted', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        // The name as it was, so the record stays true after the type is renamed.
        .addColumn('subscription_type_id', big)
        .addColumn('subscription_type_name', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('consents_visitor').on('consents').columns(['visitor_id', 'kind']).execute();
      await db.schema.createIndex('consents_contact').on('consents').column('contact_id').execute();
    },
  };
}
