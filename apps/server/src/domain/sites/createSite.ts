/**
 * A business adds a site (a shop, a help centre): its own site key and allowed origins, and one
 * unpublished chatflow so there is something to edit before the widget shows anywhere.
 */
import { randomBytes } from 'node:crypto';
import type { AdminSite, SiteRequest } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import { insertChatflow } from '../chatflows/insertChatflow.js';
import { toChatflow } from '../chatflows/presenters.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { normalizeOrigins } from './origins.js';
import { toAdminSite, toSite } from './presenters.js';

export function newSiteKey(): string {
  return `site_${randomBytes(9).toString('base64url')}`;
}

export async function createSite(ctx: AppContext, workspaceId: number, input: SiteRequest): Promise<AdminSite> {
  const name = input.name.trim();
  if (!name) throw new DomainError('validation_failed', 'name: the site needs a name');
  const origins = normalizeOrigins(input.allowedOrigins);
  return inTransaction(ctx, async (uow) => {
    const site = await uow.trx
      .insertInto('sites')
      .values({
        workspace_id: workspaceId,
        name,
        site_key: newSiteKey(),
        secret: randomBytes(32).toString('base64url'),
        allowed_origins: JSON.stringify(origins),
        created_at: uow.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const chatflow = await insertChatflow(uow.trx, { workspaceId, siteId: site.id, name: 'Chatflow', priority: 0, published: false }, uow.now);
    uow.emit({ type: 'site.updated', workspaceId, site: toSite(site) });
    uow.emit({ type: 'chatflow.updated', workspaceId, chatflow: toChatflow(chatflow) });
    return toAdminSite(site, ctx.config.publicUrl);
  });
}
