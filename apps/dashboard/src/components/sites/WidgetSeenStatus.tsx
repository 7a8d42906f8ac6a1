import type { AdminSite } from '@parley/protocol';
import { fullTime, isoTime, relativeTime } from '../../format/time.js';
import { useNow } from '../../hooks/useNow.js';

/** Whether the install worked: the last page outside Parley that loaded the widget, and when. */
export function WidgetSeenStatus({ site }: { site: AdminSite }) {
  const now = useNow();
  if (site.widgetSeenAt === null) {
    return (
      <p class="seen-status not-seen">
        Not seen yet — paste the snippet before <code>&lt;/body&gt;</code> and load a page.
      </p>
    );
  }
  return (
    <p class="seen-status seen">
      Widget seen on <span class="seen-url">{site.widgetSeenUrl ?? 'a page of the site'}</span>{' '}
      <time dateTime={isoTime(site.widgetSeenAt)} title={fullTime(site.widgetSeenAt)}>
        {relativeTime(site.widgetSeenAt, Math.max(now, site.widgetSeenAt))}
      </time>
    </p>
  );
}
