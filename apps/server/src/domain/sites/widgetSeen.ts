/**
 * The Install page's "the widget loaded on your site": the last time a page outside Parley read
 * the widget config. Written at most once a minute per site per node (an in-memory throttle; a
 * busy site must not turn page views into writes) and never on the request's path: the caller
 * does not wait, and a failed write is only logged.
 */
import { LIMITS } from '@parley/protocol';
import type { AppContext } from '../context.js';

const THROTTLE_MS = 60_000;
const lastWrites = new WeakMap<AppContext, Map<number, number>>();

export function noteWidgetSeen(ctx: AppContext, siteId: number, pageUrl: string): void {
  let bySite = lastWrites.get(ctx);
  if (!bySite) {
    bySite = new Map();
    lastWrites.set(ctx, bySite);
  }
  const now = ctx.clock();
  const last = bySite.get(siteId);
  if (last !== undefined && now - last < THROTTLE_MS) return;
  bySite.set(siteId, now);
  ctx.storage.db
    .updateTable('sites')
    .set({ widget_seen_at: now, widget_seen_url: pageUrl.slice(0, LIMITS.contextFieldMaxLength) })
    .where('id', '=', siteId)
    .execute()
    .catch((error: unknown) => {
      bySite.delete(siteId);
      ctx.log.warn({ err: error, siteId }, 'could not record that the widget was seen');
    });
}
