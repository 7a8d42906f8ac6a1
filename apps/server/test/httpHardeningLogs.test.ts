/**
 * Issue 8, hole 7: request logs carry no secrets from URLs (the invite link's token, anything
 * named like a credential), and health, readiness and metrics probes are logged at debug.
 * The node logs through a pino logger writing to a stream this test reads.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { buildServer, type ParleyServer } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { bootstrapWorkspace } from '../src/domain/sites/bootstrapWorkspace.js';
import { httpAs, login } from './helpers/clients.js';
import { freshStore, type StoreEnv } from './helpers/drivers.js';
import { storeEnvVars } from './helpers/testServer.js';

interface LogLine {
  level: number;
  msg: string;
  req?: { url?: string };
  [key: string]: unknown;
}

const lines: string[] = [];
let store: StoreEnv;
let server: ParleyServer;
let url: string;

before(async () => {
  store = await freshStore();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter((l) => l.trim() !== ''));
      done();
    },
  });
  const config = loadConfig({ ...storeEnvVars(store), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug' });
  server = await buildServer(config, { logger: pino({ level: 'debug' }, sink) });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  await bootstrapWorkspace(server.ctx);
});
after(async () => {
  await server.close();
  await store.drop();
});

const parsed = (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine);

test('tokens in URLs never reach the log', async () => {
  const admin = httpAs(url, (await login(url)).cookie);
  const invited = await admin('POST', '/api/admin/users', { email: 'logged@example.com', name: 'Logged', role: 'agent' });
  const token = new URL(invited.body.inviteUrl).searchParams.get('token')!;
  assert.ok(token.length > 20);

  await fetch(`${url}/inbox/invite?token=${encodeURIComponent(token)}`);
  await fetch(`${url}/api/widget/config?siteKey=nope&access_token=sekrit-one&x=1`);
  await fetch(`${url}/api/me?session=sekrit-two&Password=sekrit-three`);
  await fetch(`${url}/no/such/route?token=sekrit-four`);
  const accepted = await httpAs(url, null)('POST', '/api/auth/accept-invite', { token, password: 'logged-password-1' });
  assert.equal(accepted.status, 200);
  await new Promise((resolve) => setImmediate(resolve));

  const all = lines.join('\n');
  for (const secret of [token, encodeURIComponent(token), 'sekrit-one', 'sekrit-two', 'sekrit-three', 'sekrit-four', 'logged-password-1']) {
    assert.ok(!all.includes(secret), `the log contains ${secret}`);
  }
  const urls = parsed().map((l) => l.req?.url).filter(Boolean);
  assert.ok(urls.includes('/inbox/invite?token=[redacted]'), `logged: ${urls.join(', ')}`);
  // What is not a secret stays readable.
  assert.ok(urls.includes('/api/widget/config?siteKey=nope&access_token=[redacted]&x=1'));
});

test('probes are logged at debug, everything else at info', async () => {
  lines.length = 0;
  for (const path of ['/healthz', '/readyz', '/metrics']) assert.ok((await fetch(`${url}${path}`)).status < 500);
  await fetch(`${url}/api/widget/config?siteKey=nope`);
  await new Promise((resolve) => setImmediate(resolve));

  const byReqId = new Map<unknown, string>();
  for (const line of parsed()) if (line.req?.url) byReqId.set(line.reqId, line.req.url);
  const requestLines = parsed().filter((l) => l.msg === 'incoming request' || l.msg === 'request completed');
  const probeLines = requestLines.filter((l) => /^\/(healthz|readyz|metrics)/.test(byReqId.get(l.reqId) ?? ''));
  const otherLines = requestLines.filter((l) => !probeLines.includes(l));
  assert.equal(probeLines.length, 6, 'an incoming and a completed line per probe');
  assert.ok(probeLines.every((l) => l.level === 20), 'probe lines are debug');
  assert.ok(otherLines.length >= 2 && otherLines.every((l) => l.level === 30), 'other requests are info');
});
