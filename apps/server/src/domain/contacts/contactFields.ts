/**
 * Checks and cleans what people and sites send about a contact. Text is stored exactly as sent
 * (names with accents, emoji, quotes, "<script>" — it is only ever rendered as text) unless it
 * cannot be: strings with NUL or lone surrogates (PostgreSQL text cannot hold NUL, and a lone
 * surrogate would come back as U+FFFD), control characters in single-line fields, or over the
 * limit are refused with validation_failed naming the field, so nothing is silently altered.
 */
import { CONTACT_LIMITS, isPlausibleEmail } from '@parley/protocol';
import { DomainError } from '../errors.js';

const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const ANY_CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

function refuse(field: string, why: string): never {
  throw new DomainError('validation_failed', `${field}: ${why}`);
}

/** A text field: null or "" clears; else checked and kept exactly as sent. */
export function cleanText(field: string, value: string | null | undefined, max: number, options: { multiline?: boolean } = {}): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isWellFormed(value)) refuse(field, 'contains an unpaired surrogate');
  if ((options.multiline ? CONTROL_EXCEPT_LINES : ANY_CONTROL).test(value)) refuse(field, 'contains control characters');
  if ([...value].length > max) refuse(field, `at most ${max} characters`);
  if (value.trim() === '') refuse(field, 'must not be blank (send null to clear)');
  return value;
}

export function cleanEmail(field: string, value: string | null | undefined): string | null {
  const email = cleanText(field, value, CONTACT_LIMITS.emailMaxLength);
  if (email === null) return null;
  if (!isPlausibleEmail(email)) refuse(field, 'not an email address');
  return email;
}

/** What makes two emails the same contact: case does not count. */
export function emailKey(email: string): string {
  return email.normalize('NFC').toLowerCase();
}

/** String-valued custom properties with bounded keys and values. */
export function cleanProperties(field: string, value: Record<string, string>, limits: { maxCount: number }): Record<string, string> {
  const entries = Object.entries(value);
  if (entries.length > limits.maxCount) refuse(field, `at most ${limits.maxCount} properties`);
  const out: Record<string, string> = {};
  for (const [key, raw] of entries) {
    if (!isWellFormed(key) || ANY_CONTROL.test(key) || [...key].length > CONTACT_LIMITS.propertyKeyMaxLength || key.trim() === '') refuse(field, `invalid key ${JSON.stringify(key.slice(0, 40))}`);
    if (typeof raw !== 'string') refuse(field, `${key}: values are strings`);
    if (!isWellFormed(raw) || CONTROL_EXCEPT_LINES.test(raw)) refuse(field, `${key}: contains control characters or an unpaired surrogate`);
    if ([...raw].length > CONTACT_LIMITS.propertyValueMaxLength) refuse(field, `${key}: at most ${CONTACT_LIMITS.propertyValueMaxLength} characters`);
    // Stored as JSON: keys like __proto__ are plain keys of a null-prototype object.
    Object.defineProperty(out, key, { value: raw, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function parseProperties(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** A calendar date that exists (2026-02-30 does not). */
export function cleanDate(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) refuse(field, 'not a calendar date (YYYY-MM-DD)');
  return value;
}

/** The lower-cased text contacts are searched by (name, email, phone). */
export function searchText(fields: { first_name: string | null; last_name: string | null; email: string | null; phone: string | null }): string {
  return [fields.first_name, fields.last_name, fields.email, fields.phone].filter((v) => v).join(' ').toLowerCase();
}
