/**
 * Test clients that speak to a node exactly as the widget and the inbox do: HTTP with fetch,
 * realtime through the shared RealtimeClient over `ws`.
 */
import {
  RealtimeClient,
  type AgentCommands,
  type AgentEvents,
  type AgentResumeResult,
  type VisitorCommands,
  type VisitorEvents,
  type VisitorResumeResult,
} from '@parley/protocol';
import WebSocket from 'ws';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './testServer.js';

export interface ReceivedEvent {
  id: number;
  name: string;
  data: any;
}

/** Collects every event and signal, and lets a test wait for one that matches. */
export class EventLog {
  readonly events: ReceivedEvent[] = [];
  readonly signals: Array<{ name: string; data: any }> = [];
  private waiters: Array<() => void> = [];

  push(event: ReceivedEvent): void {
    this.events.push(event);
    this.wake();
  }

  pushSignal(name: string, data: unknown): void {
    this.signals.push({ name, data });
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  async waitFor<T>(find: () => T | undefined | false, timeoutMs = 5000, what = 'event'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got: ${this.events.map((e) => e.name).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitForEvent(name: string, match: (data: any) => boolean = () => true, timeoutMs?: number): Promise<ReceivedEvent> {
    return this.waitFor(() => this.events.find((e) => e.name === name && match(e.data)), timeoutMs, name);
  }
}

function socketFactory(headers: Record<string, string> = {}) {
  return (url: string) => new WebSocket(url, { headers }) as any;
}

export interface VisitorClient {
  visitorId: number;
  visitorToken: string;
  rt: RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>;
  log: EventLog;
  resumes: VisitorResumeResult[];
  close(): void;
}

export async function createVisitorSession(baseUrl: string, siteKey: string): Promise<{ visitorId: number; visitorToken: string }> {
  const res = await fetch(`${baseUrl}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/156.0.0.0 Safari/537.36' },
    body: JSON.stringify({ siteKey }),
  });
  if (res.status !== 200) throw new Error(`visitor session failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { visitorId: number; visitorToken: string };
}

/** A connected visitor; pass a token to be the same visitor again (reload, another tab). */
export async function connectVisitor(
  baseUrl: string,
  wsUrl: string,
  siteKey: string,
  existing?: { visitorId: number; visitorToken: string },
): Promise<VisitorClient> {
  const session = existing ?? (await createVisitorSession(baseUrl, siteKey));
  const log = new EventLog();
  const resumes: VisitorResumeResult[] = [];
  const rt = new RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>({
    url: wsUrl,
    createSocket: socketFactory({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36' }),
    credentials: () => ({ visitorToken: session.visitorToken }),
    onEvent: (name, data, id) => log.push({ id, name: String(name), data }),
    onSignal: (name, data) => log.pushSignal(name, data),
    onResumed: (result) => resumes.push(result),
  });
  rt.connect();
  await log.waitFor(() => resumes.length > 0, 5000, 'visitor resume');
  return { ...session, rt, log, resumes, close: () => rt.close() };
}

export interface AgentClient {
  cookie: string;
  userId: number;
  rt: RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>;
  log: EventLog;
  resumes: AgentResumeResult[];
  http(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): void;
}

export async function login(baseUrl: string, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<{ cookie: string; userId: number }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { user: { id: number } };
  return { cookie, userId: body.user.id };
}

export function httpAs(baseUrl: string, cookie: string | null, bearer?: string) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** Signs in (admin by default) and opens the inbox socket. */
export async function connectAgent(baseUrl: string, wsUrl: string, credentials?: { email: string; password: string }): Promise<AgentClient> {
  const { cookie, userId } = await login(baseUrl, credentials?.email, credentials?.password);
  const log = new EventLog();
  const resumes: AgentResumeResult[] = [];
  const rt = new RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>({
    url: wsUrl,
    createSocket: socketFactory({ cookie }),
    onEvent: (name, data, id) => log.push({ id, name: String(name), data }),
    onSignal: (name, data) => log.pushSignal(name, data),
    onResumed: (result) => resumes.push(result),
  });
  rt.connect();
  await log.waitFor(() => resumes.length > 0, 5000, 'agent resume');
  return { cookie, userId, rt, log, resumes, http: httpAs(baseUrl, cookie), close: () => rt.close() };
}

/** Creates an agent (or admin) through the admin API and returns its credentials. */
export async function createUserAs(
  admin: AgentClient,
  input: { email: string; name: string; role?: 'admin' | 'agent'; password?: string },
): Promise<{ email: string; password: string; id: number }> {
  const password = input.password ?? 'agent-password-1';
  const res = await admin.http('POST', '/api/admin/users', { email: input.email, name: input.name, role: input.role ?? 'agent', password });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { email: input.email, password, id: res.body.user.id };
}
