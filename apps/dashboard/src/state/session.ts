/** Signing in and out: the session decides whether the realtime connection runs. */
import type { MeResponse } from '@parley/protocol';
import { api } from '../api/endpoints.js';
import { ApiError, setSessionLostHandler } from '../api/request.js';
import { unlockAudioOnFirstGesture } from '../alerts/chime.js';
import { startRealtime, stopRealtime } from '../realtime/connection.js';
import { resetConversationBookkeeping } from './conversations.js';
import { closeThread } from './thread.js';
import { inbox, initialState } from './inboxStore.js';
import { resetOffers } from './offers.js';
import { resetSites } from './sites.js';

/** Asks the server whether the cookie still holds a session. */
export async function restoreSession(): Promise<void> {
  try {
    beginSession(await api.me());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) endSession();
    else inbox.update((state) => ({ ...state, session: null }));
  }
}

export function beginSession(me: MeResponse): void {
  inbox.update(() => ({ ...initialState(me) }));
  setSessionLostHandler(endSession);
  // The offer chime can only play once the page has had a gesture; the first one unlocks it.
  unlockAudioOnFirstGesture();
  startRealtime(endSession);
  void loadUsers();
}

export async function loadUsers(): Promise<void> {
  try {
    const { users } = await api.users();
    inbox.update((state) => ({ ...state, users }));
  } catch {
    // The list only feeds the assignee picker and the Users page; both cope with it missing.
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    endSession();
  }
}

/** Back to the sign-in screen with nothing of the previous user left in memory. */
export function endSession(): void {
  setSessionLostHandler(null);
  stopRealtime();
  resetOffers();
  resetSites();
  closeThread();
  resetConversationBookkeeping();
  inbox.update(() => initialState(null));
}
