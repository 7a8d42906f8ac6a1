/**
 * The visitor's durable identity. The token lives in the frame's localStorage (the Parley
 * origin, as seen under this host site), so reloads, other pages and other tabs of the same site
 * are the same visitor and see the same history (W12).
 */
import type { WidgetSessionResponse } from '@parley/protocol';
import { HttpError, postWidgetSession } from './api';

const storageKey = (siteKey: string): string => `parley:visitor:${siteKey}`;

export function readVisitorToken(siteKey: string): string | undefined {
  try {
    return localStorage.getItem(storageKey(siteKey)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeVisitorToken(siteKey: string, token: string | null): void {
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
  const stored = readVisitorToken(siteKey);
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
