/**
 * Targeting's visitor information (W6): a visitor is known once linked to a contact (an email
 * captured, or an identify), and contact criteria read that contact's fields.
 */
import type { CriteriaSubject } from '@parley/chatflow';
import type { Kysely } from 'kysely';
import type { Database, VisitorRow } from '../../storage/schema.js';
import { loadContactFacts } from '../contacts/contactFacts.js';

export function isKnownVisitor(visitor: Pick<VisitorRow, 'contact_id'> | null): boolean {
  return visitor !== null && visitor.contact_id !== null;
}

/** Known or not, and the contact's facts; a visitor without a contact reads nothing. */
export async function visitorCriteria(db: Kysely<Database>, visitor: Pick<VisitorRow, 'contact_id'> | null): Promise<CriteriaSubject> {
  if (!isKnownVisitor(visitor)) return { known: false, contact: null };
  const contactId = Number(visitor!.contact_id);
  const contact = (await loadContactFacts(db, [contactId])).get(contactId) ?? null;
  return { known: contact !== null, contact };
}
