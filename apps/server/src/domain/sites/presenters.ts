import type { AdminSite, Site } from '@parley/protocol';
import type { SiteRow } from '../../storage/schema.js';
import { embedSnippet } from './embedSnippet.js';
import { allowedOrigins } from './origins.js';

export function toSite(site: SiteRow): Site {
  return { id: site.id, name: site.name, siteKey: site.site_key, allowedOrigins: allowedOrigins(site) };
}

export function toAdminSite(site: SiteRow, publicUrl: string): AdminSite {
  return { ...toSite(site), embedSnippet: embedSnippet(publicUrl, site.site_key), widgetSeenAt: site.widget_seen_at, widgetSeenUrl: site.widget_seen_url, requireIdentityVerification: site.require_identity_verification === 1 };
}
