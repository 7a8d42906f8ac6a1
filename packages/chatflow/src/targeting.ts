/**
 * W6 targeting: does one rule, and does a whole targeting, match a visitor's page view.
 * Pure: the server decides with it per page view and the admin preview explains with it, so
 * "would this show?" has one answer.
 */
import type { ChatflowTargeting, TargetingOutcome, TargetingRule, UrlOperator, VisitorSituation } from '@parley/protocol';
import { criterionMatches } from './criteria.js';

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `%C3%A9` and `é` are the same page to an admin; a broken escape is compared as written. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Lower case and without one trailing slash (`/pricing/` is `/pricing`; `/` becomes ``). */
function comparable(text: string): string {
  const lower = decode(text).toLowerCase();
  return lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * What a URL rule's value is compared with: the path for `/…` values, the URL without query and
 * fragment for values with a scheme, host + path otherwise. Never the query or the fragment:
 * query parameters have their own rules.
 */
function urlTarget(url: URL, value: string): string {
  if (value.startsWith('/')) return url.pathname;
  if (SCHEME.test(value)) return `${url.protocol}//${url.host}${url.pathname}`;
  return `${url.host}${url.pathname}`;
}

/** `*` is any run of characters; everything else, `.` and `?` included, is literal. */
function wildcardRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

function urlMatches(op: UrlOperator, target: string, value: string): boolean {
  const t = comparable(target);
  const v = comparable(value);
  switch (op) {
    case 'is':
      return t === v;
    case 'isNot':
      return t !== v;
    case 'endsWith':
      return t.endsWith(v);
    case 'wildcard':
      return wildcardRegExp(v).test(t);
    // A trailing slash in these values means "a whole segment": `/blog/` starts `/blog` and
    // `/blog/post` but not `/blogging`. Comparing with the target plus a slash gives exactly that.
    case 'startsWith':
      return `${t}/`.startsWith(decode(value).toLowerCase());
    case 'contains':
      return `${t}/`.includes(decode(value).toLowerCase());
  }
}

/**
 * Whether one rule matches the page view. A situation URL that does not parse matches no URL or
 * query rule, `isNot` included: a page we cannot read is not "some other page", and failing
 * closed keeps a chatflow meant for "everywhere but X" from showing on pages it cannot check.
 */
export function ruleMatches(rule: TargetingRule, situation: VisitorSituation): boolean {
  switch (rule.field) {
    case 'device':
      return situation.device === rule.value;
    case 'visitor':
    case 'contact':
    case 'contactProperty':
      return criterionMatches(rule, situation);
    case 'url': {
      const url = parseUrl(situation.url);
      return url !== null && urlMatches(rule.op, urlTarget(url, rule.value), rule.value);
    }
    case 'query': {
      const url = parseUrl(situation.url);
      if (url === null) return false;
      // Repeated parameters (`?tag=a&tag=b`) match when any of their values does.
      const values = url.searchParams.getAll(rule.name);
      return rule.value === '*' ? values.length > 0 : values.includes(rule.value);
    }
    default:
      return false;
  }
}

/**
 * Exclusions first (any match hides, whatever the groups say), then no groups = every page,
 * then the first group whose rules all match (AND inside, OR between).
 */
export function decideTargeting(targeting: ChatflowTargeting, situation: VisitorSituation): TargetingOutcome {
  for (const rule of targeting.exclusions) {
    if (ruleMatches(rule, situation)) return { shown: false, reason: 'excluded', rule };
  }
  if (targeting.groups.length === 0) return { shown: true, reason: 'everyPage' };
  const failedRules: TargetingRule[] = [];
  for (const [groupIndex, rules] of targeting.groups.entries()) {
    const failed = rules.find((rule) => !ruleMatches(rule, situation));
    if (failed === undefined) return { shown: true, reason: 'groupMatched', groupIndex, rules };
    failedRules.push(failed);
  }
  return { shown: false, reason: 'noGroupMatched', failedRules };
}
