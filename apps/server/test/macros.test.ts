/**
 * A6 macros: CRUD, who may see and change what (shared = admins, personal = the owner only),
 * validation and duplicate shortcuts. Real server, real HTTP, both driver sets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUserAs, httpAs, login } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

async function agentHttp(email: string, name: string) {
  const user = await createUserAs(shared.admin, { email, name });
  return { id: user.id, http: httpAs(shared.cluster.url, (await login(shared.cluster.url, user.email, user.password)).cookie) };
}

test('admins create, edit and delete shared macros; every user lists them', async () => {
  const admin = shared.admin.http;
  const created = await admin('POST', '/api/macros', { shortcut: 'greet', title: '  Greeting ', body: 'Hi {{contact.first_name}}, {{agent.name}} here\n\n', shared: true });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const macro = created.body.macro;
  assert.deepEqual({ ...macro, id: 0, createdAt: 0, updatedAt: 0 }, { id: 0, shortcut: 'greet', title: 'Greeting', body: 'Hi {{contact.first_name}}, {{agent.name}} here', ownerUserId: null, createdAt: 0, updatedAt: 0 });

  const ann = await agentHttp('ann@example.com', 'Ann');
  assert.deepEqual((await ann.http('GET', '/api/macros')).body.macros.map((m: { shortcut: string }) => m.shortcut), ['greet']);

  const edited = await admin('PATCH', `/api/macros/${macro.id}`, { body: 'Hello!' });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.macro.body, 'Hello!');
  assert.equal(edited.body.macro.shortcut, 'greet', 'fields not sent stay');
  assert.equal((await ann.http('GET', '/api/macros')).body.macros[0].body, 'Hello!');

  assert.equal((await admin('DELETE', `/api/macros/${macro.id}`)).status, 204);
  assert.deepEqual((await ann.http('GET', '/api/macros')).body.macros, []);
  assert.equal((await admin('DELETE', `/api/macros/${macro.id}`)).status, 404);
});

test('an agent manages personal macros but cannot touch shared ones or see a colleague\'s', async () => {
  const bob = await agentHttp('bob@example.com', 'Bob');
  const cat = await agentHttp('cat@example.com', 'Cat');
  const sharedMacro = (await shared.admin.http('POST', '/api/macros', { shortcut: 'bye', title: 'Goodbye', body: 'Bye!', shared: true })).body.macro;

  const refused = await bob.http('POST', '/api/macros', { shortcut: 'mine', title: 'Mine', body: 'x', shared: true });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'forbidden');
  assert.equal((await bob.http('PATCH', `/api/macros/${sharedMacro.id}`, { body: 'hacked' })).status, 403);
  assert.equal((await bob.http('DELETE', `/api/macros/${sharedMacro.id}`)).status, 403);

  const personal = await bob.http('POST', '/api/macros', { shortcut: 'bye', title: 'My goodbye', body: 'See you, {{contact.name}}' });
  assert.equal(personal.status, 201, 'a personal shortcut may repeat a shared one');
  assert.equal(personal.body.macro.ownerUserId, bob.id);
  const bobsId = personal.body.macro.id;

  // Cat neither lists nor reaches Bob's macro; the admin neither (personal means personal).
  for (const other of [cat.http, shared.admin.http]) {
    const list = (await other('GET', '/api/macros')).body.macros as { id: number }[];
    assert.ok(!list.some((m) => m.id === bobsId));
    assert.equal((await other('PATCH', `/api/macros/${bobsId}`, { body: 'changed' })).status, 404);
    assert.equal((await other('DELETE', `/api/macros/${bobsId}`)).status, 404);
  }
  // Cat may use the same shortcut for her own.
  assert.equal((await cat.http('POST', '/api/macros', { shortcut: 'bye', title: 'Cat bye', body: 'Ciao' })).status, 201);

  const bobs = (await bob.http('GET', '/api/macros')).body.macros as { id: number; ownerUserId: number | null; body: string }[];
  assert.deepEqual(bobs.map((m) => m.ownerUserId), [null, bob.id], 'shared first, then mine');
  assert.equal(bobs[1]!.body, 'See you, {{contact.name}}');

  assert.equal((await bob.http('PATCH', `/api/macros/${bobsId}`, { title: 'Later' })).body.macro.title, 'Later');
  assert.equal((await bob.http('DELETE', `/api/macros/${bobsId}`)).status, 204);
  assert.equal((await shared.admin.http('GET', '/api/macros')).body.macros.filter((m: { id: number }) => m.id === sharedMacro.id).length, 1, 'the shared one is untouched');
  assert.equal((await httpAs(shared.cluster.url, null)('GET', '/api/macros')).status, 401);
});

test('bad input and duplicate shortcuts are refused with clear codes and change nothing', async () => {
  const dee = await agentHttp('dee@example.com', 'Dee');
  const first = await dee.http('POST', '/api/macros', { shortcut: 'thanks', title: 'Thanks', body: 'Thank you!' });
  assert.equal(first.status, 201);

  const duplicate = await dee.http('POST', '/api/macros', { shortcut: 'thanks', title: 'Again', body: 'Again' });
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.error.code, 'macro_shortcut_taken');
  const other = (await dee.http('POST', '/api/macros', { shortcut: 'other', title: 'Other', body: 'Other' })).body.macro;
  const renamed = await dee.http('PATCH', `/api/macros/${other.id}`, { shortcut: 'thanks' });
  assert.equal(renamed.status, 409);
  assert.equal(renamed.body.error.code, 'macro_shortcut_taken');

  const bad: unknown[] = [
    { shortcut: 'Upper', title: 't', body: 'b' },
    { shortcut: 'has space', title: 't', body: 'b' },
    { shortcut: '', title: 't', body: 'b' },
    { shortcut: 'x'.repeat(33), title: 't', body: 'b' },
    { shortcut: 'ok', title: '   ', body: 'b' },
    { shortcut: 'ok', title: 't'.repeat(81), body: 'b' },
    { shortcut: 'ok', title: 't', body: ' \n ' },
    { shortcut: 'ok', title: 't', body: 'b'.repeat(5001) },
    { shortcut: 'ok', title: 't' },
    { shortcut: 'ok', title: 't', body: 'b', ownerUserId: 1 },
  ];
  for (const body of bad) {
    const res = await dee.http('POST', '/api/macros', body);
    assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
    assert.equal(res.body.error.code, 'validation_failed');
  }
  assert.equal((await dee.http('PATCH', `/api/macros/${other.id}`, {})).status, 400, 'an empty change is refused');
  assert.equal((await dee.http('PATCH', `/api/macros/${other.id}`, { body: '   ' })).body.error.code, 'validation_failed');
  assert.equal((await dee.http('PATCH', '/api/macros/abc', { body: 'x' })).status, 400);

  const after = (await dee.http('GET', '/api/macros')).body.macros as { shortcut: string; title: string; body: string; ownerUserId: number | null }[];
  assert.deepEqual(after.filter((m) => m.ownerUserId !== null).map((m) => [m.shortcut, m.title, m.body]), [['other', 'Other', 'Other'], ['thanks', 'Thanks', 'Thank you!']]);
  assert.equal((await dee.http('POST', '/api/macros', { shortcut: 'a_b-9', title: 't'.repeat(80), body: 'b'.repeat(5000) })).status, 201, 'the limits themselves are fine');
});
