/** A business renames a site or changes where its widget may run (allowed origins, normalised). */
import type { AdminSite, SiteRequest } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { normalizeOrigins } from './origins.js';
import { toAdminSite, toSite } from './presenters.js';

export async function updateSite(ctx: AppContext, workspaceId: number, siteId: number, input: Partial<SiteRequest>): Promise<AdminSite> {
  const name = input.name?.trim();
  if (name === '') throw new DomainError('validation_failed', 'name: the site needs a name');
  const origins = input.allowedOrigins === undefined ? undefined : normalizeOrigins(input.allowedOrigins);
  return inTransaction(ctx, async (uow) => {
    const existing = await uow.trx.selectFrom('sites').selectAll().where('id', '=', siteId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!existing) throw new DomainError('not_found', 'no such site');
    const changes = { ...(name !== undefined ? { name } : {}), ...(origins !== undefined ? { allowed_origins: JSON.stringify(origins) } : {}) };
    if (Object.keys(changes).length === 0) return toAdminSite(existing, ctx.config.publicUrl);
    const site = await uow.trx.updateTable('sites').set(changes).where('id', '=', siteId).returningAll().executeTakeFirstOrThrow();
    uow.emit({ type: 'site.updated', workspaceId, site: toSite(site) });
    return toAdminSite(site, ctx.config.publicUrl);
  });
}
