/**
 * I1 sign-in, sessions, sign-out, users and invitations; CSRF and socket-origin defences;
 * operations endpoints and the OpenAPI document.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import WebSocket from 'ws';
import { connectAgent, httpAs, login } from './helpers/clients.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './helpers/testServer.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

test('sign in, session, sign out', async () => {
  const anonymous = httpAs(shared.cluster.url, null);
  assert.equal((await anonymous('GET', '/api/me')).body.error.code, 'unauthorized');
  const wrong = await anonymous('POST', '/api/auth/login', { email: ADMIN_EMAIL, password: 'nope-nope' });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.code, 'invalid_credentials');
  const unknown = await anonymous('POST', '/api/auth/login', { email: 'ghost@example.com', password: 'whatever1' });
  assert.equal(unknown.body.error.code, 'invalid_credentials');

  const { cookie } = await login(shared.cluster.url, ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
  const http = httpAs(shared.cluster.url, cookie);
  const me = await http('GET', '/api/me');
  assert.equal(me.body.user.email, ADMIN_EMAIL);
  assert.equal(me.body.user.role, 'admin');
  assert.equal((await http('POST', '/api/auth/logout')).status, 204);
  assert.equal((await http('GET', '/api/me')).status, 401, 'the session is gone after sign-out');
});

test('passwords are stored as argon2id hashes, tokens only as hashes', async () => {
  const db = shared.cluster.nodes[0]!.server.ctx.storage.db;
  const user = await db.selectFrom('users').select('password_hash').where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();
  assert.match(user.password_hash!, /^\$argon2id\$/);
  const sessions = await db.selectFrom('sessions').select('token_hash').execute();
  const cookieToken = decodeURIComponent(shared.admin.cookie.split('=')[1]!);
  assert.ok(sessions.every((s) => s.token_hash !== cookieToken && /^[0-9a-f]{64}$/.test(s.token_hash)));
});

test('admins create and invite users; agents cannot', async () => {
  const created = await shared.admin.http('POST', '/api/admin/users', { email: 'dana@example.com', name: 'Dana', role: 'agent', password: 'dana-password' });
  assert.equal(created.status, 201);
  assert.equal(created.body.inviteUrl, null);
  const dupe = await shared.admin.http('POST', '/api/admin/users', { email: 'DANA@example.com', name: 'Dana 2', role: 'agent', password: 'dana-password' });
  assert.equal(dupe.body.error.code, 'email_taken');

  const dana = httpAs(shared.cluster.url, (await login(shared.cluster.url, 'dana@example.com', 'dana-password')).cookie);
  const refused = await dana('POST', '/api/admin/users', { email: 'eve@example.com', name: 'Eve', role: 'admin', password: 'eve-password' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'forbidden');

  const invited = await shared.admin.http('POST', '/api/admin/users', { email: 'finn@example.com', name: 'Finn', role: 'agent' });
  assert.equal(invited.status, 201);
  const token = new URL(invited.body.inviteUrl).searchParams.get('token')!;
  await assert.rejects(login(shared.cluster.url, 'finn@example.com', 'finn-password'), 'an invited user cannot sign in before accepting');
  const anonymous = httpAs(shared.cluster.url, null);
  const accepted = await anonymous('POST', '/api/auth/accept-invite', { token, password: 'finn-password' });
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.user.email, 'finn@example.com');
  const reused = await anonymous('POST', '/api/auth/accept-invite', { token, password: 'other-password' });
  assert.equal(reused.status, 410);
  assert.equal(reused.body.error.code, 'invite_invalid');
  await login(shared.cluster.url, 'finn@example.com', 'finn-password');

  // Availability is stored and broadcast live (I2).
  const finn = await connectAgent(shared.cluster.url, shared.cluster.wsUrl, { email: 'finn@example.com', password: 'finn-password' });
  const set = await finn.http('PUT', '/api/me/availability', { availability: 'online' });
  assert.equal(set.body.user.availability, 'online');
  await shared.admin.log.waitForEvent('user.updated', (d) => d.user.email === 'finn@example.com' && d.user.availability === 'online');
  const users = await shared.admin.http('GET', '/api/users');
  assert.equal(users.body.users.find((u: any) => u.email === 'finn@example.com').availability, 'online');
  finn.close();
});

test('cookie-authenticated writes from another origin are refused (CSRF)', async () => {
  const res = await fetch(`${shared.cluster.url}/api/me/availability`, {
    method: 'PUT',
    headers: { cookie: shared.admin.cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
    body: JSON.stringify({ availability: 'away' }),
  });
  assert.equal(res.status, 403);
  const me = await shared.admin.http('GET', '/api/me');
  assert.equal(me.body.user.availability, 'online', 'nothing changed');
});

test('a socket from another origin does not get the agent session', async () => {
  const ws = new WebSocket(shared.cluster.wsUrl, { headers: { cookie: shared.admin.cookie, origin: 'https://evil.example' } });
  await new Promise((r) => ws.once('open', r));
  const frames: any[] = [];
  ws.on('message', (raw) => frames.push(JSON.parse(String(raw))));
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  ws.send(JSON.stringify({ ref: 1, cmd: 'session.resume', data: {} }));
  assert.equal(await closed, 4401);
  assert.equal(frames[0].error.code, 'unauthorized');
});

test('health, readiness and an OpenAPI document that covers every HTTP route', async () => {
  assert.deepEqual(await (await fetch(`${shared.cluster.url}/healthz`)).json(), { status: 'ok' });
  const ready = (await (await fetch(`${shared.cluster.url}/readyz`)).json()) as any;
  assert.equal(ready.status, 'ready');
  const doc = (await (await fetch(`${shared.cluster.url}/api/openapi.json`)).json()) as any;
  assert.match(doc.openapi, /^3\./);
  const expected = [
    'get /healthz', 'get /readyz',
    'post /api/auth/login', 'post /api/auth/logout', 'post /api/auth/accept-invite', 'get /api/me', 'put /api/me/availability',
    'get /api/users', 'post /api/admin/users', 'get /api/admin/sites',
    'get /api/conversations', 'get /api/conversations/counts', 'get /api/conversations/{id}',
    'post /api/conversations/{id}/messages', 'post /api/conversations/{id}/assign', 'post /api/conversations/{id}/close',
    'get /api/widget/config', 'post /api/widget/session', 'get /api/widget/conversation', 'post /api/widget/messages',
    'post /api/widget/conversations/{id}/end',
  ];
  const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
  for (const route of expected) assert.ok(documented.includes(route), `OpenAPI documents ${route}`);
  assert.ok(documented.includes('get /metrics'));
});

test('/ leads to the inbox; /demo embeds the widget from the address it was served on', async () => {
  const root = await fetch(`${shared.cluster.url}/`, { redirect: 'manual' });
  assert.equal(root.status, 302);
  assert.equal(root.headers.get('location'), '/inbox/');
  const demo = await (await fetch(`${shared.cluster.url}/demo`)).text();
  assert.ok(demo.includes(`<script src="${shared.cluster.url}/widget.js" data-site="${shared.cluster.siteKey}" async></script>`));
  // fetch will not send a forged Host header; a raw request does.
  const spoofed = await new Promise<string>((resolve, reject) => {
    const req = http.get(`${shared.cluster.url}/demo`, { headers: { host: 'x"><script>alert(1)</script>' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
  assert.ok(spoofed.includes('/widget.js'), 'the demo page is still served');
  assert.equal(spoofed.includes('<script>alert(1)'), false, 'a hostile Host header is not reflected');
});

test('Prometheus metrics count messages and live sockets', async () => {
  const res = await fetch(`${shared.cluster.url}/metrics`);
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.match(text, /parley_realtime_connections\{principal="agent"\} [1-9]/);
  assert.match(text, /parley_http_request_duration_seconds_bucket/);
  assert.match(text, /parley_process_cpu_seconds_total/);
});
