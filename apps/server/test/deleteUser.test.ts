/**
 * I1: an admin deletes a user. Their sockets close, their open chats go back to Unassigned and are
 * routed again (to someone else), they cannot sign in, their messages keep their name, and they
 * vanish from the user list. Nobody deletes themselves or the last admin. Both driver sets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs, httpAs, login } from './helpers/clients.js';
import { agentSocket, within } from './helpers/rawSocket.js';
import { onlineAgent, pendingOffers, setAway, settle } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

test('a deleted user is signed out, their chats go back to Unassigned and on to a colleague, their messages stay', async () => {
  const { cluster, admin } = shared;
  await setAway(admin);
  const gil = await createUserAs(admin, { email: 'gil@example.com', name: 'Gil' });
  const gilAgent = await connectAgent(cluster.url, cluster.wsUrl, gil);
  const gilSocket = await agentSocket(cluster.wsUrl, (await login(cluster.url, gil.email, gil.password)).cookie);

  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: 'hello?' });
  const conversationId = first.message.conversationId;
  // Replying takes the chat.
  const reply = await gilAgent.rt.send('message.send', { conversationId, clientMessageId: 'g-1', body: 'Gil here, how can I help?' });
  assert.equal(reply.message.author.name, 'Gil');
  assert.equal((await admin.http('GET', `/api/conversations/${conversationId}`)).body.conversation.assignee.id, gil.id);
  // A colleague is online with room: the chat will be routed to her once Gil is gone.
  const hal = await onlineAgent(cluster, admin, 'Hal');
  assert.deepEqual(await pendingOffers(cluster), [], 'nothing to offer while Gil has the chat');

  const deleted = await admin.http('DELETE', `/api/admin/users/${gil.id}`);
  assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
  assert.equal((await within(gilSocket.closed, 3000, "the deleted user's socket closes")).code, 4401);
  assert.equal((await gilAgent.http('GET', '/api/me')).status, 401, 'their session ended');
  await assert.rejects(login(cluster.url, gil.email, gil.password), /401/, 'they cannot sign in');

  const thread = (await admin.http('GET', `/api/conversations/${conversationId}`)).body;
  assert.equal(thread.conversation.assignee, null, 'back to Unassigned');
  assert.equal(thread.conversation.status, 'open');
  const theirs = thread.messages.find((m: any) => m.body === 'Gil here, how can I help?');
  assert.equal(theirs.author.name, 'Gil', 'their message keeps the name');
  await admin.log.waitForEvent('conversation.assigned', (d) => d.conversation.id === conversationId && d.conversation.assignee === null);

  // Colleagues' inbox tabs drop them: their last announcement says so.
  await admin.log.waitForEvent('user.updated', (d) => d.user.id === gil.id && d.user.deleted === true && d.user.active === false);
  const users = (await admin.http('GET', '/api/users')).body.users;
  assert.ok(!users.some((u: any) => u.id === gil.id), 'gone from the user list');
  assert.equal((await admin.http('DELETE', `/api/admin/users/${gil.id}`)).status, 404, 'deleting twice finds nobody');
  // The address is free again.
  await createUserAs(admin, { email: 'gil@example.com', name: 'Gil again' });

  // Routed again, to the colleague; the deleted user is never offered anything.
  await settle(cluster);
  const offers = await pendingOffers(cluster);
  assert.deepEqual(offers.map((o) => [o.conversation_id, o.user_id]), [[conversationId, hal.userId]]);
  await hal.log.waitForEvent('offer.created', (d) => d.offer.conversationId === conversationId);
  gilAgent.close();
  hal.close();
  visitor.close();
});

test('an admin cannot delete themselves or the last admin; agents cannot delete anyone', async () => {
  const { cluster, admin } = shared;
  const self = await admin.http('DELETE', `/api/admin/users/${admin.userId}`);
  assert.equal(self.status, 400);
  assert.equal(self.body.error.code, 'cannot_delete_self');

  const ivy = await createUserAs(admin, { email: 'ivy@example.com', name: 'Ivy', role: 'admin' });
  const ivyHttp = httpAs(cluster.url, (await login(cluster.url, ivy.email, ivy.password)).cookie);
  const jo = await createUserAs(admin, { email: 'jo@example.com', name: 'Jo' });
  const joHttp = httpAs(cluster.url, (await login(cluster.url, jo.email, jo.password)).cookie);
  assert.equal((await joHttp('DELETE', `/api/admin/users/${ivy.id}`)).status, 403, 'agents may not');

  // Ivy deletes the first admin; she is then the last one, and the last admin stays.
  assert.equal((await ivyHttp('DELETE', `/api/admin/users/${admin.userId}`)).status, 204);
  const kim = await createUserAs({ ...admin, http: ivyHttp }, { email: 'kim@example.com', name: 'Kim', role: 'admin' });
  assert.equal((await ivyHttp('PATCH', `/api/admin/users/${kim.id}`, { active: false })).status, 200);
  const kimHttp = httpAs(cluster.url, null);
  assert.equal((await kimHttp('DELETE', `/api/admin/users/${ivy.id}`)).status, 401);
  // With Kim deactivated, Ivy is the only active admin: nobody else can delete her, and she cannot either.
  const last = await ivyHttp('DELETE', `/api/admin/users/${ivy.id}`);
  assert.equal(last.body.error.code, 'cannot_delete_self');
  assert.equal((await ivyHttp('GET', '/api/me')).status, 200);
});
