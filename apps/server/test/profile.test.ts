/**
 * I1 profile: a user changes their own name and password and signs out of their other sessions.
 * Real server, real sockets, both driver sets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUserAs, httpAs, login } from './helpers/clients.js';
import { agentSocket, within } from './helpers/rawSocket.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a name change is trimmed, persisted and announced as user.updated; bad names change nothing', async () => {
  const { url } = shared.cluster;
  const dan = await createUserAs(shared.admin, { email: 'dan@example.com', name: 'Dan' });
  const http = httpAs(url, (await login(url, dan.email, dan.password)).cookie);

  const renamed = await http('PATCH', '/api/me', { name: '  Daniel Dee  ' });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assert.equal(renamed.body.user.name, 'Daniel Dee');
  assert.equal((await http('GET', '/api/me')).body.user.name, 'Daniel Dee');
  // Colleagues' inbox tabs hear of it.
  await shared.admin.log.waitForEvent('user.updated', (d) => d.user.id === dan.id && d.user.name === 'Daniel Dee');

  for (const name of ['   ', 'x'.repeat(81), '']) {
    const refused = await http('PATCH', '/api/me', { name });
    assert.equal(refused.status, 400, `name ${JSON.stringify(name)}`);
    assert.equal(refused.body.error.code, 'validation_failed');
  }
  assert.equal((await http('PATCH', '/api/me', { name: 'Dan', role: 'admin' })).status, 400, 'only the name is accepted');
  const me = (await http('GET', '/api/me')).body.user;
  assert.equal(me.name, 'Daniel Dee');
  assert.equal(me.role, 'agent');
  assert.equal((await http('PATCH', '/api/me', { name: 'y'.repeat(80) })).status, 200, '80 characters are fine');
  assert.equal((await httpAs(url, null)('PATCH', '/api/me', { name: 'Nobody' })).status, 401);
});

test('a wrong current password or a weak new one is refused and nothing changes', async () => {
  const { url, wsUrl } = shared.cluster;
  const eve = await createUserAs(shared.admin, { email: 'eve@example.com', name: 'Eve' });
  const mine = await login(url, eve.email, eve.password);
  const other = await login(url, eve.email, eve.password);
  const otherSocket = await agentSocket(wsUrl, other.cookie);
  const http = httpAs(url, mine.cookie);

  const wrong = await http('POST', '/api/me/password', { currentPassword: 'not-my-password-1', newPassword: 'a-fresh-passphrase-9' });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.body.error.code, 'wrong_current_password');
  for (const newPassword of ['short-1', 'password123', 'aaaaaaaaaaaa']) {
    const weak = await http('POST', '/api/me/password', { currentPassword: eve.password, newPassword });
    assert.equal(weak.status, 400, newPassword);
    assert.equal(weak.body.error.code, 'weak_password', newPassword);
  }
  assert.equal((await http('POST', '/api/me/password', { currentPassword: eve.password })).status, 400);

  await login(url, eve.email, eve.password);
  await assert.rejects(login(url, eve.email, 'a-fresh-passphrase-9'), /401/);
  assert.equal((await httpAs(url, other.cookie)('GET', '/api/me')).status, 200, 'other sessions untouched');
  await sleep(200);
  assert.equal(otherSocket.isClosed(), false);
  otherSocket.ws.close();
});

test('a password change ends every other session (HTTP 401, socket 4401); this one keeps working', async () => {
  const { url, wsUrl } = shared.cluster;
  const fay = await createUserAs(shared.admin, { email: 'fay@example.com', name: 'Fay' });
  const mine = await login(url, fay.email, fay.password);
  const other = await login(url, fay.email, fay.password);
  const mySocket = await agentSocket(wsUrl, mine.cookie);
  const otherSocket = await agentSocket(wsUrl, other.cookie);
  const http = httpAs(url, mine.cookie);

  const changed = await http('POST', '/api/me/password', { currentPassword: fay.password, newPassword: 'a-fresh-passphrase-9' });
  assert.equal(changed.status, 204, JSON.stringify(changed.body));
  assert.equal((await within(otherSocket.closed, 3000, 'other session socket closes')).code, 4401);
  assert.equal((await httpAs(url, other.cookie)('GET', '/api/me')).status, 401);

  await assert.rejects(login(url, fay.email, fay.password), /401/, 'the old password no longer signs in');
  await login(url, fay.email, 'a-fresh-passphrase-9');
  assert.equal((await http('GET', '/api/me')).status, 200, 'this session stays');
  assert.equal((await mySocket.command('availability.set', { availability: 'online' })).ok, true, "this session's socket stays");
  assert.equal(mySocket.isClosed(), false);
  mySocket.ws.close();
});

test('"sign out of all other sessions" ends the others and keeps this one', async () => {
  const { url, wsUrl } = shared.cluster;
  const gus = await createUserAs(shared.admin, { email: 'gus@example.com', name: 'Gus' });
  const mine = await login(url, gus.email, gus.password);
  const laptop = await login(url, gus.email, gus.password);
  const phone = await login(url, gus.email, gus.password);
  const mySocket = await agentSocket(wsUrl, mine.cookie);
  const laptopSocket = await agentSocket(wsUrl, laptop.cookie);
  // Another user's session is not touched.
  const adminBefore = (await shared.admin.http('GET', '/api/me')).status;

  const revoked = await httpAs(url, mine.cookie)('POST', '/api/me/sessions/revoke-others');
  assert.equal(revoked.status, 200);
  assert.equal(revoked.body.ended, 2);
  assert.equal((await within(laptopSocket.closed, 3000, 'laptop socket closes')).code, 4401);
  assert.equal((await httpAs(url, laptop.cookie)('GET', '/api/me')).status, 401);
  assert.equal((await httpAs(url, phone.cookie)('GET', '/api/me')).status, 401);
  assert.equal((await httpAs(url, mine.cookie)('GET', '/api/me')).status, 200);
  assert.equal(adminBefore, 200);
  assert.equal((await shared.admin.http('GET', '/api/me')).status, 200);
  await sleep(200);
  assert.equal(mySocket.isClosed(), false);
  await login(url, gus.email, gus.password);
  assert.equal((await httpAs(url, null)('POST', '/api/me/sessions/revoke-others')).status, 401);
  mySocket.ws.close();
});

test('the profile routes are in the OpenAPI document', async () => {
  const doc = (await httpAs(shared.cluster.url, null)('GET', '/api/openapi.json')).body;
  assert.ok(doc.paths['/api/me'].patch);
  assert.ok(doc.paths['/api/me/password'].post);
  assert.ok(doc.paths['/api/me/sessions/revoke-others'].post);
});
