import type { AdminSite } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { siteIdentityApi } from '../../api/customerEndpoints.js';
import { errorText } from '../../api/request.js';
import { Dialog } from '../chatflows/Dialog.js';
import { keepSite } from './adminSites.js';
import '../../styles/contacts.css';

/**
 * W15 identity verification for admins (the server sends `secret` to admins only): the site's
 * secret, rotating it after a confirmation, and whether identify() must carry a valid hash.
 */
export function SiteIdentitySection({ site }: { site: AdminSite }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (site.secret === undefined) return null;
  const secretId = `site-secret-${site.id}`;

  async function setRequired(required: boolean) {
    setBusy(true);
    setError(null);
    try {
      keepSite((await siteIdentityApi.setVerification(site.id, required)).site);
    } catch (caught) {
      setError(`Not changed: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="site-identity">
      <p id={`${secretId}-label`} class="field-hint">
        Identity secret (keep it on your server)
      </p>
      <code id={secretId} class="site-secret" aria-labelledby={`${secretId}-label`} data-site-secret>
        {site.secret}
      </code>
      <button
        type="button"
        role="switch"
        aria-checked={site.requireIdentityVerification}
        aria-busy={busy || undefined}
        class="switch"
        onClick={() => busy || void setRequired(!site.requireIdentityVerification)}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
        <span>Require identity verification</span>
      </button>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button" aria-label={`Rotate secret of ${site.name}`} onClick={() => setConfirming(true)}>
          Rotate secret
        </button>
      </div>
      {confirming && <RotateSecretDialog site={site} onClose={() => setConfirming(false)} />}
    </div>
  );
}

function RotateSecretDialog({ site, onClose }: { site: AdminSite; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      keepSite((await siteIdentityApi.rotateSecret(site.id)).site);
      onClose();
    } catch (caught) {
      setError(`Not rotated: ${errorText(caught)}`);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Rotate the secret of ${site.name}?`} onClose={onClose}>
      <p>Hashes made with the current secret stop verifying at once: update your server with the new secret right after.</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button danger" aria-disabled={busy} onClick={() => void confirm()}>
          Rotate now
        </button>
        <button type="button" class="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
