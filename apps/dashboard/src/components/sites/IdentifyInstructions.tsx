import type { AdminSite } from '@parley/protocol';
import { SiteIdentitySection } from './SiteIdentitySection.js';

/** Install: how a site tells Parley who its signed-in user is (W15), and how its backend signs that. */
export function IdentifyInstructions({ site }: { site: AdminSite }) {
  return (
    <section class="install-section" aria-labelledby="install-identify">
      <h2 id="install-identify" class="card-title">
        Identify signed-in users
      </h2>
      <p>
        After the snippet, call <code>{'Parley.identify({ id, email, name, hash })'}</code> with your user's id. Your server computes{' '}
        <code>hash</code> as the HMAC-SHA256 of the user id, keyed with this site's identity secret, written as hexadecimal — for example in
        Node.js <code>{"crypto.createHmac('sha256', secret).update(id).digest('hex')"}</code>. Never put the secret in a page.
      </p>
      <p class="field-hint">A verified visitor sees their conversations on every device. With verification required, identify() calls without a valid hash are refused.</p>
      <SiteIdentitySection site={site} />
    </section>
  );
}
