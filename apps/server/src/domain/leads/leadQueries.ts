/**
 * Lead and deal reads. A lead is as private as the conversation it came from: a user sees it when
 * they may open that conversation (I3); one whose conversation is gone (retention) is visible to
 * every user of the workspace.
 */
import { CONTACT_LIMITS, type Lead, type LeadKind, type LeadStatus } from '@parley/protocol';
import { sql, type Kysely } from 'kysely';
import type { Database, LeadRow, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { readableConversationsSql } from '../conversations/policies.js';
import { contactDisplayName } from '../contacts/contactPresenters.js';

type LeadWithContact = LeadRow & { c_id: number | null; c_first_name: string | null; c_last_name: string | null; c_email: string | null };

export function toLead(row: LeadWithContact): Lead {
  return {
    id: Number(row.id),
    kind: row.kind,
    title: row.title,
    contactId: row.contact_id === null ? null : Number(row.contact_id),
    contactName: row.c_id === null ? null : contactDisplayName({ id: Number(row.c_id), first_name: row.c_first_name, last_name: row.c_last_name, email: row.c_email }),
    organization: row.organization,
    value: row.value,
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    note: row.note,
    status: row.status,
    conversationId: row.conversation_id === null ? null : Number(row.conversation_id),
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdAt: Number(row.created_at),
  };
}

function leadQuery(db: Kysely<Database>) {
  return db
    .selectFrom('leads')
    .leftJoin('contacts', 'contacts.id', 'leads.contact_id')
    .selectAll('leads')
    .select(['contacts.id as c_id', 'contacts.first_name as c_first_name', 'contacts.last_name as c_last_name', 'contacts.email as c_email']);
}

export async function loadLead(db: Kysely<Database>, id: number): Promise<Lead> {
  return toLead((await leadQuery(db).where('leads.id', '=', id).executeTakeFirstOrThrow()) as LeadWithContact);
}

export async function leadsOfContact(db: Kysely<Database>, contactId: number): Promise<Lead[]> {
  const rows = await leadQuery(db).where('leads.contact_id', '=', contactId).orderBy('leads.created_at', 'desc').orderBy('leads.id', 'desc').execute();
  return rows.map((row) => toLead(row as LeadWithContact));
}

/** GET /api/leads and /api/deals: newest first, only those the user may see. */
export async function listLeads(ctx: AppContext, user: UserRow, kind: LeadKind, options: { status?: LeadStatus; limit?: number }): Promise<Lead[]> {
  let query = leadQuery(ctx.storage.db)
    .where('leads.workspace_id', '=', user.workspace_id)
    .where('leads.kind', '=', kind)
    .where((eb) =>
      eb.or([
        eb('leads.conversation_id', 'is', null),
        eb.exists(eb.selectFrom('conversations as rc').select(sql`1`.as('one')).whereRef('rc.id', '=', 'leads.conversation_id').where(readableConversationsSql(user, 'rc'))),
      ]),
    );
  if (options.status) query = query.where('leads.status', '=', options.status);
  const rows = await query.orderBy('leads.created_at', 'desc').orderBy('leads.id', 'desc').limit(Math.min(options.limit ?? CONTACT_LIMITS.listMaxRows, CONTACT_LIMITS.listMaxRows)).execute();
  return rows.map((row) => toLead(row as LeadWithContact));
}
