/** What the wizard edits: the workspace's first site and that site's first chatflow by priority. */
import type { AdminSite, Chatflow } from '@parley/protocol';
import { siteApi } from '../../api/siteEndpoints.js';

export type WizardTarget = { site: AdminSite; chatflow: Chatflow } | { site: AdminSite | null; chatflow: null };

export async function loadWizardTarget(): Promise<WizardTarget> {
  const { sites } = await siteApi.sites();
  const site = [...sites].sort((a, b) => a.id - b.id)[0] ?? null;
  if (!site) return { site: null, chatflow: null };
  const { chatflows } = await siteApi.chatflowsOfSite(site.id);
  const chatflow = [...chatflows].sort((a, b) => a.priority - b.priority || a.id - b.id)[0] ?? null;
  return chatflow ? { site, chatflow } : { site, chatflow: null };
}

/** Same origins, whatever the order: then the site needs no PATCH. */
export function sameOrigins(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
