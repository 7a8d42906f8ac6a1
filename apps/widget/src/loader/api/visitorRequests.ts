/**
 * The JavaScript API's calls to Parley's widget routes (W15: identify, setProperties, track), from
 * the host page with CORS and the visitor token the loader keeps in the host page's storage
 * (hostStorage.ts). Without a token yet, the one the chat frame is busy creating is awaited, or
 * one is made here the way the frame does (`POST /api/widget/session`), so an `identify` on a
 * page where nobody has chatted yet still has a visitor to link.
 */
import type { ErrorCode, IdentifyResponse, ParleyIdentity, WidgetSessionResponse } from '@parley/protocol';
import { readStored, writeStored } from '../hostStorage';

/** A refused call: `code` is the server's error code (`identity_hash_invalid`, …). */
export class ParleyApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
  ) {
    super(`Parley: ${code ?? `HTTP ${status}`}`);
    this.name = 'ParleyApiError';
  }
}

export interface VisitorRequests {
  /** The visitor token in use now (null: none yet). */
  token(): string | null;
  identify(identity: ParleyIdentity): Promise<IdentifyResponse>;
  setProperties(properties: Record<string, string>): Promise<void>;
  track(event: string, properties?: Record<string, string>): Promise<void>;
}

/**
 * `origin`: Parley's. `frameToken` settles once a chat frame that exists has reported its token
 * (or at once without a frame), so the frame and the API never make two visitors.
 */
export function visitorRequests(origin: string, siteKey: string, frameToken: () => Promise<unknown>): VisitorRequests {
  const key = `parley:${siteKey}:visitor`;

  async function post<T>(path: string, body: unknown, token?: string): Promise<T | undefined> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${origin}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status === 204) return undefined;
    const answer = (await response.json().catch(() => null)) as { code?: ErrorCode; error?: { code?: ErrorCode } } | null;
    if (!response.ok) throw new ParleyApiError(response.status, answer?.error?.code ?? answer?.code ?? null);
    return answer as T;
  }

  async function token(): Promise<string> {
    if (!readStored(key)) await frameToken();
    const stored = readStored(key);
    if (stored) return stored;
    const session = (await post<WidgetSessionResponse>('/api/widget/session', { siteKey }))!;
    writeStored(key, session.visitorToken);
    return session.visitorToken;
  }

  /** With the visitor's token; a token the server no longer knows is replaced once. */
  async function send<T>(path: string, body: unknown): Promise<T | undefined> {
    try {
      return await post<T>(path, body, await token());
    } catch (error) {
      if (!(error instanceof ParleyApiError && error.code === 'invalid_visitor_token')) throw error;
      writeStored(key, null);
      return post<T>(path, body, await token());
    }
  }

  return {
    token: () => readStored(key),
    identify: async (identity) => (await send<IdentifyResponse>('/api/widget/identify', identityBody(identity)))!,
    setProperties: async (properties) => void (await send('/api/widget/properties', { properties })),
    track: async (event, properties) => void (await send('/api/widget/events', { event, ...(properties ? { properties } : {}), url: location.href })),
  };
}

/**
 * Only the fields the route takes (it refuses others), the id as a string: sites often pass their
 * numeric user ids, and the hash is computed over the id's text.
 */
export function identityBody(identity: ParleyIdentity): ParleyIdentity {
  if (!identity || typeof identity !== 'object') throw new TypeError('Parley.identify({ id, email, name, hash })');
  const body: ParleyIdentity = { id: String(identity.id) };
  if (identity.email !== undefined) body.email = identity.email;
  if (identity.name !== undefined) body.name = identity.name;
  if (identity.hash !== undefined) body.hash = identity.hash;
  return body;
}
