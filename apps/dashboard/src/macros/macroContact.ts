/**
 * Who `{{contact.*}}` means in a macro (A6 with I7): the conversation's contact when the visitor
 * is one, else what the visitor told the site. Values are trimmed; a missing one is empty text.
 */
import type { Contact, VisitorSummary } from '@parley/protocol';

export interface MacroContact {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  organization: string;
}

const clean = (value: string | null | undefined): string => (value ?? '').trim();

export const firstWord = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

/** "Ada King Lovelace" -> first "Ada", last "King Lovelace": a visitor's name is one free text. */
function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') };
}

/**
 * The visitor's stored name, else the `name` property the site set (the inbox's "Visitor 12"
 * stand-in for an anonymous visitor is not a name); `email`, `phone` and `organization` are the
 * site's properties of those names.
 */
export function visitorAsContact(visitor: Pick<VisitorSummary, 'id' | 'name' | 'context'>): MacroContact {
  const properties = visitor.context.properties ?? {};
  const stored = visitor.name === `Visitor ${visitor.id}` ? '' : visitor.name;
  return {
    ...splitName(clean(stored) || clean(properties.name)),
    email: clean(properties.email),
    phone: clean(properties.phone),
    organization: clean(properties.organization),
  };
}

/**
 * The contact's fields, each empty one filled from the visitor. The name is taken as a whole: a
 * contact with any name keeps its own (no first name from one and last name from the other).
 */
export function macroContact(visitor: Pick<VisitorSummary, 'id' | 'name' | 'context'> | undefined, contact: Contact | null): MacroContact {
  const fallback = visitor ? visitorAsContact(visitor) : { firstName: '', lastName: '', email: '', phone: '', organization: '' };
  if (!contact) return fallback;
  const names = { firstName: clean(contact.firstName), lastName: clean(contact.lastName) };
  const hasName = names.firstName !== '' || names.lastName !== '';
  return {
    ...(hasName ? names : { firstName: fallback.firstName, lastName: fallback.lastName }),
    email: clean(contact.email) || fallback.email,
    phone: clean(contact.phone) || fallback.phone,
    organization: clean(contact.organization.name) || fallback.organization,
  };
}
