/**
 * A chatflow's W10 consent settings as stored (JSON, null = the defaults in its language) and a
 * PATCH checked before it is written: the engine's sentences, then the subscription type must be
 * one of the workspace's.
 */
import { defaultConsent, mergeConsent, validateConsent } from '@parley/chatflow';
import type { ChatflowConsent, ChatflowConsentPatch, ChatflowLanguage } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ChatflowRow, Database } from '../../storage/schema.js';
import { parseLanguage } from '../chatflows/presenters.js';
import { DomainError } from '../errors.js';
import { findSubscriptionType } from './subscriptionTypes.js';

export function parseConsent(stored: string | null, language: ChatflowLanguage): ChatflowConsent {
  const defaults = defaultConsent(language);
  if (stored === null) return defaults;
  return mergeConsent(defaults, JSON.parse(stored) as ChatflowConsentPatch);
}

/** The shape and sense of a PATCH (no I/O), before the transaction. */
export function validateConsentPatch(patch: ChatflowConsentPatch | undefined): void {
  if (patch === undefined) return;
  const problems = validateConsent(patch, true);
  if (problems.length > 0) throw new DomainError('validation_failed', problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join(' '));
}

/** The stored consent with the PATCH applied, its subscription type checked against the workspace. */
export async function checkConsent(
  db: Kysely<Database>,
  workspaceId: number,
  patch: ChatflowConsentPatch,
  stored: string | null,
  language: ChatflowLanguage,
): Promise<ChatflowConsent> {
  validateConsentPatch(patch);
  const id = patch.communications?.subscriptionTypeId;
  if (id !== undefined && id !== null && !(await findSubscriptionType(db, workspaceId, id))) {
    throw new DomainError('validation_failed', 'consent.communications.subscriptionTypeId: no such subscription type in this workspace');
  }
  return mergeConsent(parseConsent(stored, language), patch);
}

/**
 * Writes a create's or PATCH's consent onto the chatflow row just written, in the same transaction
 * (a refusal rolls the whole write back), and answers the row as it is now.
 */
export async function storeConsent(
  db: Kysely<Database>,
  workspaceId: number,
  row: ChatflowRow,
  patch: ChatflowConsentPatch | undefined,
): Promise<ChatflowRow> {
  if (patch === undefined) return row;
  const consent = await checkConsent(db, workspaceId, patch, row.consent, parseLanguage(row.language));
  return db.updateTable('chatflows').set({ consent: JSON.stringify(consent) }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}
