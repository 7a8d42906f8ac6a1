/**
 * The `context.update` payload: where the visitor is (from the host page, via the bridge) and
 * what their browser says about language and time zone, so agents see local time (W12, I-sidebar).
 */
import { LIMITS, type ContextUpdateData, type HostPage } from '@parley/protocol';

const cut = (value: string): string => value.slice(0, LIMITS.contextFieldMaxLength);

export function buildContextUpdate(page: HostPage | null): ContextUpdateData {
  const context: ContextUpdateData = { language: navigator.language };
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (timeZone) context.timeZone = timeZone;
  // Empty values (no referrer, untitled page) are left out rather than sent as "".
  if (page?.url) context.pageUrl = cut(page.url);
  if (page?.title) context.pageTitle = cut(page.title);
  if (page?.referrer) context.referrer = cut(page.referrer);
  return context;
}
