/**
 * Checking ticket property values against the workspace's definitions: the same rules for an
 * agent setting them on a conversation and an editor setting a chatflow's defaults.
 */
import { TICKET_CATEGORY_MAX_LENGTH, type TicketPropertyDefinition } from '@parley/protocol';
import { DomainError } from '../errors.js';

/** A category as stored: trimmed, null when blank. */
export function cleanCategory(raw: string | null): string | null {
  const category = raw?.trim() ?? '';
  if ([...category].length > TICKET_CATEGORY_MAX_LENGTH) throw new DomainError('validation_failed', `category: at most ${TICKET_CATEGORY_MAX_LENGTH} characters`);
  return category === '' ? null : category;
}

/**
 * One custom value, trimmed; null means "no value" (blank or null clears). An undefined key is
 * unknown_ticket_property, a select value outside its options invalid_ticket_property_value.
 */
export function cleanValue(definitions: readonly TicketPropertyDefinition[], key: string, raw: string | null): string | null {
  const definition = definitions.find((d) => d.key === key);
  const value = raw?.trim() ?? '';
  if (!definition) {
    // Clearing a value whose definition was removed since is harmless; setting one is not.
    if (value === '') return null;
    throw new DomainError('unknown_ticket_property', key);
  }
  if (value === '') return null;
  if (definition.type === 'select' && !definition.options.includes(value)) throw new DomainError('invalid_ticket_property_value', `${key}: "${value}"`);
  return value;
}

/** `current` with `changes` applied, every change checked first. */
export function applyValues(
  definitions: readonly TicketPropertyDefinition[],
  current: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string | null>>,
): Record<string, string> {
  const next: Record<string, string> = { ...current };
  for (const [key, raw] of Object.entries(changes)) {
    const value = cleanValue(definitions, key, raw);
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * The values still valid under today's definitions, silently dropping the rest: a chatflow's
 * defaults were checked when saved, but a definition may have changed since.
 */
export function stillValid(definitions: readonly TicketPropertyDefinition[], values: Readonly<Record<string, string>>): Record<string, string> {
  const valid: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const definition = definitions.find((d) => d.key === key);
    if (definition && (definition.type === 'text' || definition.options.includes(value))) valid[key] = value;
  }
  return valid;
}

/** Stored custom values (JSON object of strings); anything else reads as none. */
export function parseValues(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}
