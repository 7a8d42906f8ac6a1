import type { AdminSite } from '@parley/protocol';
import { hrefFor, navigate, onLinkClick } from '../../router.js';
import { SnippetBlock } from '../sites/SnippetBlock.js';

/** After Publish: the snippet to paste, and where to check the install later. */
export function DoneStep({ site }: { site: AdminSite }) {
  return (
    <div class="wizard-fields">
      <p>Your chat is published. Add it to your website:</p>
      <SnippetBlock snippet={site.embedSnippet} />
      <p>
        <a href={hrefFor({ name: 'siteInstall', id: site.id })} onClick={onLinkClick}>
          Open the Install page
        </a>{' '}
        to see when the widget first loads on your site.
      </p>
      <div class="form-actions">
        <button type="button" class="button primary" onClick={() => navigate(hrefFor({ name: 'view', view: null }))}>
          Go to the inbox
        </button>
      </div>
    </div>
  );
}
