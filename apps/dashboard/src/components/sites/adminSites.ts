/**
 * Sites as admins and `chatflows:edit` users see them (with snippet and last widget load), for the
 * Sites and Install pages and the setup wizard. Apart from the inbox store: only these pages need it.
 */
import type { AdminSite, SiteRequest } from '@parley/protocol';
import { errorText } from '../../api/request.js';
import { siteApi } from '../../api/siteEndpoints.js';
import { createStore } from '../../state/store.js';

export interface AdminSitesState {
  sites: AdminSite[];
  status: 'idle' | 'loading' | 'loaded' | 'error';
  error: string | null;
}

export const adminSites = createStore<AdminSitesState>({ sites: [], status: 'idle', error: null });

export async function loadAdminSites(): Promise<void> {
  adminSites.update((state) => ({ ...state, status: state.status === 'loaded' ? 'loaded' : 'loading', error: null }));
  try {
    const { sites } = await siteApi.sites();
    adminSites.update(() => ({ sites, status: 'loaded', error: null }));
  } catch (error) {
    adminSites.update((state) => ({ ...state, status: 'error', error: errorText(error) }));
  }
}

/** A site as the server answered it (after any change), replacing the one shown. */
export function keepSite(site: AdminSite): void {
  adminSites.update((state) => {
    const known = state.sites.some((s) => s.id === site.id);
    // Only a rotation changes the secret (and answers with it); other edits answer without one.
    const merge = (s: AdminSite): AdminSite => ({ ...site, secret: site.secret ?? s.secret });
    return { ...state, sites: known ? state.sites.map((s) => (s.id === site.id ? merge(s) : s)) : [...state.sites, site] };
  });
}

/** Throws the server's refusal for the form to show. */
export async function createSite(body: SiteRequest): Promise<AdminSite> {
  const { site } = await siteApi.createSite(body);
  keepSite(site);
  return site;
}

export async function updateSite(id: number, body: Partial<SiteRequest>): Promise<AdminSite> {
  const { site } = await siteApi.updateSite(id, body);
  keepSite(site);
  return site;
}
