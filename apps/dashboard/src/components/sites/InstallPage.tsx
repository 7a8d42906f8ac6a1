import { hrefFor, onLinkClick } from '../../router.js';
import { IdentifyInstructions } from './IdentifyInstructions.js';
import { useStore } from '../../state/store.js';
import { adminSites } from './adminSites.js';
import { SitePageFrame } from './SitePageFrame.js';
import { SnippetBlock } from './SnippetBlock.js';
import { useAdminSites } from './useAdminSites.js';
import { WidgetSeenStatus } from './WidgetSeenStatus.js';

/** Re-read often enough that "seen" shows up a few seconds after the first page load… */
const UNTIL_SEEN_MS = 5_000;
/** …and now and then afterwards, for the latest page. */
const AFTER_SEEN_MS = 60_000;

/** How to put the widget on a site, and whether it has loaded there. */
export function InstallPage({ siteId }: { siteId: number }) {
  const seen = useStore(adminSites, (s) => s.sites.find((site) => site.id === siteId)?.widgetSeenAt != null);
  const state = useAdminSites(seen ? AFTER_SEEN_MS : UNTIL_SEEN_MS);
  return (
    <SitePageFrame siteId={siteId} state={state}>
      {(site) => (
        <>
          <h1 class="pane-title">
            Install <span class="title-note">· {site.name}</span>
          </h1>
          <SnippetBlock snippet={site.embedSnippet} />
          <section class="install-section" aria-labelledby="install-seen">
            <h2 id="install-seen" class="card-title">
              Is it working?
            </h2>
            <WidgetSeenStatus site={site} />
          </section>
          <IdentifyInstructions site={site} />
          <section class="install-section" aria-labelledby="install-origins">
            <h2 id="install-origins" class="card-title">
              Allowed origins
            </h2>
            <OriginsSummary origins={site.allowedOrigins} />
            <p>
              <a href={hrefFor({ name: 'site', id: site.id })} onClick={onLinkClick}>
                Edit the site's name and allowed origins
              </a>
            </p>
          </section>
        </>
      )}
    </SitePageFrame>
  );
}

export function OriginsSummary({ origins }: { origins: readonly string[] }) {
  if (origins.length === 0) return <p class="field-hint">Any website may show the widget (no origins listed).</p>;
  return (
    <ul class="origin-list">
      {origins.map((origin) => (
        <li key={origin}>{origin}</li>
      ))}
    </ul>
  );
}
