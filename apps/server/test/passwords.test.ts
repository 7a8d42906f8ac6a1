/**
 * Issue 8, hole 9: new passwords need 10 characters and must not be common (creating a user,
 * accepting an invitation, PARLEY_ADMIN_PASSWORD), and failed sign-ins slow down per account,
 * whatever address they come from, on every node: the count lives in the database.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { generatePassword } from '../src/domain/auth/secrets.js';
import { passwordProblem } from '../src/domain/users/passwordPolicy.js';
import { connectAgent, createUserAs, httpAs, login, type AgentClient } from './helpers/clients.js';
import { DRIVERS } from './helpers/drivers.js';
import { ManualClock } from './helpers/manualClock.js';
import { startCluster, startNode, type TestCluster } from './helpers/testServer.js';

// Business time moves by hand, so lock windows pass at once.
const clock = new ManualClock();
const shared = {} as { cluster: TestCluster; admin: AgentClient };
before(async () => {
  shared.cluster = await startCluster({ clock: clock.now });
  shared.admin = await connectAgent(shared.cluster.url, shared.cluster.wsUrl);
});
after(async () => {
  shared.admin.close();
  await shared.cluster.close();
});

const WEAK = ['12345678', 'short-pw', '1234567890', 'qwertyuiop', 'password123', 'Password2024!', 'aaaaaaaaaaaa'];

test('creating a user refuses short and common passwords', async () => {
  for (const [i, password] of WEAK.entries()) {
    const res = await shared.admin.http('POST', '/api/admin/users', { email: `weak${i}@example.com`, name: 'Weak', role: 'agent', password });
    assert.equal(res.status, 400, password);
    assert.ok(['validation_failed', 'weak_password'].includes(res.body.error.code), `${password}: ${res.body.error.code}`);
    if (password.length >= 10) assert.equal(res.body.error.code, 'weak_password', password);
  }
  const ok = await shared.admin.http('POST', '/api/admin/users', { email: 'strong@example.com', name: 'Strong', role: 'agent', password: 'plum-kettle-harbour' });
  assert.equal(ok.status, 201);
  const users = await shared.admin.http('GET', '/api/users');
  assert.ok(!users.body.users.some((u: { email: string }) => u.email.startsWith('weak')), 'no weak user was created');
});

test('accepting an invitation refuses a common password and keeps the link usable', async () => {
  const invited = await shared.admin.http('POST', '/api/admin/users', { email: 'invitee@example.com', name: 'Invitee', role: 'agent' });
  const token = new URL(invited.body.inviteUrl).searchParams.get('token')!;
  const anonymous = httpAs(shared.cluster.url, null);
  const common = await anonymous('POST', '/api/auth/accept-invite', { token, password: '1q2w3e4r5t' });
  assert.equal(common.status, 400);
  assert.equal(common.body.error.code, 'weak_password');
  const short = await anonymous('POST', '/api/auth/accept-invite', { token, password: '12345678' });
  assert.equal(short.status, 400);
  const accepted = await anonymous('POST', '/api/auth/accept-invite', { token, password: 'invitee-chose-well' });
  assert.equal(accepted.status, 200);
});

test('PARLEY_ADMIN_PASSWORD must pass the same rule; the generated first-admin password always does', () => {
  const env = { PARLEY_ADMIN_EMAIL: 'root@example.com' };
  for (const password of ['12345678', 'password123']) {
    assert.throws(() => loadConfig({ ...env, PARLEY_ADMIN_PASSWORD: password }), (e: unknown) => e instanceof ConfigError && /PARLEY_ADMIN_PASSWORD/.test(e.message));
  }
  assert.equal(loadConfig({ ...env, PARLEY_ADMIN_PASSWORD: 'admin-password-1' }).adminPassword, 'admin-password-1');
  for (let i = 0; i < 200; i++) assert.equal(passwordProblem(generatePassword()), null);
});

async function attempt(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

test('five failures lock the account, even for the right password; the lock grows; success resets', async () => {
  const user = await createUserAs(shared.admin, { email: 'locked@example.com', name: 'Locked', password: 'locked-password-1' });
  const url = shared.cluster.url;
  for (let i = 0; i < 5; i++) assert.equal((await attempt(url, user.email, `wrong-guess-${i}`)).body.error.code, 'invalid_credentials');
  const locked = await attempt(url, user.email.toUpperCase(), user.password);
  assert.equal(locked.status, 429);
  assert.equal(locked.body.error.code, 'rate_limited');
  assert.equal(locked.retryAfter, '60');
  // Other accounts are not affected: the limit is per account, not per address.
  await login(url);

  clock.advance(61_000);
  assert.equal((await attempt(url, user.email, 'wrong-again')).body.error.code, 'invalid_credentials');
  const longer = await attempt(url, user.email, user.password);
  assert.equal(longer.status, 429);
  assert.equal(longer.retryAfter, '120', 'the second lock is twice as long');

  clock.advance(121_000);
  await login(url, user.email, user.password);
  // Success cleared the count: one more failure is just a failure.
  assert.equal((await attempt(url, user.email, 'one-slip')).body.error.code, 'invalid_credentials');
  await login(url, user.email, user.password);
});

test('unknown emails lock the same way, so a lock does not reveal which accounts exist', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await attempt(shared.cluster.url, 'nobody@example.com', `guess-${i}`)).status, 401);
  assert.equal((await attempt(shared.cluster.url, 'nobody@example.com', 'guess-5')).status, 429);
});

test('the failure count is shared by every node and survives a restart', async () => {
  const user = await createUserAs(shared.admin, { email: 'roaming@example.com', name: 'Roaming', password: 'roaming-password-1' });
  for (let i = 0; i < 4; i++) await attempt(shared.cluster.url, user.email, `wrong-${i}`);
  // SQLite has one writer, so its second node comes after the first; PostgreSQL runs both at once.
  if (DRIVERS === 'postgres') {
    const other = await shared.cluster.addNode();
    assert.equal((await attempt(other.url, user.email, 'wrong-4')).status, 401);
    assert.equal((await attempt(shared.cluster.url, user.email, user.password)).status, 429);
    assert.equal((await attempt(other.url, user.email, user.password)).status, 429);
  } else {
    assert.equal((await attempt(shared.cluster.url, user.email, 'wrong-4')).status, 401);
  }
  const restarted = await startNode(shared.cluster.store, { clock: clock.now });
  try {
    const res = await attempt(restarted.url, user.email, user.password);
    assert.equal(res.status, 429);
    assert.equal(res.body.error.code, 'rate_limited');
  } finally {
    await restarted.close();
  }
});
