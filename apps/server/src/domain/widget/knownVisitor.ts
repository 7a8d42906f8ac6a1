/**
 * Targeting's "visitor known / unknown" (W6). A visitor is known once they have told us who they
 * are: today that is a name stored on the visitor row, or a non-empty `email` or `name` among the
 * context properties the site set for them (Parley stores no separate email for visitors yet).
 * Contacts (issue 10) will replace this rule with "has a contact with an email address".
 */
import type { VisitorRow } from '../../storage/schema.js';
import { parseContext } from '../visitors/visitorContext.js';

export function isKnownVisitor(visitor: VisitorRow | null): boolean {
  if (!visitor) return false;
  if (visitor.name && visitor.name.trim() !== '') return true;
  const properties = parseContext(visitor.context).properties ?? {};
  return ['email', 'name'].some((key) => typeof properties[key] === 'string' && properties[key]!.trim() !== '');
}
