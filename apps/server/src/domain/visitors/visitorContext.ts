import { LIMITS, type ContextUpdateData, type VisitorContext } from '@parley/protocol';
import { describeUserAgent } from './userAgent.js';

export const EMPTY_CONTEXT: VisitorContext = {
  pageUrl: null,
  pageTitle: null,
  referrer: null,
  browser: null,
  os: null,
  language: null,
  timeZone: null,
  userAgent: null,
  properties: {},
};

export function parseContext(json: string): VisitorContext {
  try {
    return { ...EMPTY_CONTEXT, ...(JSON.parse(json) as Partial<VisitorContext>) };
  } catch {
    return { ...EMPTY_CONTEXT };
  }
}

const cut = (value: string | undefined): string | null | undefined =>
  value === undefined ? undefined : value.slice(0, LIMITS.contextFieldMaxLength) || null;

/**
 * Merges what the widget reports (page, language, zone) with what the server saw (user agent).
 * Values are stored as given and only ever rendered as text.
 */
export function mergeContext(current: VisitorContext, update: ContextUpdateData, userAgent: string | undefined): VisitorContext {
  const next: VisitorContext = { ...current };
  const fields = ['pageUrl', 'pageTitle', 'referrer', 'language', 'timeZone'] as const;
  for (const field of fields) {
    const value = cut(update[field]);
    if (value !== undefined) next[field] = value;
  }
  if (next.timeZone && !isValidTimeZone(next.timeZone)) next.timeZone = null;
  // The schema bounds keys, values and count; the set is replaced, not merged, so a site can unset.
  if (update.properties !== undefined) next.properties = { ...update.properties };
  if (userAgent) {
    next.userAgent = userAgent.slice(0, LIMITS.contextFieldMaxLength);
    Object.assign(next, describeUserAgent(userAgent));
  }
  return next;
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
