import { CONTACT_LIMITS } from '@parley/protocol';
import { cleanText } from '../contacts/contactFields.js';
import { DomainError } from '../errors.js';

/** A lead's or deal's title, checked the same when it is created and when it is edited: never blank. */
export function cleanLeadTitle(title: string): string {
  const cleaned = cleanText('title', title, CONTACT_LIMITS.titleMaxLength);
  if (cleaned === null) throw new DomainError('validation_failed', 'title: required');
  return cleaned;
}
