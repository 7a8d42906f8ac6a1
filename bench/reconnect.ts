/**
 * Reconnect under load: V visitor sockets and M agent sockets, the node dies while messages flow.
 *
 *   node --import tsx bench/reconnect.ts [--visitors 5000] [--agents 20] [--talkers 250] [--rate 100]
 *        [--before-seconds 3] [--after-seconds 3] [--recover-seconds 30] [--settle-seconds 20]
 *        [--runs baseline,sqlite,two-node]
 *
 * Servers run as child processes; the clients (the shared RealtimeClient) run here. Prints, per
 * outage, p50/p95/max time from the signal until each client resumed (and so caught up), how many
 * never came back, events missed against the database and messages lost; memory per idle
 * connection from /proc; and the ratios against a bare `ws` server process. See bench/README.md.
 *
 * Exits 0 when every client came back and nothing was missed or lost; 1 when not (or setup
 * failed); 2 when the overall time guard fires.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { formatMs, table } from './messagesStats.js';
import { openFileLimit } from './reconnectProcess.js';
import { pct } from './reconnectRecovery.js';
import { baseline, log, singleNode, twoNodes, type Options, type Outcome, type Run } from './reconnectScenarios.js';

const USAGE =
  'usage: node --import tsx bench/reconnect.ts [--visitors N] [--agents M] [--talkers T] [--rate R] [--before-seconds S] ' +
  '[--after-seconds S] [--recover-seconds S] [--settle-seconds S] [--runs baseline,sqlite,two-node]';
const RUNS = ['baseline', 'sqlite', 'two-node'] as const;
type RunName = (typeof RUNS)[number];

class UsageError extends Error {}

function parseOptions(): Options & { runs: RunName[] } {
  let values;
  try {
    values = parseArgs({
      options: {
        visitors: { type: 'string', default: '5000' },
        agents: { type: 'string', default: '20' },
        talkers: { type: 'string', default: '250' },
        rate: { type: 'string', default: '100' },
        'before-seconds': { type: 'string', default: '3' },
        'after-seconds': { type: 'string', default: '3' },
        'recover-seconds': { type: 'string', default: '30' },
        'settle-seconds': { type: 'string', default: '20' },
        runs: { type: 'string', default: RUNS.join(',') },
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
  const runs = String(values.runs).split(',') as RunName[];
  if (runs.some((r) => !RUNS.includes(r))) throw new UsageError(`--runs takes a comma-separated list of ${RUNS.join(', ')}`);
  const visitors = number('visitors', 1, 10_000);
  const talkers = number('talkers', 1, 10_000);
  if (talkers > visitors) throw new UsageError('--talkers cannot exceed --visitors');
  return {
    visitors,
    agents: number('agents', 1, 100),
    talkers,
    rate: number('rate', 1, 1000),
    beforeSeconds: number('before-seconds', 1, 60),
    afterSeconds: number('after-seconds', 1, 60),
    recoverSeconds: number('recover-seconds', 5, 120),
    settleSeconds: number('settle-seconds', 5, 120),
    runs,
  };
}

const ms = (v: number) => (Number.isNaN(v) ? '-' : formatMs(v));

function recoveryRow(run: Run): string[] {
  const r = run.recovery;
  const d = run.delivery;
  const s = run.stored;
  return [
    r.label,
    String(r.affected),
    String(r.times.length),
    String(r.neverBack),
    ms(pct(r.times, 50)),
    ms(pct(r.times, 95)),
    ms(pct(r.times, 100)),
    ms(r.downMs),
    Number.isNaN(r.listenOverflows) ? '-' : String(r.listenOverflows),
    d ? String(d.entitled) : '-',
    d ? `${d.clientsMissing} / ${d.eventsMissing}` : '-',
    d ? `${d.clientsResynced} / ${d.eventsResynced}` : '-',
    d ? String(d.eventsUnexpected) : '-',
    s ? `${s.sent} / ${s.acked} / ${s.stored}` : '-',
    s ? ms(s.maxAckMs) : '-',
  ];
}

/** True when this run's correctness holds: everyone back, nothing missed, leaked or lost. */
function correct(run: Run): boolean {
  const { recovery: r, delivery: d, stored: s } = run;
  const deliveryOk = !d || (d.eventsMissing === 0 && d.eventsUnexpected === 0);
  const storedOk = !s || (s.acked === s.sent && s.stored === s.sent && s.lost === 0);
  return r.neverBack === 0 && r.survivorsReconnected === 0 && deliveryOk && storedOk;
}

