/**
 * R3 + I4 offers end to end over real sockets: an offer that times out moves to the next user;
 * when nobody is left the visitor gets the fallback message, the chat waits in Unassigned as
 * missed and the missed-chat email goes out through a real SMTP server. Declining, or going away,
 * moves on at once; letting offers expire three times in a row sets the user away and tells them
 * why.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_EMAIL } from './helpers/testServer.js';
import { connectAgent, connectVisitor, type AgentClient } from './helpers/clients.js';
import { ManualClock } from './helpers/manualClock.js';
import { onlineAgent, pendingOffers, setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startSmtpSink, type SmtpSink } from './helpers/smtpSink.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const clock = new ManualClock();
let sink: SmtpSink;
let cluster: TestCluster;
let admin: AgentClient;
let ann: AgentClient;
let ben: AgentClient;

before(async () => {
  sink = await startSmtpSink();
  cluster = await startCluster({ clock: clock.now, env: { SMTP_URL: sink.url, SMTP_FROM: 'Parley <chat@example.com>' } });
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  await setAway(admin);
  ann = await onlineAgent(cluster, admin, 'Ann');
  ben = await onlineAgent(cluster, admin, 'Ben');
});

after(async () => {
  for (const client of [admin, ann, ben]) client.close();
  await cluster.close();
  await sink.close();
});

async function offerFor(conversationId: number) {
  const offers = await pendingOffers(cluster);
  return offers.find((o) => o.conversation_id === conversationId);
}

test('an offer not accepted in 100 s goes to the next user; with nobody left the visitor gets the fallback and admins get an email', async () => {
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'v1', body: 'Can someone help me with my order #123?' });
  const conversationId = sent.message.conversationId;
  await settle(cluster);

  const first = await offerFor(conversationId);
  assert.equal(first?.user_id, ann.userId, 'round robin starts with the first eligible user');
  const banner = await ann.log.waitForEvent('offer.created', (d) => d.offer.id === first!.id);
  assert.equal(banner.data.conversation.id, conversationId);
  assert.equal(banner.data.offer.expiresAt - banner.data.offer.createdAt, 100_000);
  assert.equal(banner.data.preview, 'Can someone help me with my order #123?', 'the banner shows what the visitor wrote');
  const annOffers = await ann.http('GET', '/api/offers');
  assert.deepEqual(annOffers.body.offers.map((o: any) => [o.offer.id, o.preview]), [[first!.id, 'Can someone help me with my order #123?']]);
  assert.equal(ben.log.events.some((e) => e.name === 'offer.created' && e.data.offer.id === first!.id), false, 'only the offered user gets the offer');

  clock.advance(99_000);
  await settle(cluster);
  assert.equal((await offerFor(conversationId))?.id, first!.id, 'still Ann’s offer before the timeout');

  clock.advance(2_000);
  await settle(cluster);
  await ann.log.waitForEvent('offer.resolved', (d) => d.offer.id === first!.id && d.offer.status === 'expired');
  const second = await offerFor(conversationId);
  assert.equal(second?.user_id, ben.userId);
  await ben.log.waitForEvent('offer.created', (d) => d.offer.id === second!.id);

  clock.advance(101_000);
  await settle(cluster);
  assert.equal(await offerFor(conversationId), undefined);
  const fallback = await visitor.log.waitForEvent('message.created', (d) => d.message.author.kind === 'bot' && d.message.body.startsWith('Sorry, nobody could take your chat'));
  assert.equal(fallback.data.message.conversationId, conversationId);

  const unassigned = await admin.http('GET', '/api/conversations?view=unassigned');
  const listed = unassigned.body.conversations.find((c: any) => c.id === conversationId);
  assert.equal(listed.missed, true);
  assert.equal(listed.routingState, 'missed');

  const mail = await sink.waitFor((m) => m.subject.includes('Missed chat'));
  assert.deepEqual(mail.to, [ADMIN_EMAIL]);
  assert.match(mail.text, /Can someone help me with my order #123\?/);
  assert.match(mail.text, new RegExp(`/inbox/conversations/${conversationId}`));
  await settle(cluster);
  assert.equal(sink.messages.filter((m) => m.subject.includes('Missed chat')).length, 1, 'one email per missed chat');

  // "Assign to me" from Unassigned still works on a missed chat.
  const taken = await ben.rt.send('conversation.assign', { conversationId, userId: ben.userId });
  assert.equal(taken.conversation.assignee?.id, ben.userId);
  assert.equal(taken.conversation.routingState, 'assigned');
  await visitor.log.waitForEvent('message.created', (d) => d.message.body === 'Ben joined the chat');
  visitor.close();
});

test('declining moves the chat to the next user at once; an expired offer cannot be accepted', async () => {
  const visitor = await visitorWrites(cluster, 'Question about pricing');
  await settle(cluster);
  const first = await offerFor(visitor.conversationId);
  assert.ok(first);
  const decliner = first.user_id === ann.userId ? ann : ben;
  const other = decliner === ann ? ben : ann;
  await decliner.rt.send('offer.decline', { offerId: first.id });
  await settle(cluster);
  const second = await offerFor(visitor.conversationId);
  assert.equal(second?.user_id, other.userId);

  await assert.rejects(decliner.rt.send('offer.accept', { offerId: first.id }), (error: any) => error.error.code === 'offer_unavailable');
  const byHttp = await decliner.http('POST', `/api/offers/${second!.id}/accept`);
  assert.equal(byHttp.status, 409, 'nobody accepts an offer made to someone else');
  assert.equal(byHttp.body.error.code, 'offer_unavailable');

  const mine = await other.http('GET', '/api/offers');
  assert.deepEqual(mine.body.offers.map((o: any) => o.offer.id), [second!.id]);
  const accepted = await other.http('POST', `/api/offers/${second!.id}/accept`);
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.conversation.assignee.id, other.userId);
  const again = await other.http('POST', `/api/offers/${second!.id}/accept`);
  assert.equal(again.body.error.code, 'offer_unavailable', 'accepting twice changes nothing');
  await other.rt.send('conversation.close', { conversationId: visitor.conversationId });
  await settle(cluster);
});

test('going away hands a pending offer to the next user at once, without counting a miss', async () => {
  const visitor = await visitorWrites(cluster, `Is anyone there?\n\n${'é'.repeat(300)}`);
  await settle(cluster);
  const first = await offerFor(visitor.conversationId);
  assert.ok(first);
  const leaver = first.user_id === ann.userId ? ann : ben;
  const other = leaver === ann ? ben : ann;
  // A long message is shortened for the banner, on one line.
  const shown = await leaver.log.waitForEvent('offer.created', (d) => d.offer.id === first.id);
  assert.equal(shown.data.preview, `Is anyone there? ${'é'.repeat(182)}…`);
  assert.equal([...shown.data.preview].length, 200);

  await setAway(leaver);
  await settle(cluster);
  await leaver.log.waitForEvent('offer.resolved', (d) => d.offer.id === first.id && d.offer.status === 'cancelled');
  const second = await offerFor(visitor.conversationId);
  assert.equal(second?.user_id, other.userId, 'offered to the next user without waiting for the timeout');
  const row = await storage(cluster).selectFrom('users').select('missed_offers').where('id', '=', leaver.userId).executeTakeFirstOrThrow();
  assert.equal(Number(row.missed_offers), 0);

  await other.rt.send('offer.accept', { offerId: second!.id });
  await other.rt.send('conversation.close', { conversationId: visitor.conversationId });
  await leaver.rt.send('availability.set', { availability: 'online' });
  await settle(cluster);
});

test('a user who lets 3 offers in a row expire is set away and told why', async () => {
  const chatflow = await admin.http('GET', '/api/admin/sites');
  const flow = chatflow.body.sites[0].chatflows[0];
  const saved = await admin.http('PATCH', `/api/admin/chatflows/${flow.id}`, { routing: { ...flow.routing, mode: 'specific_user', userId: ann.userId } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));

  for (let i = 0; i < 3; i++) {
    const visitor = await visitorWrites(cluster, `Specific user chat ${i}`);
    await settle(cluster);
    const offer = await offerFor(visitor.conversationId);
    assert.equal(offer?.user_id, ann.userId, 'specific-user mode offers only to Ann');
    clock.advance(101_000);
    await settle(cluster);
  }
  // Told live, with the reason (Ann's earlier events from signing in say away without one).
  const update = await ann.log.waitForEvent('user.updated', (d) => d.user.id === ann.userId && d.user.awayReason === 'missed_offers');
  assert.equal(update.data.user.availability, 'away');
  const row = await storage(cluster).selectFrom('users').select(['availability', 'away_reason']).where('id', '=', ann.userId).executeTakeFirstOrThrow();
  assert.deepEqual(row, { availability: 'away', away_reason: 'missed_offers' });

  // Away users get no offers: the next chat falls back at once.
  const visitor = await visitorWrites(cluster, 'Anyone?');
  await settle(cluster);
  assert.equal(await offerFor(visitor.conversationId), undefined);
  const state = await storage(cluster).selectFrom('conversations').select('routing_state').where('id', '=', visitor.conversationId).executeTakeFirstOrThrow();
  assert.equal(state.routing_state, 'missed');
  await admin.http('PATCH', `/api/admin/chatflows/${flow.id}`, { routing: flow.routing });
});
