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
      <p class="field-hint">
        The snippet defines <code>window.Parley</code> at once; calls made before the widget has loaded are queued and run in order. Besides{' '}
        <code>identify</code> it offers <code>open()</code>, <code>close()</code>, <code>toggle()</code>, <code>show()</code>, <code>hide()</code>,{' '}
        <code>setProperties()</code>, <code>track()</code>, <code>startConversation()</code> and <code>on()</code> for the ready, open, close,
        message and unread events: see docs/javascript-api.md in Parley's documentation.
      </p>
      <SiteIdentitySection site={site} />
    </section>
  );
}
