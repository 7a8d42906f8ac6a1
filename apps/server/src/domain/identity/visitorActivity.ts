/**
 * W15 `setProperties` and `track`, and the page views the widget reports: what a visitor does,
 * kept per visitor (so it is on the contact's timeline once the visitor is one). Properties go on
 * the visitor (routing rules and targeting read them there) and, only for a verified visitor, on
 * its contact too: an unverified page cannot change anyone's contact.
 */
import { CONTACT_LIMITS } from '@parley/protocol';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { Database, VisitorRow } from '../../storage/schema.js';
import { cleanProperties, cleanText, parseProperties } from '../contacts/contactFields.js';
import { announceContact, announceVisitorChats } from '../contacts/contactFeed.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { limitContextUpdate } from '../limits/writeLimits.js';
import { mergeContext, parseContext } from '../visitors/visitorContext.js';

const URL_MAX = 2048;

export async function setVisitorProperties(ctx: AppContext, visitor: VisitorRow, input: Record<string, string>): Promise<void> {
  limitContextUpdate(ctx, visitor.id);
  const properties = cleanProperties('properties', input, { maxCount: CONTACT_LIMITS.propertiesMaxCount });
  await inTransaction(ctx, async (uow) => {
    const row = await uow.trx.selectFrom('visitors').select(['context', 'contact_id', 'identity_verified']).where('id', '=', visitor.id).executeTakeFirstOrThrow();
    const context = parseContext(row.context);
    const merged = { ...context.properties, ...properties };
    if (Object.keys(merged).length > CONTACT_LIMITS.propertiesMaxCount) throw new DomainError('validation_failed', `properties: at most ${CONTACT_LIMITS.propertiesMaxCount} in all`);
    await uow.trx.updateTable('visitors').set({ context: JSON.stringify(mergeContext(context, { properties: merged }, undefined)) }).where('id', '=', visitor.id).execute();
    if (row.identity_verified === 1 && row.contact_id !== null) {
      const contact = await uow.trx.selectFrom('contacts').select('properties').where('id', '=', row.contact_id).executeTakeFirstOrThrow();
      const onContact = { ...parseProperties(contact.properties), ...properties };
      if (Object.keys(onContact).length > CONTACT_LIMITS.propertiesMaxCount) throw new DomainError('validation_failed', `properties: at most ${CONTACT_LIMITS.propertiesMaxCount} in all`);
      await uow.trx.updateTable('contacts').set({ properties: JSON.stringify(onContact), updated_at: uow.now }).where('id', '=', row.contact_id).execute();
      await announceContact(uow, Number(row.contact_id));
    }
    await announceVisitorChats(uow, visitor.id);
  });
}

export async function trackEvent(ctx: AppContext, visitor: VisitorRow, input: { event: string; properties?: Record<string, string>; url?: string }): Promise<void> {
  limitContextUpdate(ctx, visitor.id);
  const name = cleanText('event', input.event, CONTACT_LIMITS.eventNameMaxLength);
  if (name === null) throw new DomainError('validation_failed', 'event: required');
  const properties = cleanProperties('properties', input.properties ?? {}, { maxCount: CONTACT_LIMITS.eventPropertiesMaxCount });
  const url = cleanText('url', input.url, URL_MAX);
  await ctx.storage.db
    .insertInto('contact_events')
    .values({ workspace_id: visitor.workspace_id, visitor_id: visitor.id, kind: 'event', name, url, properties: JSON.stringify(properties), created_at: ctx.clock() })
    .execute();
}

/** The widget reported a new page (context.update): a page view on the timeline. */
export async function recordPageView(db: Kysely<Database>, visitor: { id: number; workspace_id: number }, page: { url: string; title: string | null }, now: number): Promise<void> {
  await db
    .insertInto('contact_events')
    .values({ workspace_id: visitor.workspace_id, visitor_id: visitor.id, kind: 'page_view', name: page.title ?? page.url, url: page.url, properties: '{}', created_at: now })
    .execute();
}
