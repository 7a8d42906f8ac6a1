/**
 * The three runs of the reconnect bench:
 * - baseline: a bare `ws` server process (reconnectEchoServer.ts) with the same clients: memory
 *   per idle socket, and recovery from a SIGKILL and a SIGTERM restart;
 * - one Parley node on SQLite: memory per idle visitor socket, then a SIGKILL restart and a
 *   SIGTERM (drain) restart while visitors send, each followed by the database checks;
 * - two Parley nodes on PostgreSQL + Redis: one is SIGKILLed for good and its clients move to the
 *   other while visitors send; then the same checks.
 */
import { openStorage, type Storage } from '../apps/server/src/storage/database.js';
import type { AgentClient } from './benchClients.js';
import { awaitDelivery, checkStored, type DeliveryCheck, type StoredCheck } from './reconnectCheck.js';
import { closeAll, connectAll, type ClientSpec, type Tracked } from './reconnectClients.js';
import { Sender } from './reconnectLoad.js';
import { freePort, listenOverflows, settledRssKiB, startServerProcess, stopServerProcess, type ServerProcess } from './reconnectProcess.js';
import { awaitRecovery, restartNode, type Recovery } from './reconnectRecovery.js';
import { prepareStore, type Prepared } from './reconnectSetup.js';

export interface Options {
  visitors: number;
  agents: number;
  talkers: number;
  rate: number;
  beforeSeconds: number;
  afterSeconds: number;
  recoverSeconds: number;
  settleSeconds: number;
}

export interface Memory {
  connections: number;
  beforeKiB: number;
  afterKiB: number;
  perConnectionKiB: number;
}

export interface Run {
  recovery: Recovery;
  delivery: DeliveryCheck | null;
  stored: StoredCheck | null;
}

export interface Outcome {
  memory: Memory | null;
  runs: Run[];
}

const PARLEY = { entry: 'apps/server/src/main.ts', ready: /Inbox:\s+http:\/\/localhost:\d+\/inbox\// };
const ECHO = { entry: 'bench/reconnectEchoServer.ts', ready: /echo listening on \d+/ };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (line: string) => console.log(`[bench] ${line}`);

/** RSS growth of the server process while `connect` opens `count` sockets and they sit idle. */
async function measureMemory(pid: number, count: number, connect: () => Promise<void>): Promise<Memory> {
  const beforeKiB = await settledRssKiB(pid, 2000);
  await connect();
  const afterKiB = await settledRssKiB(pid, 3000);
  return { connections: count, beforeKiB, afterKiB, perConnectionKiB: (afterKiB - beforeKiB) / count };
}

export async function baseline(options: Options): Promise<Outcome> {
  const start = (port: number) => startServerProcess(ECHO.entry, port, {}, ECHO.ready);
  let node = await start(await freePort());
  const urls = [`ws://127.0.0.1:${node.port}/`];
  const spec = (i: number): ClientSpec => ({ kind: 'visitor', id: 0, credential: `baseline-${i}`, preferredNode: 0 });
  const clients: Tracked[] = [];
  try {
    log(`baseline: ${options.visitors} idle sockets on a bare ws server process ...`);
    const memory = await measureMemory(node.child.pid!, options.visitors, async () => {
      clients.push(...(await connectAll(urls, Array.from({ length: options.visitors }, (_, i) => spec(i)))));
    });
    clients.push(...(await connectAll(urls, Array.from({ length: options.agents }, (_, i) => spec(options.visitors + i)))));
    const runs: Run[] = [];
    for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
      log(`baseline: ${signal} and restart with ${clients.length} clients ...`);
      const overflows = listenOverflows();
      const restarted = await restartNode(node, signal, start);
      node = restarted.node;
      const back = await awaitRecovery(clients, restarted.signalAt, restarted.goneAt, options.recoverSeconds * 1000);
      const recovery: Recovery = { label: `ws baseline, ${signal} + restart`, affected: clients.length, ...back, downMs: restarted.downMs, survivorsReconnected: 0, listenOverflows: listenOverflows() - overflows };
      runs.push({ recovery, delivery: null, stored: null });
    }
    return { memory, runs };
  } finally {
    closeAll(clients);
    await stopServerProcess(node, 'SIGTERM');
  }
}

/** Agents on `nodeOf(i)`, set away so new chats get the fallback instead of offers ringing out. */
async function connectAgents(prepared: Prepared, urls: string[], nodeOf: (i: number) => number): Promise<Tracked[]> {
  const agents = await connectAll(urls, prepared.agents.map((a, i) => ({ kind: 'agent', id: a.userId, credential: a.cookie, preferredNode: nodeOf(i) })), 10);
  await Promise.all(agents.map((a) => (a.client as AgentClient).send('availability.set', { availability: 'away' })));
  return agents;
}

function visitorSpecs(prepared: Prepared, nodeOf: (i: number) => number): ClientSpec[] {
  return prepared.visitors.map((v, i) => ({ kind: 'visitor', id: v.visitorId, credential: v.token, preferredNode: nodeOf(i) }));
}

