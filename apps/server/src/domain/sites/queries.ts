import type { Chatflow, Site, WidgetAvailability, WidgetConfig } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { ChatflowRow, Database, SiteRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { parseAvailability, parseRouting } from '../routing/routingSettings.js';
import { parseWidgetSettings } from './chatflowSettings.js';

export interface SiteWithChatflow {
  site: SiteRow;
  chatflow: ChatflowRow;
}

/**
 * The site behind a public site key and the chatflow the widget shows. Targeting (next issues)
 * will pick among several enabled chatflows; today it is the enabled one with the best priority.
 */
export async function findSiteForWidget(ctx: AppContext, siteKey: string): Promise<SiteWithChatflow> {
  const site = await ctx.storage.db.selectFrom('sites').selectAll().where('site_key', '=', siteKey).executeTakeFirst();
  if (!site) throw new DomainError('site_not_found');
  const chatflow = await activeChatflow(ctx.storage.db, site.id);
  if (!chatflow) throw new DomainError('site_not_found', 'the site has no enabled chatflow');
  return { site, chatflow };
}

/** The chatflow a site's widget runs: the enabled default first, then by priority. */
export function activeChatflow(db: Kysely<Database>, siteId: number): Promise<ChatflowRow | undefined> {
  return db
    .selectFrom('chatflows')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('enabled', '=', 1)
    .orderBy('is_default', 'desc')
    .orderBy('priority', 'asc')
    .orderBy('id', 'asc')
    .executeTakeFirst();
}

export function allowedOrigins(site: SiteRow): string[] {
  try {
    const parsed: unknown = JSON.parse(site.allowed_origins);
    return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * An empty list means the widget may run on any origin (the demo site). Requests without an
 * Origin header are same-origin (the chat frame on Parley's own origin) or not from a browser.
 */
export function isOriginAllowed(site: SiteRow, origin: string | undefined, publicOrigin: string): boolean {
  const origins = allowedOrigins(site);
  return origins.length === 0 || origin === undefined || origin === publicOrigin || origins.includes(origin);
}

export function toWidgetConfig(site: SiteRow, chatflow: ChatflowRow, availability: WidgetAvailability): WidgetConfig {
  return { siteKey: site.site_key, chatflowId: chatflow.id, settings: parseWidgetSettings(chatflow.settings), availability };
}

export function toSite(site: SiteRow): Site {
  return { id: site.id, name: site.name, siteKey: site.site_key, allowedOrigins: allowedOrigins(site) };
}

export function toChatflow(row: ChatflowRow): Chatflow {
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    isDefault: row.is_default === 1,
    enabled: row.enabled === 1,
    settings: parseWidgetSettings(row.settings),
    routing: parseRouting(row.routing),
    availability: parseAvailability(row.availability),
    updatedAt: row.updated_at,
  };
}

export async function listSites(ctx: AppContext, workspaceId: number): Promise<Array<Site & { chatflows: Chatflow[] }>> {
  const sites = await ctx.storage.db.selectFrom('sites').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const chatflows = await ctx.storage.db.selectFrom('chatflows').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return sites.map((site) => ({ ...toSite(site), chatflows: chatflows.filter((c) => c.site_id === site.id).map(toChatflow) }));
}
