/**
 * The reconnect bench's clients: the shared RealtimeClient (the widget's and the inbox's) on `ws`,
 * each recording what the bench later checks — when it resumed, and every feed id it was given.
 *
 * A client is told a list of node URLs and a preferred one. Each new socket (first connect and
 * every reconnect attempt) goes to the next URL in the list, starting at the preferred node: with
 * one node that is simply the node; with two, a client whose node died tries the other one on its
 * next attempt. That stands in for a load balancer that stops sending to a dead node.
 */
import {
  RealtimeClient,
  type AgentCommands,
  type AgentEvents,
  type AgentResumeResult,
  type SocketFactory,
  type VisitorCommands,
  type VisitorEvents,
  type VisitorResumeResult,
} from '@parley/protocol';
import WebSocket from 'ws';

type AnyClient = RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult> | RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>;

export interface Tracked {
  kind: 'visitor' | 'agent';
  /** Visitor id or user id in the database (0 against the echo baseline). */
  id: number;
  client: AnyClient;
  /** Feed ids delivered to the application (the client already drops replays at or below its cursor). */
  received: number[];
  /** The cursor of the first resume: everything after it is this client's to receive. */
  startCursor: number;
  /** performance.now() of every successful resume. */
  resumedAt: number[];
  /** Index into the URL list of the node the latest socket went to. */
  node: number;
  /** Refused resumes (bad credentials): the client stops, the bench counts it as never back. */
  refused: string | null;
  /**
   * Resyncs: the server answered `resync_required` (more than LIMITS.replayMaxEvents missed), so
   * the client resumed without a cursor and took a fresh snapshot instead of the events in
   * (from, to]. Those are not delivered as events by design; the check counts them apart.
   */
  resyncs: Array<{ from: number; to: number }>;
}

export interface ClientSpec {
  kind: 'visitor' | 'agent';
  id: number;
  /** Visitor token, or the agent's session cookie (`name=value`). */
  credential: string;
  preferredNode: number;
}

/** Creates the client and connects it; resolves once the first resume succeeded (bounded). */
export function connectTracked(urls: string[], spec: ClientSpec, timeoutMs = 60_000): Promise<Tracked> {
  let attempt = 0;
  const tracked: Tracked = { kind: spec.kind, id: spec.id, client: null as unknown as AnyClient, received: [], startCursor: 0, resumedAt: [], node: spec.preferredNode, refused: null, resyncs: [] };
  const headers: Record<string, string> = spec.kind === 'agent' ? { cookie: spec.credential } : { 'user-agent': 'parley-bench' };
  // The last cursor the application saw, and where a resync (cursor dropped by the client) began.
  let lastCursor = 0;
  let resyncFrom: number | null = null;
  const createSocket = ((_url: string) => {
    if (tracked.resumedAt.length > 0 && tracked.client.cursor === undefined && resyncFrom === null) resyncFrom = lastCursor;
    tracked.node = (spec.preferredNode + attempt++) % urls.length;
    return new WebSocket(urls[tracked.node]!, { headers });
  }) as unknown as SocketFactory;

  return new Promise<Tracked>((resolve, reject) => {
    const timer = setTimeout(() => {
      tracked.client.close();
      reject(new Error(`${spec.kind} ${spec.id}: first resume timed out`));
    }, timeoutMs);
    const onResumed = () => {
      if (tracked.resumedAt.length === 0) {
        tracked.startCursor = tracked.client.cursor ?? 0;
        clearTimeout(timer);
        resolve(tracked);
      }
      tracked.resumedAt.push(performance.now());
      if (resyncFrom !== null) tracked.resyncs.push({ from: resyncFrom, to: tracked.client.cursor ?? 0 });
      resyncFrom = null;
      lastCursor = tracked.client.cursor ?? lastCursor;
    };
    const onUnauthorized = (error: { message: string }) => {
      tracked.refused = error.message;
      clearTimeout(timer);
      reject(new Error(`${spec.kind} ${spec.id}: resume refused: ${error.message}`));
    };
    const onEvent = (_name: unknown, _data: unknown, id: number) => {
      tracked.received.push(id);
      lastCursor = id;
    };
    tracked.client =
      spec.kind === 'agent'
        ? new RealtimeClient<AgentCommands, AgentEvents, AgentResumeResult>({ url: urls[0]!, createSocket, onEvent, onResumed, onUnauthorized })
        : new RealtimeClient<VisitorCommands, VisitorEvents, VisitorResumeResult>({
            url: urls[0]!,
            createSocket,
            credentials: () => ({ visitorToken: spec.credential }),
            onEvent,
            onResumed,
            onUnauthorized,
          });
    tracked.client.connect();
  });
}

/** Connects many clients, `concurrency` resumes at a time, so setup does not look like a reconnect storm. */
export async function connectAll(urls: string[], specs: ClientSpec[], concurrency = 100): Promise<Tracked[]> {
  const out: Tracked[] = new Array(specs.length);
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const i = next++;
      out[i] = await connectTracked(urls, specs[i]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

export function closeAll(clients: Tracked[]): void {
  for (const c of clients) c.client?.close();
}
