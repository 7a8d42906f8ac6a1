/**
 * Routing under load: C conversations arriving over S seconds for M online agents.
 *
 *   node --import tsx bench/routing.ts [--conversations 1000] [--seconds 10] [--agents 20]
 *        [--capacity 10] [--hold-ms 2000] [--drivers sqlite|postgres|both] [--drain-seconds 60]
 *
 * Per driver (one after the other, each on a fresh store): first message → offer and → assigned
 * latency, assignment throughput, the longest queue, and correctness read from the database
 * (nobody over capacity, no chat offered twice at once, every chat assigned). Baseline: a bare
 * GET /healthz round trip to the same node. See bench/README.md.
 *
 * Exits 0 when every chat was offered, accepted and closed and the checks hold; 1 when not;
 * 2 when the overall time guard fires.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { formatMs, formatRate, table } from './messagesStats.js';
import { startRoutingNode, type Driver } from './routingNode.js';
import { Agents, healthz, runRouting, type RunResult } from './routingRun.js';
import { finalState, type FinalState } from './routingSampler.js';

const USAGE =
  'usage: node --import tsx bench/routing.ts [--conversations N] [--seconds S] [--agents M] [--capacity K] ' +
  '[--hold-ms MS] [--drivers sqlite|postgres|both] [--drain-seconds S]';

class UsageError extends Error {}

function parseOptions() {
  let values;
  try {
    values = parseArgs({
      options: {
        conversations: { type: 'string', default: '1000' },
        seconds: { type: 'string', default: '10' },
        agents: { type: 'string', default: '20' },
        capacity: { type: 'string', default: '10' },
        'hold-ms': { type: 'string', default: '2000' },
        drivers: { type: 'string', default: 'both' },
        'drain-seconds': { type: 'string', default: '60' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Bounded on purpose: a loopback bench, not a tool to flood anything.
  const number = (name: keyof typeof values, min: number, max: number): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  const drivers = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }[values.drivers as string] as Driver[] | undefined;
  if (!drivers) throw new UsageError('--drivers must be sqlite, postgres or both');
  return {
    conversations: number('conversations', 1, 10_000),
    seconds: number('seconds', 1, 300),
    agents: number('agents', 1, 200),
    capacity: number('capacity', 1, 100),
    holdMs: number('hold-ms', 0, 60_000),
    drainSeconds: number('drain-seconds', 1, 600),
    drivers,
  };
}
type Options = ReturnType<typeof parseOptions>;

interface Outcome {
  driver: Driver;
  run: RunResult;
  final: FinalState;
  healthzIdle: number[];
  ok: boolean;
}

async function benchDriver(driver: Driver, options: Options): Promise<Outcome> {
  log(`${driver}: starting a node with ${options.agents} agents (capacity ${options.capacity}) and ${options.conversations} visitors ...`);
  const agents = new Agents(options.holdMs);
  const node = await startRoutingNode({ driver, agents: options.agents, capacity: options.capacity, visitors: options.conversations, onOffer: agents.onOffer });
  try {
    await healthz(node.baseUrl, 50); // warm-up, not reported
    const healthzIdle = await healthz(node.baseUrl, 200);
    log(`${driver}: sending ${options.conversations} first messages over ${options.seconds} s, hold ${options.holdMs} ms ...`);
    const run = await runRouting(node, agents, options);
    agents.stop();
    const final = await finalState(node.server.ctx.storage.db);
    const ok = report(driver, options, run, final, healthzIdle);
    return { driver, run, final, healthzIdle, ok };
  } finally {
    agents.stop();
    await node.close();
  }
}

/** Nearest rank: every number printed is a latency some chat really had. */
function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function report(driver: Driver, options: Options, run: RunResult, final: FinalState, healthzIdle: number[]): boolean {
  const { chats, samples } = run;
  const offered = chats.filter((c) => c.offeredAt !== null);
  const accepted = chats.filter((c) => c.acceptedAt !== null);
  const toOffer = offered.map((c) => c.offeredAt! - c.sentAt);
  const toAssigned = accepted.map((c) => c.acceptedAt! - c.sentAt);
  const stored = chats.filter((c) => c.storedAt !== null).map((c) => c.storedAt! - c.sentAt);
  const seconds = (t: number) => (t - run.startedAt) / 1000;
  const lastAccept = accepted.length > 0 ? Math.max(...accepted.map((c) => c.acceptedAt!)) : run.startedAt;
  // From the schedule rather than the send: includes how late this process got the message out.
  const dueToOffer = offered.map((c) => c.offeredAt! - c.dueAt);
  const perSecond = new Map<number, number>();
  for (const c of accepted) perSecond.set(Math.floor(seconds(c.acceptedAt!)), (perSecond.get(Math.floor(seconds(c.acceptedAt!))) ?? 0) + 1);
  const ms = (v: number) => (Number.isNaN(v) ? '-' : formatMs(v));
  const idleP50 = pct(healthzIdle, 50);

  const stuck = chats.length - accepted.length;
  const correct = samples.overCapacity === 0 && samples.doubleOffers === 0 && final.doubleAccepted === 0;
  const complete = run.drained && stuck === 0 && chats.every((c) => c.closedAt !== null) && final.conversations === chats.length && final.notAssigned === 0 && final.acceptedOffers === chats.length;
  console.log(
    [
      '',
      `${driver}: ${options.conversations} conversations over ${options.seconds} s, ${options.agents} agents × capacity ${options.capacity}, hold ${options.holdMs} ms`,
      table(
        ['sent', 'offered', 'accepted', 'closed', 'queued at peak', 'waiting at peak', 'expired/declined', 'max send lag ms', 'max loop lag ms'],
        [[chats.length, offered.length, accepted.length, chats.filter((c) => c.closedAt !== null).length, samples.maxQueued, samples.maxWaiting, final.expiredOrDeclined, ms(Math.max(0, ...chats.map((c) => c.sentAt - c.dueAt))), ms(run.loopLagMaxMs)].map(String)],
      ),
      table(
        ['latency ms', 'p50', 'p90', 'p99', 'max'],
        [
          ['first message → stored (ack)', ...[50, 90, 99, 100].map((p) => ms(pct(stored, p)))],
          ['first message → offer', ...[50, 90, 99, 100].map((p) => ms(pct(toOffer, p)))],
          ['due → offer (incl. send lag)', ...[50, 90, 99, 100].map((p) => ms(pct(dueToOffer, p)))],
          ['first message → assigned', ...[50, 90, 99, 100].map((p) => ms(pct(toAssigned, p)))],
          ['GET /healthz, idle', ...[50, 90, 99, 100].map((p) => ms(pct(healthzIdle, p)))],
          ['GET /healthz, under load', ...[50, 90, 99, 100].map((p) => ms(pct(run.healthzUnderLoadMs, p)))],
        ],
      ),
      `ratio offer p50 / idle healthz p50: ${(pct(toOffer, 50) / idleP50).toFixed(1)}`,
      `assignment throughput: ${formatRate(accepted.length > 0 ? accepted.length / seconds(lastAccept) : 0)} accepted/s over ${seconds(lastAccept).toFixed(2)} s ` +
        `(arrivals ${formatRate(options.conversations / options.seconds)}/s), peak 1-second rate ${Math.max(0, ...perSecond.values())}/s`,
      `correctness (${samples.count} database readings every 250 ms): max load per agent ${samples.maxLoad} ≤ capacity ${samples.maxLoadCapacity}: ` +
        `${samples.overCapacity === 0 ? 'OK' : `NO (${samples.overCapacity} readings over)`}; two pending offers for one chat: ` +
        `${samples.doubleOffers === 0 ? 'never' : `${samples.doubleOffers} readings`}; chats accepted twice: ${final.doubleAccepted}`,
      complete
        ? `complete: all ${final.conversations} conversations assigned (${final.acceptedOffers} accepted offers), none lost or stuck`
        : `STUCK: ${stuck} not accepted after the ${options.drainSeconds} s drain; database: ${final.conversations} conversations, ` +
          `${final.notAssigned} never assigned, ${final.acceptedOffers} accepted offers; failed: ${chats.filter((c) => c.sendFailed).length} first messages, ` +
          `${chats.filter((c) => c.acceptFailed).length} accepts, ${chats.filter((c) => c.closeFailed).length} closes`,
    ].join('\n'),
  );
  return correct && complete;
}

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  // Whatever hangs (a socket that never closes, a drain that never ends), the run ends.
  const budgetMs = options.drivers.length * (120_000 + 1000 * (options.seconds + options.drainSeconds) + 2 * options.holdMs);
  setTimeout(() => {
    console.error(`[bench] gave up after ${Math.round(budgetMs / 1000)} s`);
    process.exit(2);
  }, budgetMs).unref();
  // Clients and server share this process and the machine: a busy machine is a noisy result.
  log(`node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg()[0]!.toFixed(2)} at start`);
  const outcomes: Outcome[] = [];
  for (const driver of options.drivers) outcomes.push(await benchDriver(driver, options));
  const ok = outcomes.every((o) => o.ok);
  console.log(`\n${ok ? 'OK' : 'FAILED'}: ${outcomes.map((o) => `${o.driver} ${o.ok ? 'ok' : 'failed'}`).join(', ')}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
  process.exitCode = 1;
  // Resources opened before the failure are closed by their owners; do not wait on stragglers.
  setTimeout(() => process.exit(1), 1000).unref();
});
