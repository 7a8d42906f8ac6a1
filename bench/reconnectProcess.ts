/**
 * Server processes for the reconnect bench. Every server runs as its own child process, so it can
 * be SIGKILLed like a crashed node, drained with SIGTERM like a process manager stops one, and
 * measured (VmRSS from /proc) without the bench's 5,000 clients in the same number.
 *
 * A node keeps its port across restarts (a restarted node comes back on the address its clients
 * know), so ports are picked here once and passed as PORT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /**
   * When the port first accepted a connection (performance.now()), found by polling: clients can
   * reconnect from then on, even before the process prints its banner.
   */
  listeningAt: number;
  exited: Promise<void>;
}

/** A port nobody listens on right now (the kernel picks it; we release it for the child). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls the port every 20 ms until it accepts a TCP connection; NaN if the process exits first. */
async function firstAccept(port: number, child: ChildProcess): Promise<number> {
  while (child.exitCode === null && child.signalCode === null) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (accepted) return performance.now();
    await new Promise((r) => setTimeout(r, 20));
  }
  return NaN;
}

/**
 * Starts `node --import tsx <entry>` and resolves once its output matches `ready` (Parley's
 * banner, or the echo server's line). Output is kept only until then; afterwards it is drained
 * so a chatty child never blocks on a full pipe, and warnings still reach our stderr.
 */
export async function startServerProcess(entry: string, port: number, env: Record<string, string>, ready: RegExp, timeoutMs = 60_000): Promise<ServerProcess> {
  const started = await startAndWait(entry, port, env, ready, timeoutMs);
  return { ...started.server, listeningAt: await started.listening };
}

function startAndWait(entry: string, port: number, env: Record<string, string>, ready: RegExp, timeoutMs: number): Promise<{ server: Omit<ServerProcess, 'listeningAt'>; listening: Promise<number> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = firstAccept(port, child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!ready.test(output)) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onEarlyExit);
      child.stdout!.resume();
      resolve({ server: { child, port, exited }, listening });
    };
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited early (${code}):\n${output}`));
    };
    child.stdout!.on('data', onData);
    // Errors and warnings from the server stay visible.
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once('exit', onEarlyExit);
  });
}

/** Sends the signal and waits (bounded) until the process is gone. */
export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals, timeoutMs = 20_000): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  await server.exited;
  clearTimeout(timer);
}

/** Resident set size of a process in KiB (`VmRSS` in /proc/<pid>/status), or NaN if it is gone. */
export function rssKiB(pid: number): number {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * RSS after things settle: samples every 250 ms for `ms` and keeps the lowest reading, so a
 * short-lived allocation spike (a burst of resumes, a GC not yet run) weighs less than what stays.
 */
export async function settledRssKiB(pid: number, ms = 3000): Promise<number> {
  let lowest = Infinity;
  for (let waited = 0; waited < ms; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    lowest = Math.min(lowest, rssKiB(pid));
  }
  return lowest;
}

/** The soft limit on open files of this process (children inherit it). */
export function openFileLimit(): number {
  const match = fs.readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\d+|unlimited)/m);
  return !match || match[1] === 'unlimited' ? Infinity : Number(match[1]);
}

/**
 * The kernel's count of connections dropped because a listen queue was full (`ListenOverflows`
 * in /proc/net/netstat, for the whole network namespace). A dropped SYN costs the client a TCP
 * retransmit (1 s, then 2 s, 4 s …), which is what a reconnect herd's long tail is made of.
 */
export function listenOverflows(): number {
  try {
    const [header, values] = fs.readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
    const index = header!.split(' ').indexOf('ListenOverflows');
    return index < 0 ? NaN : Number(values!.split(' ')[index]);
  } catch {
    return NaN;
  }
}
