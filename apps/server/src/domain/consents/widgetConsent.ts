/**
 * The consent part of a visitor's widget config (W10): the chatflow's texts and links, whether the
 * cookie banner still applies (enabled, the visitor is not identified, no answer yet) and whether
 * the visitor already agreed to data processing in this chatflow.
 */
import type { ChatflowLanguage, WidgetConsent } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ChatflowRow, Database } from '../../storage/schema.js';
import { parseConsent } from './chatflowConsent.js';
import { dataProcessingGranted } from './consentRecords.js';

export async function widgetConsent(
  db: Kysely<Database>,
  row: ChatflowRow,
  language: ChatflowLanguage,
  visitorId: number | null,
  identified: boolean,
): Promise<WidgetConsent> {
  const consent = parseConsent(row.consent, language);
  const cookieAnswered =
    visitorId !== null && (await db.selectFrom('consents').select('id').where('visitor_id', '=', visitorId).where('kind', '=', 'cookie').executeTakeFirst()) !== undefined;
  return {
    ...consent,
    cookieApplies: consent.cookie.enabled && !identified && !cookieAnswered,
    dataProcessingGranted: visitorId !== null && (await dataProcessingGranted(db, visitorId, Number(row.id))),
  };
}
