/**
 * A Parley node as its own OS process (`src/main.ts`, exactly what `npm start` runs), for tests
 * that need separate processes: several nodes on one store, or a SIGKILL mid-stream.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface ProcessNode {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  siteKey: string;
  /** Sends the signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a node with these env vars on a free port; resolves once it printed its banner. */
export function startProcessNode(env: Record<string, string>): Promise<ProcessNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/Inbox:\s+(http:\/\/localhost:\d+)\/inbox\//)?.[1]?.replace('localhost', '127.0.0.1');
      const siteKey = output.match(/data-site="([^"]+)"/)?.[1];
      if (!url || !siteKey) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      // Keep draining the pipes so a chatty node never blocks on a full buffer.
      child.stdout!.resume();
      child.stderr!.resume();
      resolve({
        child,
        url,
        wsUrl: `${url.replace('http', 'ws')}/realtime`,
        siteKey,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited early (${code}):\n${output}`)));
  });
}