/** After the outage: messages keep flowing, then stop; wait for the last acks and deliveries; check. */
async function finish(options: Options, sender: Sender, first: number, storage: Storage, clients: Tracked[]): Promise<Pick<Run, 'delivery' | 'stored'>> {
  await sleep(options.afterSeconds * 1000);
  sender.stop();
  await sender.settle(options.settleSeconds * 1000);
  const delivery = await awaitDelivery(storage.db, clients, options.settleSeconds * 1000);
  return { delivery, stored: await checkStored(storage.db, sender.messages.slice(first)) };
}

export async function singleNode(options: Options): Promise<Outcome> {
  log(`sqlite: preparing ${options.visitors} visitors and ${options.agents} admins ...`);
  const prepared = await prepareStore('sqlite', options);
  const storage = await openStorage({ databaseUrl: null, dataDir: prepared.store.dataDir });
  const start = (port: number) => startServerProcess(PARLEY.entry, port, prepared.nodeEnv, PARLEY.ready);
  let node: ServerProcess | null = null;
  const clients: Tracked[] = [];
  try {
    node = await start(await freePort());
    const urls = [`ws://127.0.0.1:${node.port}/realtime`];
    clients.push(...(await connectAgents(prepared, urls, () => 0)));
    log(`sqlite: ${options.visitors} idle visitor sockets ...`);
    const visitors: Tracked[] = [];
    const memory = await measureMemory(node.child.pid!, options.visitors, async () => {
      visitors.push(...(await connectAll(urls, visitorSpecs(prepared, () => 0))));
    });
    clients.push(...visitors);
    const sender = new Sender(visitors.slice(0, options.talkers), options.rate);
    await sender.warmUp();

    const runs: Run[] = [];
    for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
      log(`sqlite: ${options.rate} msg/s from ${options.talkers} visitors; ${signal} and restart after ${options.beforeSeconds} s ...`);
      const first = sender.start();
      await sleep(options.beforeSeconds * 1000);
      const overflows = listenOverflows();
      const restarted = await restartNode(node, signal, start);
      node = restarted.node;
      const back = await awaitRecovery(clients, restarted.signalAt, restarted.goneAt, options.recoverSeconds * 1000);
      const recovery: Recovery = {
        label: `parley sqlite, ${signal} + restart`,
        affected: clients.length,
        ...back,
        downMs: restarted.downMs,
        survivorsReconnected: 0,
        listenOverflows: listenOverflows() - overflows,
      };
      runs.push({ recovery, ...(await finish(options, sender, first, storage, clients)) });
    }
    return { memory, runs };
  } finally {
    closeAll(clients);
    if (node) await stopServerProcess(node, 'SIGTERM');
    await storage.close();
    await prepared.store.drop();
  }
}

export async function twoNodes(options: Options): Promise<Outcome> {
  log(`postgres: preparing ${options.visitors} visitors and ${options.agents} admins ...`);
  const prepared = await prepareStore('postgres', options);
  const storage = await openStorage({ databaseUrl: prepared.store.databaseUrl, dataDir: prepared.store.dataDir });
  const nodes: ServerProcess[] = [];
  const clients: Tracked[] = [];
  try {
    for (let i = 0; i < 2; i++) nodes.push(await startServerProcess(PARLEY.entry, await freePort(), prepared.nodeEnv, PARLEY.ready));
    const urls = nodes.map((n) => `ws://127.0.0.1:${n.port}/realtime`);
    const half = (i: number) => i % 2;
    clients.push(...(await connectAgents(prepared, urls, half)));
    log(`postgres: ${options.visitors} visitor sockets over two nodes ...`);
    const visitors = await connectAll(urls, visitorSpecs(prepared, half));
    clients.push(...visitors);
    const sender = new Sender(visitors.slice(0, options.talkers), options.rate);
    await sender.warmUp();

    log(`postgres: ${options.rate} msg/s from ${options.talkers} visitors; SIGKILL node 1 of 2 after ${options.beforeSeconds} s, no restart ...`);
    const first = sender.start();
    await sleep(options.beforeSeconds * 1000);
    const onKilled = clients.filter((c) => c.node === 0);
    const onSurvivor = clients.filter((c) => c.node === 1);
    const overflows = listenOverflows();
    const signalAt = performance.now();
    await stopServerProcess(nodes[0]!, 'SIGKILL');
    const back = await awaitRecovery(onKilled, signalAt, performance.now(), options.recoverSeconds * 1000);
    const recovery: Recovery = {
      label: 'parley postgres, 2 nodes, SIGKILL one',
      affected: onKilled.length,
      ...back,
      downMs: NaN,
      survivorsReconnected: onSurvivor.filter((c) => c.resumedAt.some((t) => t > signalAt)).length,
      listenOverflows: listenOverflows() - overflows,
    };
    const run: Run = { recovery, ...(await finish(options, sender, first, storage, clients)) };
    return { memory: null, runs: [run] };
  } finally {
    closeAll(clients);
    for (const node of nodes) await stopServerProcess(node, 'SIGTERM');
    await storage.close();
    await prepared.store.drop();
  }
}
