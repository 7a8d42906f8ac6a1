/**
 * The two HTTP calls the frame makes, both same-origin (the frame lives on the Parley origin).
 * Everything else goes over the realtime socket.
 */
import type {
  ErrorCode,
  WidgetConfig,
  WidgetConfigResponse,
  WidgetSessionRequest,
  WidgetSessionResponse,
} from '@parley/protocol';
import { readWidgetConfig } from './state/widgetConfig';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
  ) {
    super(`HTTP ${status}${code ? ` ${code}` : ''}`);
    this.name = 'HttpError';
  }
}

/** Error bodies carry `{ code }` either at the top level or under `error`; accept both. */
export async function failure(response: Response): Promise<HttpError> {
  const body = (await response.json().catch(() => null)) as { code?: ErrorCode; error?: { code?: ErrorCode } } | null;
  return new HttpError(response.status, body?.error?.code ?? body?.code ?? null);
}

/**
 * The config of the chatflow the loader chose (`chatflowId`), or without one (an older loader)
 * the site's first published chatflow; with the visitor's token when there is one, for a heading
 * that depends on the visitor (W2). null: that chatflow is not shown now (unpublished,
 * deleted), or the site has none.
 */
export async function fetchWidgetConfig(
  siteKey: string,
  chatflowId: number | null,
  visitorToken?: string,
): Promise<WidgetConfig | null> {
  const query = new URLSearchParams({ siteKey });
  if (chatflowId !== null) query.set('chatflowId', String(chatflowId));
  const url = `/api/widget/config?${query}`;
  let response = await fetch(url, visitorToken ? { headers: { authorization: `Bearer ${visitorToken}` } } : {});
  // A token the server no longer knows only costs the visitor-specific heading.
  if (response.status === 401 && visitorToken) response = await fetch(url);
  if (!response.ok) throw await failure(response);
  return readWidgetConfig(((await response.json()) as WidgetConfigResponse).config);
}

export async function postWidgetSession(request: WidgetSessionRequest): Promise<WidgetSessionResponse> {
  const response = await fetch('/api/widget/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as WidgetSessionResponse;
}
