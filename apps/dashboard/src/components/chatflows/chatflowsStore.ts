/**
 * The sites and chatflows the Chatflows pages show (A2), from `GET /api/admin/sites` and
 * `GET /api/admin/chatflows`. Every change goes to the server first and the store takes the
 * server's answer, so priorities and published flags are never a local guess.
 */
import type { AdminSite, Chatflow, CreateChatflowRequest, UpdateChatflowRequest } from '@parley/protocol';
import { api } from '../../api/endpoints.js';
import { errorText } from '../../api/request.js';
import { inbox } from '../../state/inboxStore.js';
import { createStore } from '../../state/store.js';

export interface ChatflowsState {
  sites: AdminSite[];
  /** Every site's chatflows, by site then priority (as the server lists them). */
  chatflows: Chatflow[];
  load: 'loading' | 'loaded' | 'error' | null;
  error: string | null;
}

const empty = (): ChatflowsState => ({ sites: [], chatflows: [], load: null, error: null });

export const chatflowsStore = createStore<ChatflowsState>(empty());

// Signing out forgets the previous user's data with everything else.
inbox.subscribe(() => {
  if (!inbox.get().session && chatflowsStore.get().load !== null) chatflowsStore.update(empty);
});

export async function loadChatflows(): Promise<void> {
  chatflowsStore.update((state) => ({ ...state, load: state.load === 'loaded' ? 'loaded' : 'loading', error: null }));
  try {
    const [{ sites }, { chatflows }] = await Promise.all([api.adminSites(), api.chatflows()]);
    chatflowsStore.update(() => ({ sites, chatflows: sortChatflows(chatflows), load: 'loaded', error: null }));
  } catch (error) {
    chatflowsStore.update((state) => ({ ...state, load: 'error', error: errorText(error) }));
  }
}

/** The chatflows of one site, first shown first. */
export function siteChatflows(chatflows: readonly Chatflow[], siteId: number): Chatflow[] {
  return sortChatflows(chatflows.filter((chatflow) => chatflow.siteId === siteId));
}

function sortChatflows(chatflows: Chatflow[]): Chatflow[] {
  return [...chatflows].sort((a, b) => a.siteId - b.siteId || a.priority - b.priority || a.id - b.id);
}

function put(chatflow: Chatflow): void {
  chatflowsStore.update((state) => ({
    ...state,
    chatflows: sortChatflows([...state.chatflows.filter((c) => c.id !== chatflow.id), chatflow]),
  }));
}

export async function createChatflow(request: CreateChatflowRequest): Promise<Chatflow> {
  const { chatflow } = await api.createChatflow(request);
  put(chatflow);
  return chatflow;
}

export async function duplicateChatflow(id: number): Promise<Chatflow> {
  const { chatflow } = await api.duplicateChatflow(id);
  // A copy may shift the priorities of the ones after it: take the server's whole list.
  await refreshSite(chatflow.siteId);
  put(chatflow);
  return chatflow;
}

export async function deleteChatflow(id: number): Promise<void> {
  await api.deleteChatflow(id);
  chatflowsStore.update((state) => ({ ...state, chatflows: state.chatflows.filter((c) => c.id !== id) }));
}

/** Saves and keeps the list in step; throws for the form to show the server's reason. */
export async function saveChatflow(id: number, request: UpdateChatflowRequest): Promise<Chatflow> {
  const { chatflow } = await api.updateChatflow(id, request);
  put(chatflow);
  return chatflow;
}

/** Moves a chatflow one place up (-1) or down (+1) in its site's priority order. */
export async function moveChatflow(id: number, by: -1 | 1): Promise<void> {
  const moved = chatflowsStore.get().chatflows.find((c) => c.id === id);
  if (!moved) return;
  const order = siteChatflows(chatflowsStore.get().chatflows, moved.siteId).map((c) => c.id);
  const from = order.indexOf(id);
  const to = from + by;
  if (to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to], order[from]];
  await api.setChatflowOrder(moved.siteId, order);
  await refreshSite(moved.siteId);
}

async function refreshSite(siteId: number): Promise<void> {
  const { chatflows } = await api.chatflows(siteId);
  chatflowsStore.update((state) => ({
    ...state,
    chatflows: sortChatflows([...state.chatflows.filter((c) => c.siteId !== siteId), ...chatflows]),
  }));
}
