/**
 * Message throughput and latency of one Parley node, next to a bare WebSocket echo baseline.
 *
 *   node --import tsx bench/messages.ts [--visitors 50] [--agents 5] [--rate 200] [--seconds 10]
 *        [--drivers sqlite|postgres] [--max-seconds 5] [--inflight 8] [--drain-seconds 15]
 *
 * Phases, all in this one process on 127.0.0.1 (see bench/README.md for what the numbers mean):
 * 1. Parley, paced: N visitors send R messages/s in total for S seconds; M admin agents listen.
 *    Ack latency = due → ack to the visitor (stored and committed); delivery latency = due → first
 *    agent socket has the `message.created` event.
 * 2. Parley, unthrottled: every visitor keeps --inflight messages outstanding, for --max-seconds.
 * 3. and 4. The same two phases against a `ws` server that only echoes.
 * Then it counts the visitor messages in the database: every acknowledged message must be there.
 *
 * Exits 0 when every message was acknowledged, delivered and stored; 1 when not; 2 when the
 * overall time guard fires.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startEcho } from './messagesEcho.js';
import { runPaced, runUnthrottled, runWarmup, type PhaseResult } from './messagesLoad.js';
import { startParley, type Drivers } from './messagesParley.js';
import { formatLatency, formatMs, formatRate, table } from './messagesStats.js';

interface Options {
  visitors: number;
  agents: number;
  rate: number;
  seconds: number;
  drivers: Drivers;
  maxSeconds: number;
  inflight: number;
  drainSeconds: number;
}

const USAGE =
  'usage: node --import tsx bench/messages.ts [--visitors N] [--agents M] [--rate R] [--seconds S] ' +
  '[--drivers sqlite|postgres] [--max-seconds S] [--inflight K] [--drain-seconds S]';

class UsageError extends Error {}

function readArgs() {
  try {
    return parseArgs({
      options: {
        visitors: { type: 'string', default: '50' },
        agents: { type: 'string', default: '5' },
        rate: { type: 'string', default: '200' },
        seconds: { type: 'string', default: '10' },
        drivers: { type: 'string', default: 'sqlite' },
        'max-seconds': { type: 'string', default: '5' },
        inflight: { type: 'string', default: '8' },
        'drain-seconds': { type: 'string', default: '15' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseOptions(): Options {
  const values = readArgs();
  // Bounded on purpose: this is a loopback bench, not a tool to flood anything.
  const number = (name: keyof typeof values, min: number, max: number): number => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}`);
    return value;
  };
  const drivers = values.drivers;
  if (drivers !== 'sqlite' && drivers !== 'postgres') throw new UsageError('--drivers must be sqlite or postgres');
  return {
    visitors: Math.floor(number('visitors', 1, 5000)),
    agents: Math.floor(number('agents', 1, 100)),
    rate: number('rate', 1, 50_000),
    seconds: number('seconds', 1, 300),
    drivers,
    maxSeconds: number('max-seconds', 1, 120),
    inflight: Math.floor(number('inflight', 1, 256)),
    drainSeconds: number('drain-seconds', 1, 120),
  };
}

interface ParleyRun {
  phases: PhaseResult[];
  /** Visitor messages each reported phase added to the messages table (must equal its acks). */
  stored: number[];
  /** All visitor messages in the table at the end, and all acknowledged (warm-up included). */
  storedTotal: number;
  ackedTotal: number;
}

async function benchParley(options: Options): Promise<ParleyRun> {
  log(`starting Parley (${options.drivers}), ${options.agents} agents, ${options.visitors} visitors ...`);
  const parley = await startParley(options);
  try {
    const warmup = await runWarmup(parley, 'w', options.drainSeconds * 1000);
    report(warmup);
    const run: ParleyRun = { phases: [], stored: [], storedTotal: await parley.countVisitorMessages(), ackedTotal: warmup.acked };
    const record = async (phase: PhaseResult) => {
      report(phase);
      const count = await parley.countVisitorMessages();
      run.phases.push(phase);
      run.stored.push(count - run.storedTotal);
      run.storedTotal = count;
      run.ackedTotal += phase.acked;
    };
    await record(await runPaced(parley, 'parley paced', 'p', paced(options)));
    await record(await runUnthrottled(parley, 'parley unthrottled', 'u', unthrottled(options)));
    return run;
  } finally {
    await parley.close();
  }
}

