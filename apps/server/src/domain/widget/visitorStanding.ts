/**
 * Who a visitor is as far as login-only mode and W9 email capture care (docs/chatflows.md):
 *
 * - identified: linked to a contact by identify() with a valid hash (`identity_verified`); on a
 *   site that does not require verification also a visitor the site named through identify()
 *   without a hash (a name or an `email` property), since such a site accepts that identify anyway.
 * - has an email: linked to a contact (email capture or a verified identify), or given an email by
 *   an unverified identify.
 *
 * Read fresh from the database: a socket's visitor row is as old as the socket.
 */
import type { VisitorStanding } from '@parley/chatflow';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { parseContext } from '../visitors/visitorContext.js';

export async function visitorStanding(db: Kysely<Database>, visitorId: number | null): Promise<VisitorStanding> {
  if (visitorId === null) return { identified: false, hasEmail: false };
  const row = await db
    .selectFrom('visitors')
    .innerJoin('sites', 'sites.id', 'visitors.site_id')
    .selectAll('visitors')
    .select('sites.require_identity_verification')
    .where('visitors.id', '=', visitorId)
    .executeTakeFirst();
  if (!row) return { identified: false, hasEmail: false };
  const email = parseContext(row.context).properties?.email;
  const givenEmail = typeof email === 'string' && email.trim() !== '';
  // What an identify() without a hash leaves: the visitor's name or an `email` property.
  const named = (row.name !== null && row.name.trim() !== '') || givenEmail;
  return {
    identified: row.identity_verified === 1 || (row.require_identity_verification === 0 && named),
    hasEmail: row.contact_id !== null || givenEmail,
  };
}
