/**
 * What targeting (W6) and custom routing rules (R1) read about a visitor's contact. Built on the
 * server only: the widget gets the decision, never these fields.
 */
import type { ContactFacts } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ContactRow, Database } from '../../storage/schema.js';
import { parseProperties } from './contactFields.js';

type FactsRow = Pick<ContactRow, 'id' | 'email' | 'first_name' | 'last_name' | 'phone' | 'organization_name' | 'owner_user_id' | 'properties'>;

export function toContactFacts(row: FactsRow): ContactFacts {
  return {
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    organization: row.organization_name,
    ownerId: row.owner_user_id === null ? null : Number(row.owner_user_id),
    properties: parseProperties(row.properties),
  };
}

const CHUNK = 500;

/** The facts of many contacts in one query per 500 ids (a routing drain reads its whole batch at once). */
export async function loadContactFacts(db: Kysely<Database>, contactIds: readonly number[]): Promise<Map<number, ContactFacts>> {
  const ids = [...new Set(contactIds)];
  const facts = new Map<number, ContactFacts>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'email', 'first_name', 'last_name', 'phone', 'organization_name', 'owner_user_id', 'properties'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) facts.set(Number(row.id), toContactFacts(row));
  }
  return facts;
}
