/**
 * Operations (issue 8 §3), with real processes: how a node starts and stops as an operator runs
 * it. A process manager sends SIGTERM to whatever it started (`npm start` or node directly); a
 * taken port must fail in one line without losing the first admin's generated password.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshStore, type StoreEnv } from './helpers/drivers.js';
import { storeEnvVars } from './helpers/testServer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Started {
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr apart. */
  out: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(command: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, out, exited };
}

/** Waits for the banner and returns the port it names (PORT=0 lets the node pick a free one). */
async function bannerPort(started: Started, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = started.out.stdout.match(/Inbox:\s+http:\/\/localhost:(\d+)\/inbox\//)?.[1];
    if (port) return Number(port);
    if (started.child.exitCode !== null || started.child.signalCode !== null || Date.now() > deadline) {
      throw new Error(`no banner:\n${started.out.stdout}\n${started.out.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

interface Proc {
  pid: number;
  ppid: number;
  /** Start time in clock ticks since boot: a pid reused later does not count as the same process. */
  start: string;
  state: string;
  cmdline: string;
}

/** Every process on the machine, from /proc (comm may hold spaces and parentheses: parse after the last ')'). */
function processTable(): Proc[] {
  const table: Proc[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      table.push({ pid: Number(entry), state: fields[0]!, ppid: Number(fields[1]), start: fields[19]!, cmdline });
    } catch {
      // Exited while we looked.
    }
  }
  return table;
}

function descendants(pid: number): Proc[] {
  const table = processTable();
  const found: Proc[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const proc of table.filter((p) => p.ppid === parent)) {
      found.push(proc);
      queue.push(proc.pid);
    }
  }
  return found;
}

function stillRunning(proc: Proc): boolean {
  const now = processTable().find((p) => p.pid === proc.pid);
  return now !== undefined && now.start === proc.start && now.state !== 'Z';
}

/** Env for a node on a fresh store, on a free port, logging at info so the drain shows up. */
function nodeEnv(store: StoreEnv, extra: Record<string, string> = {}): Record<string, string> {
  return { ...storeEnvVars(store), LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...extra };
}

test('npm start: SIGTERM to npm drains the node server, frees the port and leaves no process behind', async () => {
  const store = await freshStore();
  // The real `npm start`, build included (a few seconds), so the whole chain a process manager runs is covered.
  const started = run('npm', ['start'], nodeEnv(store));
  let tree: Proc[] = [];
  try {
    const port = await bannerPort(started, 180_000);
    tree = descendants(started.child.pid!);
    assert.ok(
      tree.some((p) => p.cmdline.includes('apps/server/src/main.ts')),
      `the node server runs under npm: ${JSON.stringify(tree)}`,
    );
    assert.equal(await portAccepts(port), true);

    started.child.kill('SIGTERM');
    const exit = await within(started.exited, 20_000, 'npm exits after SIGTERM');
    assert.deepEqual(exit, { code: 0, signal: null }, `npm exit:\n${started.out.stderr}`);
    assert.match(started.out.stdout, /"signal":"SIGTERM","msg":"shutting down"/, 'the server drained rather than died');
    assert.equal(await portAccepts(port), false, 'the port is closed');
    const left = tree.filter(stillRunning);
    assert.deepEqual(left, [], 'no process of npm start remains');
  } finally {
    // A failed run must not leave a server behind for the next test.
    for (const proc of [...tree].reverse()) if (stillRunning(proc)) process.kill(proc.pid, 'SIGKILL');
    if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
    await store.drop();
  }
});

test('node directly: SIGTERM drains and exits 0', async () => {
  const store = await freshStore();
  const started = run(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], nodeEnv(store));
  try {
    const port = await bannerPort(started, 60_000);
    started.child.kill('SIGTERM');
    assert.deepEqual(await within(started.exited, 20_000, 'node exits after SIGTERM'), { code: 0, signal: null });
    assert.match(started.out.stdout, /"msg":"shutting down"/);
    assert.equal(await portAccepts(port), false);
  } finally {
    if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
    await store.drop();
  }
});

test('a busy port fails in one line with exit 1, and the first admin is created (and its password shown) by the next start', async () => {
  const store = await freshStore();
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const busyPort = (blocker.address() as net.AddressInfo).port;
  // No PARLEY_ADMIN_*: Parley generates the first admin's password and can show it only once.
  const { PARLEY_ADMIN_EMAIL: _email, PARLEY_ADMIN_PASSWORD: _password, ...env } = nodeEnv(store);
  try {
    const failed = run(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { ...env, PORT: String(busyPort) });
    const exit = await within(failed.exited, 60_000, 'start on a busy port ends');
    assert.deepEqual(exit, { code: 1, signal: null });
    const lines = failed.out.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line on stderr:\n${failed.out.stderr}`);
    assert.match(lines[0]!, new RegExp(`^Parley cannot start: port ${busyPort} is already in use`));
    assert.doesNotMatch(failed.out.stderr + failed.out.stdout, /EADDRINUSE|\n\s+at /, 'no stack trace');
    assert.doesNotMatch(failed.out.stdout, /password/);

    // Same store, free port: the admin did not exist yet, so this start creates it and prints its password.
    const second = run(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], env);
    try {
      const port = await bannerPort(second, 60_000);
      const admin = second.out.stdout.match(/Admin:\s+(\S+)\s+password: (\S+)/);
      assert.ok(admin, `the banner shows the generated password:\n${second.out.stdout}`);
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: admin[1], password: admin[2] }),
      });
      assert.equal(res.status, 200, 'the printed password signs in');
      second.child.kill('SIGTERM');
      assert.equal((await within(second.exited, 20_000, 'second node stops')).code, 0);
    } finally {
      if (second.child.exitCode === null && second.child.signalCode === null) second.child.kill('SIGKILL');
    }
  } finally {
    blocker.close();
    await store.drop();
  }
});