async function benchEcho(options: Options): Promise<PhaseResult[]> {
  log(`starting ws echo baseline, ${options.visitors} clients ...`);
  const echo = await startEcho(options.visitors);
  try {
    report(await runWarmup(echo, 'w', options.drainSeconds * 1000));
    const phases = [await runPaced(echo, 'echo paced', 'p', paced(options)), await runUnthrottled(echo, 'echo unthrottled', 'u', unthrottled(options))];
    phases.forEach(report);
    return phases;
  } finally {
    await echo.close();
  }
}

const paced = (o: Options) => ({ rate: o.rate, seconds: o.seconds, drainMs: o.drainSeconds * 1000 });
const unthrottled = (o: Options) => ({ seconds: o.maxSeconds, inflight: o.inflight, drainMs: o.drainSeconds * 1000 });

function report(p: PhaseResult): void {
  const delivered = p.delivered === null ? '' : `, delivered ${p.delivered}`;
  const problems = [p.failed && `${p.failed} failed`, p.duplicates && `${p.duplicates} duplicates`, p.stuck && `${p.stuck} stuck`].filter(Boolean);
  log(
    `${p.label}: sent ${p.sent}, acked ${p.acked}${delivered} in ${(p.elapsedMs / 1000).toFixed(2)} s = ${formatRate(p.throughput)} msg/s; ` +
      `ack ms ${formatLatency(p.ack)}` +
      (p.delivery ? `; delivery ms ${formatLatency(p.delivery)}` : '') +
      `; max loop lag ${formatMs(p.loopLagMaxMs)} ms` +
      (problems.length ? ` [${problems.join(', ')}]` : ''),
  );
}

function summarize(options: Options, parley: ParleyRun, echo: PhaseResult[]): boolean {
  const rows = [...parley.phases.map((p, i) => row(p, String(parley.stored[i]))), ...echo.map((p) => row(p, '-'))];
  const ratio = (i: number) => (parley.phases[i]!.throughput / echo[i]!.throughput).toFixed(3);
  const storedOk = parley.storedTotal === parley.ackedTotal && parley.stored.every((n, i) => n === parley.phases[i]!.acked);
  const clean = [...parley.phases, ...echo].every((p) => p.failed === 0 && p.duplicates === 0 && p.stuck === 0 && (p.delivered ?? p.acked) === p.acked);
  console.log(
    [
      '',
      `Summary — ${options.drivers}, ${options.visitors} visitors, ${options.agents} agents; paced ${options.rate} msg/s for ${options.seconds} s; ` +
        `unthrottled ${options.maxSeconds} s with ${options.inflight} in flight per client`,
      table(['phase', 'sent', 'acked', 'delivered', 'stored', 'msg/s', 'ack ms p50/p99/p99.9', 'delivery ms p50/p99/p99.9', 'max loop lag ms'], rows),
      `throughput Parley/echo: paced ${ratio(0)}, unthrottled ${ratio(1)}`,
      `stored check: SELECT COUNT(*) of visitor messages = ${parley.storedTotal}, acknowledged = ${parley.ackedTotal} (warm-up included): ${storedOk ? 'OK' : 'MISMATCH'}`,
      clean ? 'every message acknowledged and delivered, none failed or duplicated' : 'PROBLEM: some messages failed, were duplicated, or were never acknowledged/delivered (see above)',
    ].join('\n'),
  );
  return storedOk && clean;
}

function row(p: PhaseResult, stored: string): string[] {
  return [p.label, String(p.sent), String(p.acked), p.delivered === null ? '-' : String(p.delivered), stored, formatRate(p.throughput), formatLatency(p.ack), formatLatency(p.delivery), formatMs(p.loopLagMaxMs)];
}

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

/** Whatever hangs (a socket that never closes, a server that never drains), the run ends. */
function startGuard(options: Options): void {
  const budgetMs = 120_000 + 1000 * (2 * (options.seconds + options.maxSeconds) + 6 * options.drainSeconds);
  setTimeout(() => {
    console.error(`[bench] gave up after ${Math.round(budgetMs / 1000)} s`);
    process.exit(2);
  }, budgetMs).unref();
}

async function main(): Promise<void> {
  const options = parseOptions();
  startGuard(options);
  // Clients and server share this process and the machine: a busy machine is a noisy result.
  log(`node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg()[0]!.toFixed(2)} at start`);
  const parley = await benchParley(options);
  const echo = await benchEcho(options);
  const ok = summarize(options, parley, echo);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
  process.exitCode = 1;
  // Resources opened before the failure are closed by their owners; do not wait on stragglers.
  setTimeout(() => process.exit(1), 1000).unref();
});
