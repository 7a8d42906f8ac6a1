/**
 * A6: a macro's body with its variables filled in, at the moment the agent inserts it. Pure, so
 * it is unit-tested and the same words come out whatever screen inserts it.
 *
 * Known variables with no value (a visitor who never gave an email) become empty text; unknown
 * ones (a typo such as `{{contact.frist_name}}`) stay as typed, so the agent sees them before
 * sending instead of the visitor getting a silently dropped word.
 */
import type { MacroVariable, VisitorSummary } from '@parley/protocol';

export interface MacroPeople {
  contact: { name: string; email: string };
  agent: { name: string };
}

const firstWord = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

function valueOf(variable: MacroVariable, people: MacroPeople): string {
  switch (variable) {
    case 'contact.name':
      return people.contact.name.trim();
    case 'contact.first_name':
      return firstWord(people.contact.name);
    case 'contact.email':
      return people.contact.email.trim();
    case 'agent.name':
      return people.agent.name.trim();
    case 'agent.first_name':
      return firstWord(people.agent.name);
  }
}

const KNOWN = new Set<string>(['contact.name', 'contact.first_name', 'contact.email', 'agent.name', 'agent.first_name'] satisfies MacroVariable[]);

export function expandMacro(body: string, people: MacroPeople): string {
  return body.replace(/\{\{\s*([a-zA-Z_.]+)\s*\}\}/g, (whole, name: string) => (KNOWN.has(name) ? valueOf(name as MacroVariable, people) : whole));
}

/**
 * The contact as macros see it: the visitor's stored name, else the `name` property the site
 * set; the inbox's "Visitor 12" stand-in for an anonymous visitor is not a name.
 */
export function macroContact(visitor: Pick<VisitorSummary, 'id' | 'name' | 'context'>): MacroPeople['contact'] {
  const properties = visitor.context.properties ?? {};
  const stored = visitor.name === `Visitor ${visitor.id}` ? '' : visitor.name;
  return { name: stored.trim() || (properties.name ?? '').trim(), email: (properties.email ?? '').trim() };
}
