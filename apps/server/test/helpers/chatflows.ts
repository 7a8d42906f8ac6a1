/**
 * Chatflow and site steps for tests, through the admin API as the dashboard does them.
 */
import type { AdminSite, Chatflow, CreateChatflowRequest, UpdateChatflowRequest } from '@parley/protocol';
import type { AgentClient } from './clients.js';

type Http = AgentClient['http'];

/** The demo site the helpers' workspace starts with (and its one published chatflow). */
export async function demoSite(http: Http): Promise<AdminSite & { chatflows: Chatflow[] }> {
  const res = await http('GET', '/api/admin/sites');
  if (res.status !== 200) throw new Error(`sites failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.sites[0];
}

export async function createChatflow(http: Http, body: CreateChatflowRequest): Promise<Chatflow> {
  const res = await http('POST', '/api/admin/chatflows', body);
  if (res.status !== 201) throw new Error(`create chatflow failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.chatflow;
}

export async function updateChatflow(http: Http, id: number, body: UpdateChatflowRequest): Promise<Chatflow> {
  const res = await http('PATCH', `/api/admin/chatflows/${id}`, body);
  if (res.status !== 200) throw new Error(`update chatflow failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.chatflow;
}

/** What the loader gets for one page view (null = no chatflow shows). */
export async function widgetConfigFor(
  baseUrl: string,
  siteKey: string,
  query: { url?: string; device?: 'desktop' | 'mobile'; chatflowId?: number },
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const params = new URLSearchParams({ siteKey });
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const res = await fetch(`${baseUrl}/api/widget/config?${params}`, { headers });
  return { status: res.status, body: await res.json() };
}