function report(outcomes: Map<RunName, Outcome>, options: Options): boolean {
  const runs = [...outcomes.values()].flatMap((o) => o.runs);
  console.log(
    [
      '',
      `${options.visitors} visitors (${options.talkers} sending ${options.rate} msg/s in total) + ${options.agents} admins; times in ms from the signal`,
      table(
        ['outage', 'clients', 'back', 'never', 'p50', 'p95', 'max', 'node down', 'listen drops', 'events checked', 'missed clients / events', 'resynced clients / events', 'unexpected', 'msgs sent / acked / stored', 'max ack'],
        runs.map(recoveryRow),
      ),
    ].join('\n'),
  );
  for (const run of runs) {
    if (run.recovery.resumedBeforeExit > 0) console.log(`${run.recovery.label}: ${run.recovery.resumedBeforeExit} clients resumed on the old node after the signal, before it exited`);
  }
  const two = outcomes.get('two-node')?.runs[0];
  if (two) console.log(`two nodes: clients of the surviving node that reconnected anyway: ${two.recovery.survivorsReconnected}`);

  const mem = (name: RunName) => outcomes.get(name)?.memory ?? null;
  for (const [name, label] of [['baseline', 'bare ws server'], ['sqlite', 'parley node (sqlite)']] as const) {
    const m = mem(name);
    if (m) console.log(`memory per idle ${name === 'sqlite' ? 'visitor ' : ''}connection, ${label}: ${m.perConnectionKiB.toFixed(1)} KiB (RSS ${(m.beforeKiB / 1024).toFixed(0)} → ${(m.afterKiB / 1024).toFixed(0)} MiB with ${m.connections} sockets)`);
  }
  const base = outcomes.get('baseline');
  const parley = outcomes.get('sqlite');
  if (base && parley) {
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');
    for (const [i, signal] of ['SIGKILL', 'SIGTERM'].entries()) {
      const p = parley.runs[i]?.recovery.times ?? [];
      const b = base.runs[i]?.recovery.times ?? [];
      console.log(`ratio parley/ws, ${signal} + restart: p50 ${ratio(pct(p, 50), pct(b, 50))}, p95 ${ratio(pct(p, 95), pct(b, 95))}, max ${ratio(pct(p, 100), pct(b, 100))}`);
    }
    if (base.memory && parley.memory) console.log(`ratio parley/ws, memory per idle connection: ${ratio(parley.memory.perConnectionKiB, base.memory.perConnectionKiB)}`);
  }
  const goals: string[] = [];
  const parleyRuns = runs.filter((r) => r.delivery);
  const worst = Math.max(...parleyRuns.map((r) => pct(r.recovery.times, 100)));
  if (parleyRuns.length > 0) goals.push(`all back within 10 s: ${worst <= 10_000 ? 'yes' : 'no'} (slowest ${ms(worst)} ms)`);
  if (parley?.memory) goals.push(`≤ 16 KB per idle visitor connection: ${parley.memory.perConnectionKiB <= 16 ? 'yes' : 'no'}`);
  if (goals.length > 0) console.log(`goals: ${goals.join('; ')}`);
  const ok = runs.every(correct);
  console.log(`\n${ok ? 'OK' : 'FAILED'}: ${runs.map((r) => `${r.recovery.label} ${correct(r) ? 'ok' : 'failed'}`).join(', ')}`);
  return ok;
}

async function main(): Promise<void> {
  const options = parseOptions();
  // Every socket is a file descriptor here and in the server; fail early with the fix rather than midway.
  const needed = options.visitors + options.agents + 200;
  if (openFileLimit() < needed) throw new UsageError(`open-file limit ${openFileLimit()} is below the ${needed} sockets this run needs: raise it (ulimit -n ${needed * 2}) or use fewer --visitors`);
  const perRun = 180 + options.visitors / 50 + 3 * (options.beforeSeconds + options.afterSeconds + options.recoverSeconds + 2 * options.settleSeconds);
  const budgetMs = options.runs.length * perRun * 1000;
  setTimeout(() => {
    console.error(`[bench] gave up after ${Math.round(budgetMs / 1000)} s`);
    process.exit(2);
  }, budgetMs).unref();
  // Clients share this process and the machine with the servers: a busy machine is a noisy result.
  log(`node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg()[0]!.toFixed(2)} at start, open-file limit ${openFileLimit()}`);
  const outcomes = new Map<RunName, Outcome>();
  const scenarios = { baseline, sqlite: singleNode, 'two-node': twoNodes };
  for (const name of RUNS) if (options.runs.includes(name)) outcomes.set(name, await scenarios[name](options));
  process.exitCode = report(outcomes, options) ? 0 : 1;
  // Sockets and timers of 5,000 closed clients may linger a moment; the result is printed.
  setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 1000).unref();
});
