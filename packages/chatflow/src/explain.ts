/**
 * W19: targeting in words for the admin (English, like the rest of the admin UI). No live chat
 * product explains why its widget shows or not; the preview does, with the rule that decided.
 */
import type { ContactAttribute, ContactOperator, TargetingRule, UrlOperator } from '@parley/protocol';
import type { ChatflowCandidate, ChatflowChoice, Consideration } from './choose.js';

const URL_VERBS: Record<UrlOperator, string> = {
  is: 'is',
  isNot: 'is not',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
  wildcard: 'matches',
};

const CONTACT_VERBS: Record<ContactOperator, string> = {
  is: 'is',
  isNot: 'is not',
  contains: 'contains',
  isSet: 'is set',
  isNotSet: 'is not set',
};

const CONTACT_ATTRIBUTE_NAMES: Record<ContactAttribute, string> = {
  email: 'email',
  emailDomain: 'email domain',
  firstName: 'first name',
  lastName: 'last name',
  phone: 'phone',
  organization: 'organization',
  owner: 'owner',
};

function describeContact(subject: string, op: ContactOperator, value: string): string {
  const verb = CONTACT_VERBS[op] ?? op;
  return op === 'isSet' || op === 'isNotSet' ? `${subject} ${verb}` : `${subject} ${verb} "${value}"`;
}

/**
 * `URL starts with "/pricing"`, `query "plan" is "pro"`, `device is mobile`, `visitor is known`,
 * `contact organization is "Acme"`, `contact property "plan" is set`.
 */
export function describeRule(rule: TargetingRule): string {
  switch (rule.field) {
    case 'url':
      return `URL ${URL_VERBS[rule.op] ?? rule.op} "${rule.value}"`;
    case 'query':
      return rule.value === '*' ? `query "${rule.name}" is present` : `query "${rule.name}" is "${rule.value}"`;
    case 'device':
      return `device is ${rule.value}`;
    case 'visitor':
      return `visitor is ${rule.value}`;
    case 'contact':
      return describeContact(`contact ${CONTACT_ATTRIBUTE_NAMES[rule.attribute] ?? rule.attribute}`, rule.op, rule.value);
    case 'contactProperty':
      return describeContact(`contact property "${rule.name}"`, rule.op, rule.value);
    default:
      return 'unknown rule';
  }
}

function explainOne<T extends ChatflowCandidate>({ chatflow, outcome }: Consideration<T>): string {
  const name = `"${chatflow.name}"`;
  switch (outcome.reason) {
    case 'unpublished':
      return `${name} is skipped: not published.`;
    case 'everyPage':
      return `${name} shows: it has no targeting groups, so it shows on every page.`;
    case 'groupMatched':
      return `${name} shows: group ${outcome.groupIndex + 1} matched (${outcome.rules.map(describeRule).join(' and ')}).`;
    case 'excluded':
      return `${name} is skipped: excluded by ${describeRule(outcome.rule)}.`;
    case 'noGroupMatched': {
      const failures = outcome.failedRules.map((rule, index) => `in group ${index + 1}, ${describeRule(rule)} did not match`);
      return `${name} is skipped: no group matched (${failures.join('; ')}).`;
    }
  }
}

/** One sentence per considered chatflow, in priority order, and a last one when none shows. */
export function explainChoice<T extends ChatflowCandidate>(choice: ChatflowChoice<T>): string[] {
  const sentences = choice.considered.map(explainOne);
  if (choice.chosen === null) {
    sentences.push(
      choice.considered.length === 0
        ? 'No chatflow shows: the site has no chatflows.'
        : 'No chatflow shows on this page for this visitor and device.',
    );
  }
  return sentences;
}
