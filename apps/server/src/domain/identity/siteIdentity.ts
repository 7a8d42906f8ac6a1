/**
 * Admin side of identity verification (W15): rotating a site's secret (hashes made with the old
 * one stop verifying at once) and requiring verification on a site.
 */
import type { AdminSite } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { toAdminSite, toSite } from '../sites/presenters.js';
import { newSiteSecret } from './identityHash.js';

async function changeSite(ctx: AppContext, workspaceId: number, siteId: number, set: { secret?: string; require_identity_verification?: number }): Promise<AdminSite> {
  return inTransaction(ctx, async (uow) => {
    const site = await uow.trx.updateTable('sites').set(set).where('id', '=', siteId).where('workspace_id', '=', workspaceId).returningAll().executeTakeFirst();
    if (!site) throw new DomainError('not_found', 'no such site');
    // The event carries the public Site only: never the secret.
    uow.emit({ type: 'site.updated', workspaceId, site: toSite(site) });
    return { ...toAdminSite(site, ctx.config.publicUrl), secret: site.secret };
  });
}

export function rotateSiteSecret(ctx: AppContext, workspaceId: number, siteId: number): Promise<AdminSite> {
  return changeSite(ctx, workspaceId, siteId, { secret: newSiteSecret() });
}

export function setIdentityVerification(ctx: AppContext, workspaceId: number, siteId: number, required: boolean): Promise<AdminSite> {
  return changeSite(ctx, workspaceId, siteId, { require_identity_verification: required ? 1 : 0 });
}
