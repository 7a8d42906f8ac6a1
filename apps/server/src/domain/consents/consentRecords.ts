/**
 * W10 consent records: a visitor's answer stored with the exact text the chatflow showed and its
 * language (taken from the chatflow on the server, never from what the visitor sends), and the
 * records of a visitor or of a contact (every visitor linked to it).
 */
import { consentText } from '@parley/chatflow';
import type { ConsentKind, ConsentRecord, RecordConsentRequest } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ConsentRow, Database, UserRow, VisitorRow } from '../../storage/schema.js';
import { loadConversationRow } from '../conversations/loadConversation.js';
import { assertCanRead } from '../conversations/policies.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { parseLanguage } from '../chatflows/presenters.js';
import { parseConsent } from './chatflowConsent.js';
import { findSubscriptionType } from './subscriptionTypes.js';

export function toConsentRecord(row: ConsentRow): ConsentRecord {
  return {
    id: Number(row.id),
    kind: row.kind as ConsentKind,
    granted: row.granted === 1,
    text: row.text,
    language: parseLanguage(row.language),
    subscriptionType: row.subscription_type_id === null ? null : { id: Number(row.subscription_type_id), name: row.subscription_type_name ?? '' },
    visitorId: Number(row.visitor_id),
    contactId: row.contact_id === null ? null : Number(row.contact_id),
    conversationId: row.conversation_id === null ? null : Number(row.conversation_id),
    createdAt: Number(row.created_at),
  };
}

export async function recordConsent(ctx: AppContext, visitor: VisitorRow, input: RecordConsentRequest): Promise<ConsentRecord> {
  const db = ctx.storage.db;
  const chatflow = await db
    .selectFrom('chatflows')
    .select(['id', 'language', 'consent'])
    .where('id', '=', input.chatflowId)
    .where('site_id', '=', visitor.site_id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!chatflow) throw new DomainError('not_found', 'no such chatflow on this site');
  const language = parseLanguage(chatflow.language);
  const consent = parseConsent(chatflow.consent, language);
  const subscriptionTypeId = input.kind === 'communications' ? consent.communications.subscriptionTypeId : null;
  const subscriptionType = subscriptionTypeId === null ? undefined : await findSubscriptionType(db, visitor.workspace_id, subscriptionTypeId);
  // The open conversation, if any: a consent given mid-chat belongs to it.
  const open = await db
    .selectFrom('conversations')
    .select('id')
    .where('visitor_id', '=', visitor.id)
    .where('status', '=', 'open')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const fresh = await db.selectFrom('visitors').select('contact_id').where('id', '=', visitor.id).executeTakeFirst();
  const row = await db
    .insertInto('consents')
    .values({
      workspace_id: visitor.workspace_id,
      visitor_id: visitor.id,
      contact_id: fresh?.contact_id ?? null,
      conversation_id: open ? Number(open.id) : null,
      chatflow_id: Number(chatflow.id),
      kind: input.kind,
      granted: input.granted ? 1 : 0,
      text: consentText(consent, input.kind),
      language,
      subscription_type_id: subscriptionType ? Number(subscriptionType.id) : null,
      subscription_type_name: subscriptionType?.name ?? null,
      created_at: ctx.clock(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConsentRecord(row);
}

/**
 * Whether the visitor's latest data processing answer in this chatflow is "I agree". A consent is
 * given to the text a chatflow shows, so an answer in another chatflow does not count here; rows
 * without a chatflow count for every chatflow.
 */
export async function dataProcessingGranted(db: Kysely<Database>, visitorId: number, chatflowId: number): Promise<boolean> {
  const latest = await db
    .selectFrom('consents')
    .select('granted')
    .where('visitor_id', '=', visitorId)
    .where('kind', '=', 'dataProcessing')
    .where((eb) => eb.or([eb('chatflow_id', '=', chatflowId), eb('chatflow_id', 'is', null)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return latest?.granted === 1;
}

/** A contact's consents, oldest first: recorded for it, or by any visitor linked to it (also those linked later). */
export async function consentsOfContact(db: Kysely<Database>, contactId: number): Promise<ConsentRecord[]> {
  const rows = await db
    .selectFrom('consents')
    .leftJoin('visitors', 'visitors.id', 'consents.visitor_id')
    .selectAll('consents')
    .where((eb) => eb.or([eb('consents.contact_id', '=', contactId), eb('visitors.contact_id', '=', contactId)]))
    .orderBy('consents.created_at')
    .orderBy('consents.id')
    .execute();
  return rows.map(toConsentRecord);
}

/**
 * The sidebar's consents for a conversation, for whoever may open it: its visitor's answers, and
 * when the visitor is a contact, those of every visitor of that contact.
 */
export async function consentsOfConversation(db: Kysely<Database>, user: UserRow, conversationId: number): Promise<ConsentRecord[]> {
  const conversation = await loadConversationRow(db, conversationId);
  assertCanRead(user, conversation);
  const visitor = await db.selectFrom('visitors').select('contact_id').where('id', '=', conversation.visitor_id).executeTakeFirstOrThrow();
  if (visitor.contact_id !== null) return consentsOfContact(db, Number(visitor.contact_id));
  const rows = await db.selectFrom('consents').selectAll().where('visitor_id', '=', conversation.visitor_id).orderBy('created_at').orderBy('id').execute();
  return rows.map(toConsentRecord);
}
