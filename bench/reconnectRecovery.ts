/**
 * Timing one outage: from the signal to the moment each affected client's RealtimeClient had its
 * next successful `session.resume`. The server replays everything after the client's cursor
 * before it acknowledges a resume, so that moment is "back and caught up"; the database check
 * afterwards confirms nothing was skipped.
 */
import type { Tracked } from './reconnectClients.js';
import { stopServerProcess, type ServerProcess } from './reconnectProcess.js';

export interface Recovery {
  label: string;
  /** Clients that lost their socket and had to come back. */
  affected: number;
  /** Milliseconds from the signal to each affected client's next resume, for those that came back. */
  times: number[];
  neverBack: number;
  /** Signal → replacement node accepting connections (NaN when nothing was restarted). */
  downMs: number;
  /** Clients of the surviving node that reconnected anyway (two nodes; should be 0). */
  survivorsReconnected: number;
  /** Connections the kernel dropped on full listen queues from the signal until all were back. */
  listenOverflows: number;
  /** Clients that resumed on the old node between the signal and its exit (a drain still accepting). */
  resumedBeforeExit: number;
}

/**
 * Waits (bounded) until every affected client resumed after `goneAt`, the moment the old process
 * was seen to exit: a client that reconnects while a node drains may resume on it once more
 * before it exits, and that is not being back. Times count from `signalAt`.
 */
export async function awaitRecovery(
  clients: Tracked[],
  signalAt: number,
  goneAt: number,
  timeoutMs: number,
): Promise<{ times: number[]; neverBack: number; resumedBeforeExit: number }> {
  const deadline = performance.now() + timeoutMs;
  const backAt = (c: Tracked) => c.resumedAt.find((t) => t > goneAt);
  while (performance.now() < deadline && clients.some((c) => backAt(c) === undefined && c.refused === null)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const times = clients.map(backAt).filter((t): t is number => t !== undefined).map((t) => t - signalAt);
  const resumedBeforeExit = clients.filter((c) => c.resumedAt.some((t) => t > signalAt && t <= goneAt)).length;
  return { times, neverBack: clients.length - times.length, resumedBeforeExit };
}

/**
 * Stops the node with `signal` and starts it again on the same port as soon as it is gone, the
 * way a process manager restarts a service; returns the new process and how long it was away.
 */
export async function restartNode(
  node: ServerProcess,
  signal: NodeJS.Signals,
  start: (port: number) => Promise<ServerProcess>,
): Promise<{ signalAt: number; goneAt: number; node: ServerProcess; downMs: number }> {
  const signalAt = performance.now();
  await stopServerProcess(node, signal);
  const goneAt = performance.now();
  const next = await start(node.port);
  return { signalAt, goneAt, node: next, downMs: next.listeningAt - signalAt };
}

/** Nearest rank, as in the other benches: every number printed is a time some client really had. */
export function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
