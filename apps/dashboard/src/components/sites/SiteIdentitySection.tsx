import type { AdminSite } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { siteIdentityApi } from '../../api/customerEndpoints.js';
import { useAction } from '../../hooks/useAction.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { keepSite } from './adminSites.js';
import '../../styles/contacts.css';

/**
 * W15 identity verification for admins (the server sends `secret` to admins only): the site's
 * secret, rotating it after a confirmation, and whether identify() must carry a valid hash.
 */
export function SiteIdentitySection({ site }: { site: AdminSite }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction('Not changed');
  if (site.secret === undefined) return null;
  const secretId = `site-secret-${site.id}`;

  const setRequired = (required: boolean) => run(async () => keepSite((await siteIdentityApi.setVerification(site.id, required)).site));

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
      {confirming && (
        <ConfirmDialog
          title={`Rotate the secret of ${site.name}?`}
          confirmLabel="Rotate now"
          failure="Not rotated"
          onConfirm={async () => keepSite((await siteIdentityApi.rotateSecret(site.id)).site)}
          onClose={() => setConfirming(false)}
        >
          <p>Hashes made with the current secret stop verifying at once: update your server with the new secret right after.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
