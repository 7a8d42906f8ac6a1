/**
 * The Ticket properties page edits a draft of the definitions: options as one per line, a local
 * key per row (for Preact's lists), and whether the property was saved before (its key is then
 * fixed, since stored values are filed under it). `definitionProblems` says what stops a save.
 */
import type { TicketPropertyDefinition, TicketPropertyType } from '@parley/protocol';
import { TICKET_PROPERTY_DEFINITIONS_MAX, TICKET_PROPERTY_KEY_PATTERN } from '@parley/protocol';

export interface DefinitionDraft {
  row: number;
  key: string;
  label: string;
  type: TicketPropertyType;
  /** One option per line. */
  options: string;
  saved: boolean;
}

let lastRow = 0;
const KEY = new RegExp(TICKET_PROPERTY_KEY_PATTERN);

export function draftsOf(definitions: readonly TicketPropertyDefinition[]): DefinitionDraft[] {
  return definitions.map((d) => ({ row: ++lastRow, key: d.key, label: d.label, type: d.type, options: d.options.join('\n'), saved: true }));
}

export function newDraft(): DefinitionDraft {
  return { row: ++lastRow, key: '', label: '', type: 'text', options: '', saved: false };
}

/** "Order number" → "order_number": the key a new property gets unless one is typed. */
export function keyFromLabel(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32);
}

function optionList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function toDefinitions(drafts: readonly DefinitionDraft[]): TicketPropertyDefinition[] {
  return drafts.map((d) => ({ key: d.key, label: d.label.trim(), type: d.type, options: d.type === 'select' ? optionList(d.options) : [] }));
}

export function definitionProblems(drafts: readonly DefinitionDraft[]): string[] {
  const problems: string[] = [];
  if (drafts.length > TICKET_PROPERTY_DEFINITIONS_MAX) problems.push(`At most ${TICKET_PROPERTY_DEFINITIONS_MAX} properties.`);
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    const name = draft.label.trim() || `Property ${index + 1}`;
    if (!draft.label.trim()) problems.push(`Property ${index + 1}: give it a label.`);
    if (!KEY.test(draft.key)) problems.push(`${name}: the key needs 1 to 32 lowercase letters, digits, - or _.`);
    else if (seen.has(draft.key)) problems.push(`${name}: another property already has the key "${draft.key}".`);
    seen.add(draft.key);
    if (draft.type === 'select') {
      const options = optionList(draft.options);
      if (options.length === 0) problems.push(`${name}: a select needs at least one option.`);
      if (new Set(options).size !== options.length) problems.push(`${name}: each option must be different.`);
    }
  });
  return problems;
}
