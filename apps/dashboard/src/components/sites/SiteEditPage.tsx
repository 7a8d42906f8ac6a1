import { hrefFor, navigate } from '../../router.js';
import { SiteForm } from './SiteForm.js';
import { SitePageFrame } from './SitePageFrame.js';
import { useAdminSites } from './useAdminSites.js';

/** One site's name and allowed origins. */
export function SiteEditPage({ siteId }: { siteId: number }) {
  const state = useAdminSites();
  return (
    <SitePageFrame siteId={siteId} state={state} heading={<h1 class="pane-title">Site settings</h1>}>
      {(site) => <SiteForm key={site.id} site={site} onDone={() => navigate(hrefFor({ name: 'sites' }))} />}
    </SitePageFrame>
  );
}
