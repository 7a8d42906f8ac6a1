import type { AdminSite, Chatflow } from '@parley/protocol';
import type { SiteRow } from '../../storage/schema.js';
import { listChatflows } from '../chatflows/queries.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { toAdminSite } from './presenters.js';

/** The site behind a public site key (the widget's only credential), or `site_not_found`. */
export async function findSiteByKey(ctx: AppContext, siteKey: string): Promise<SiteRow> {
  const site = await ctx.storage.db.selectFrom('sites').selectAll().where('site_key', '=', siteKey).executeTakeFirst();
  if (!site) throw new DomainError('site_not_found');
  return site;
}

export type AdminSiteWithChatflows = AdminSite & { chatflows: Chatflow[] };

/**
 * The workspace's sites for the admin pages, each with its live chatflows in priority order (the
 * inbox's chatflow settings read them from here too).
 */
export async function listAdminSites(ctx: AppContext, workspaceId: number, options: { withSecret?: boolean } = {}): Promise<AdminSiteWithChatflows[]> {
  const sites = await ctx.storage.db.selectFrom('sites').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const chatflows = await listChatflows(ctx.storage.db, workspaceId);
  return sites.map((site) => ({
    ...toAdminSite(site, ctx.config.publicUrl),
    // W15: the identity-hash key is for admins only (never agents, never visitors).
    ...(options.withSecret ? { secret: site.secret } : {}),
    chatflows: chatflows.filter((c) => c.siteId === site.id),
  }));
}
