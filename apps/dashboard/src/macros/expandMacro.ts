/**
 * A6: a macro's body with its variables filled in, at the moment the agent inserts it. Pure, so
 * it is unit-tested and the same words come out whatever screen inserts it.
 *
 * Known variables with no value (a visitor who never gave an email) become empty text; unknown
 * ones (a typo such as `{{contact.frist_name}}`) stay as typed, so the agent sees them before
 * sending instead of the visitor getting a silently dropped word.
 */
import { MACRO_VARIABLES, type MacroVariable } from '@parley/protocol';
import { firstWord, type MacroContact } from './macroContact.js';

export interface MacroPeople {
  contact: MacroContact;
  agent: { name: string };
}

function valueOf(variable: MacroVariable, people: MacroPeople): string {
  const { contact, agent } = people;
  switch (variable) {
    case 'contact.name':
      return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    case 'contact.first_name':
      return contact.firstName;
    case 'contact.last_name':
      return contact.lastName;
    case 'contact.email':
      return contact.email;
    case 'contact.phone':
      return contact.phone;
    case 'contact.organization':
      return contact.organization;
    case 'agent.name':
      return agent.name.trim();
    case 'agent.first_name':
      return firstWord(agent.name);
  }
}

const KNOWN = new Set<string>(MACRO_VARIABLES);

export function expandMacro(body: string, people: MacroPeople): string {
  return body.replace(/\{\{\s*([a-zA-Z_.]+)\s*\}\}/g, (whole, name: string) => (KNOWN.has(name) ? valueOf(name as MacroVariable, people) : whole));
}
