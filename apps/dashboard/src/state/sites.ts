/**
 * Sites and their chatflows for the admin screens (A2, A7), from `GET /api/admin/sites`. Kept
 * apart from the inbox store: only admins on these pages need them.
 */
import type { Chatflow, SitesResponse, UpdateChatflowRequest } from '@parley/protocol';
import { api } from '../api/endpoints.js';
import { errorText } from '../api/request.js';
import { createStore } from './store.js';
import type { LoadState } from './inboxStore.js';

export type SiteWithChatflows = SitesResponse['sites'][number];

export interface SitesState {
  sites: SiteWithChatflows[];
  load: LoadState | null;
  error: string | null;
}

export const sitesStore = createStore<SitesState>({ sites: [], load: null, error: null });

export async function loadSites(): Promise<void> {
  sitesStore.update((state) => ({ ...state, load: 'loading', error: null }));
  try {
    const { sites } = await api.sites();
    sitesStore.update(() => ({ sites, load: 'loaded', error: null }));
  } catch (error) {
    sitesStore.update((state) => ({ ...state, load: 'error', error: errorText(error) }));
  }
}

export function findChatflow(sites: SiteWithChatflows[], chatflowId: number): { site: SiteWithChatflows; chatflow: Chatflow } | null {
  for (const site of sites) {
    const chatflow = site.chatflows.find((c) => c.id === chatflowId);
    if (chatflow) return { site, chatflow };
  }
  return null;
}

/** Saves and keeps the list in step; throws for the form to show the server's reason. */
export async function saveChatflow(chatflowId: number, request: UpdateChatflowRequest): Promise<Chatflow> {
  const { chatflow } = await api.updateChatflow(chatflowId, request);
  sitesStore.update((state) => ({
    ...state,
    sites: state.sites.map((site) => ({
      ...site,
      chatflows: site.chatflows.map((c) => (c.id === chatflow.id ? chatflow : c)),
    })),
  }));
  return chatflow;
}

/** Signing out forgets them with everything else. */
export function resetSites(): void {
  sitesStore.update(() => ({ sites: [], load: null, error: null }));
}
