/**
 * The visitor's durable identity. Inside a host page the token is kept by the loader in the host
 * page's storage (first-party: browsers block or partition the storage of a third-party frame),
 * handed over on frame:ready and sent back when it changes. The frame's own localStorage is the
 * fallback when opened standalone or when the host never answers. So reloads, other pages and
 * other tabs of the same site are the same visitor and see the same history (W12).
 */
import type { WidgetSessionResponse } from '@parley/protocol';
import { HttpError, postWidgetSession } from './api';

const storageKey = (siteKey: string): string => `parley:visitor:${siteKey}`;
/** How long to wait for the host's token before falling back to the frame's own storage. */
const HOST_TOKEN_WAIT_MS = 3000;

interface HostTokenStore {
  /** undefined until the loader has answered. */
  token: string | null | undefined;
  waiters: Array<() => void>;
  save(token: string | null): void;
}
let host: HostTokenStore | null = null;

/** Called once when framed: `save` posts a changed token back to the loader. */
export function keepTokenInHostPage(save: (token: string | null) => void): void {
  host = { token: undefined, waiters: [], save };
}

/** The loader's answer to frame:ready. */
export function receiveHostToken(token: string | null): void {
  if (!host) return;
  host.token = token;
  for (const wake of host.waiters.splice(0)) wake();
}

async function hostToken(): Promise<string | null | undefined> {
  const store = host;
  if (!store) return undefined;
  if (store.token === undefined) {
    await new Promise<void>((resolve) => {
      store.waiters.push(resolve);
      setTimeout(resolve, HOST_TOKEN_WAIT_MS);
    });
  }
  return store.token;
}

/**
 * The token this browser already has for the site, without creating a visitor: the config
 * request sends it so the server can resolve a heading that depends on the visitor (their contact
 * owner, W2). Waits for the loader's answer like the session does (milliseconds when framed).
 */
export async function knownVisitorToken(siteKey: string): Promise<string | undefined> {
  return (await hostToken()) ?? readVisitorToken(siteKey);
}

export function readVisitorToken(siteKey: string): string | undefined {
  try {
    return localStorage.getItem(storageKey(siteKey)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeVisitorToken(siteKey: string, token: string | null): void {
  if (host && host.token !== token) {
    host.token = token;
    host.save(token);
  }
  try {
    if (token) localStorage.setItem(storageKey(siteKey), token);
    else localStorage.removeItem(storageKey(siteKey));
  } catch {
    // Blocked storage: the visitor stays the same only for this page view.
  }
}

/**
 * Returns a session for the stored token, or a new visitor when there is none or the server no
 * longer knows it (e.g. the data was reset).
 */
export async function obtainVisitorSession(siteKey: string, forgetStored = false): Promise<WidgetSessionResponse> {
  if (forgetStored) writeVisitorToken(siteKey, null);
  const stored = (await hostToken()) ?? readVisitorToken(siteKey);
  let session: WidgetSessionResponse;
  try {
    session = await postWidgetSession({ siteKey, ...(stored ? { visitorToken: stored } : {}) });
  } catch (error) {
    if (!(stored && error instanceof HttpError && error.code === 'invalid_visitor_token')) throw error;
    writeVisitorToken(siteKey, null);
    session = await postWidgetSession({ siteKey });
  }
  writeVisitorToken(siteKey, session.visitorToken);
  return session;
}
