/**
 * Inbox lists that scale (I3, I5, I8): cursor pages hold every conversation exactly once while new
 * ones arrive, filters narrow a view, bad cursors and parameters are refused with stable codes,
 * the workspace can keep the All view from agents, team views are for their members, reassigning
 * to a team routes the chat to that team, and each row carries the unread mark, the last sender
 * and a plain-text preview.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, createUserAs, createVisitorSession, httpAs, type AgentClient } from './helpers/clients.js';
import { createChatflow, demoSite } from './helpers/chatflows.js';
import { ManualClock } from './helpers/manualClock.js';
import { onlineAgent, setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const clock = new ManualClock();
let cluster: TestCluster;
let admin: AgentClient;

before(async () => {
  cluster = await startCluster({ clock: clock.now });
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  // Nobody online: new chats stay unassigned in the lists.
  await setAway(admin);
});

after(async () => {
  admin.close();
  await cluster.close();
});

interface Row {
  id: number;
  teamId: number | null;
  assignee: { id: number } | null;
  lastVisitorSeq: number;
  agentReadSeq: number;
  lastMessage: { seq: number; authorKind: string; authorName: string; text: string; internal: boolean } | null;
}

async function page(agent: AgentClient, query: string): Promise<{ ids: number[]; rows: Row[]; nextCursor: string | null }> {
  const res = await agent.http('GET', `/api/conversations?${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { ids: res.body.conversations.map((c: Row) => c.id), rows: res.body.conversations, nextCursor: res.body.nextCursor };
}

/** A new visitor writes; one second passes, so activity times differ. */
async function newChat(body = 'Hello', chatflowId?: number): Promise<number> {
  clock.advance(1000);
  if (chatflowId === undefined) {
    const { conversationId } = await visitorWrites(cluster, body);
    await settle(cluster);
    return conversationId;
  }
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  const sent = await httpAs(cluster.url, null, session.visitorToken)('POST', '/api/widget/messages', { clientMessageId: `c-${session.visitorId}`, body, chatflowId });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  await settle(cluster);
  return sent.body.message.conversationId;
}

async function closeAll(): Promise<void> {
  const open = await storage(cluster).selectFrom('conversations').select('id').where('status', '=', 'open').execute();
  for (const { id } of open) assert.equal((await admin.http('POST', `/api/conversations/${id}/close`)).status, 200);
  await settle(cluster);
}

test('cursor pages return every conversation exactly once, newest activity first, while new ones arrive', async () => {
  await closeAll();
  const existing: number[] = [];
  for (let i = 0; i < 7; i++) existing.push(await newChat(`Chat ${i}`));

  const seen: number[] = [];
  let result = await page(admin, 'view=unassigned&limit=3');
  assert.deepEqual(result.ids, existing.slice(-3).reverse(), 'newest activity first');
  seen.push(...result.ids);
  const arrivals = [await newChat('Arrives during paging'), await newChat('Another arrival')];
  let pages = 1;
  while (result.nextCursor) {
    result = await page(admin, `view=unassigned&limit=3&cursor=${encodeURIComponent(result.nextCursor)}`);
    seen.push(...result.ids);
    pages++;
    if (pages === 2) arrivals.push(await newChat('One more arrival'));
  }
  assert.equal(pages, 3);
  assert.equal(new Set(seen).size, seen.length, 'no conversation twice');
  assert.deepEqual([...seen].sort((a, b) => a - b), [...existing].sort((a, b) => a - b), 'every conversation that was there, once; arrivals are at the top');
  // The arrivals head a fresh first page.
  assert.deepEqual((await page(admin, 'view=unassigned&limit=3')).ids, [...arrivals].reverse());

  // Closed: by closing time, newest first, paged the same way.
  for (const id of [existing[2]!, existing[0]!, existing[1]!]) {
    clock.advance(1000);
    assert.equal((await admin.http('POST', `/api/conversations/${id}/close`)).status, 200);
  }
  const closedFirst = await page(admin, 'view=closed&limit=2');
  assert.deepEqual(closedFirst.ids, [existing[1], existing[0]]);
  assert.ok(closedFirst.nextCursor);
  const closedNext = await page(admin, `view=closed&limit=2&cursor=${closedFirst.nextCursor}`);
  assert.equal(closedNext.ids[0], existing[2]);
});

test('filters: status, assignee, team, chatflow and priority narrow a view; unknown targets are refused', async () => {
  await closeAll();
  const site = await demoSite(admin.http);
  const second = await createChatflow(admin.http, { siteId: site.id, name: 'Second', published: true });
  const agent = await createUserAs(admin, { email: 'filters-agent@example.com', name: 'Filter Agent' });
  const team = (await admin.http('POST', '/api/admin/teams', { name: 'Filters', memberIds: [agent.id] })).body.team;

  const plain = await newChat('Plain');
  const urgent = await newChat('Urgent one');
  const inSecond = await newChat('From the second chatflow', second.id);
  const assigned = await newChat('Assigned one');
  const closed = await newChat('Closed one');
  await storage(cluster).updateTable('conversations').set({ priority: 'urgent' }).where('id', '=', urgent).execute();
  assert.equal((await admin.http('POST', `/api/conversations/${assigned}/assign`, { userId: agent.id })).status, 200);
  assert.equal((await admin.http('POST', `/api/conversations/${closed}/close`)).status, 200);
  await settle(cluster);

  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
  assert.deepEqual(sorted((await page(admin, 'view=all')).ids), sorted([plain, urgent, inSecond, assigned]));
  assert.deepEqual((await page(admin, `view=all&chatflow=${second.id}`)).ids, [inSecond]);
  assert.deepEqual((await page(admin, 'view=all&priority=urgent')).ids, [urgent]);
  assert.deepEqual((await page(admin, `view=all&assignee=${agent.id}`)).ids, [assigned]);
  assert.deepEqual(sorted((await page(admin, 'view=all&assignee=unassigned')).ids), sorted([plain, urgent, inSecond]));
  assert.deepEqual((await page(admin, 'view=all&status=closed')).ids.slice(0, 1), [closed]);
  assert.deepEqual((await page(admin, `view=all&team=${team.id}`)).ids, []);
  assert.equal((await admin.http('POST', `/api/conversations/${plain}/team`, { teamId: team.id })).status, 200);
  assert.deepEqual((await page(admin, `view=all&team=${team.id}`)).ids, [plain]);
  assert.deepEqual((await page(admin, `view=unassigned&team=${team.id}&priority=urgent`)).ids, []);

  for (const [query, code] of [
    ['view=everything', 'validation_failed'],
    ['view=all&priority=extreme', 'validation_failed'],
    ['view=all&assignee=someone', 'validation_failed'],
    ['view=all&assignee=999999', 'validation_failed'],
    [`view=all&chatflow=999999`, 'validation_failed'],
    ['view=all&team=999999', 'validation_failed'],
    ['view=all&limit=0', 'validation_failed'],
    ['view=all&limit=201', 'validation_failed'],
    ['view=all&chatflow=01', 'validation_failed'],
    ['view=all&colour=blue', 'validation_failed'],
    ['view=closed&status=open', 'validation_failed'],
    ['view=team', 'validation_failed'],
  ] as const) {
    const res = await admin.http('GET', `/api/conversations?${query}`);
    assert.equal(res.status, 400, query);
    assert.equal(res.body.error.code, code, query);
  }
});

test('a bad cursor, or one from another view or filter, is refused with invalid_cursor', async () => {
  await closeAll();
  for (let i = 0; i < 3; i++) await newChat(`Cursor ${i}`);
  const first = await page(admin, 'view=unassigned&limit=1');
  assert.ok(first.nextCursor);
  const forged = Buffer.from(JSON.stringify(['activity', 'x', 1, 'unassigned|open|||||'])).toString('base64url');
  for (const cursor of ['not-a-cursor', '%%%', forged, Buffer.from('{}').toString('base64url')]) {
    const res = await admin.http('GET', `/api/conversations?view=unassigned&cursor=${encodeURIComponent(cursor)}`);
    assert.equal(res.status, 400, cursor);
    assert.equal(res.body.error.code, 'invalid_cursor', cursor);
  }
  for (const query of ['view=all', 'view=unassigned&priority=high', 'view=closed']) {
    const res = await admin.http('GET', `/api/conversations?${query}&cursor=${first.nextCursor}`);
    assert.equal(res.status, 400, query);
    assert.equal(res.body.error.code, 'invalid_cursor', query);
  }
});

test('with "agents see All" off, agents get no All view or count (403 all_view_disabled); admins still do', async () => {
  const creds = await createUserAs(admin, { email: 'no-all@example.com', name: 'No All' });
  const agent = await connectAgent(cluster.url, cluster.wsUrl, creds);
  try {
    assert.deepEqual((await admin.http('GET', '/api/admin/inbox-settings')).body, { agentsSeeAll: true });
    assert.equal((await agent.http('GET', '/api/conversations?view=all')).status, 200, 'on by default');
    assert.equal(typeof (await agent.http('GET', '/api/conversations/counts')).body.all, 'number');

    assert.equal((await agent.http('PUT', '/api/admin/inbox-settings', { agentsSeeAll: false })).status, 403, 'admins only');
    const bad = await admin.http('PUT', '/api/admin/inbox-settings', { agentsSeeAll: 'no' });
    assert.equal(bad.body.error.code, 'validation_failed');
    assert.deepEqual((await admin.http('PUT', '/api/admin/inbox-settings', { agentsSeeAll: false })).body, { agentsSeeAll: false });

    const refused = await agent.http('GET', '/api/conversations?view=all');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'all_view_disabled');
    const counts = (await agent.http('GET', '/api/conversations/counts')).body;
    assert.equal('all' in counts, false);
    assert.equal(typeof counts.unassigned, 'number');
    assert.equal((await agent.http('GET', '/api/conversations?view=unassigned')).status, 200, 'other views still work');
    assert.equal((await agent.http('GET', '/api/me')).body.workspace.agentsSeeAll, false);
    assert.equal((await admin.http('GET', '/api/conversations?view=all')).status, 200);
    assert.equal(typeof (await admin.http('GET', '/api/conversations/counts')).body.all, 'number');

    await admin.http('PUT', '/api/admin/inbox-settings', { agentsSeeAll: true });
    assert.equal((await agent.http('GET', '/api/conversations?view=all')).status, 200);
  } finally {
    agent.close();
  }
});

test('a team view lists only that team, only for its members; reassigning to a team routes it to the members', async () => {
  await closeAll();
  const member = await onlineAgent(cluster, admin, 'Teamy');
  const outsider = await onlineAgent(cluster, admin, 'Outsider');
  try {
    const team = (await admin.http('POST', '/api/admin/teams', { name: 'Billing', memberIds: [member.userId] })).body.team;
    const other = (await admin.http('POST', '/api/admin/teams', { name: 'Other', memberIds: [outsider.userId] })).body.team;
    // Both agents take a chat each, so routing has somewhere to go; then they are both online.
    const chat = await newChat('Question about my invoice');
    const offered = await storage(cluster).selectFrom('offers').select('user_id').where('conversation_id', '=', chat).where('status', '=', 'pending').executeTakeFirst();
    const holder = offered?.user_id === member.userId ? member : outsider;
    assert.ok(offered, 'routed to one of the online agents');
    assert.equal((await holder.http('POST', `/api/conversations/${chat}/assign`, { userId: holder.userId })).status, 200);
    await settle(cluster);

    // The outsider (or the member) hands it to Billing: unassigned there, offered to its member only.
    const moved = await holder.http('POST', `/api/conversations/${chat}/team`, { teamId: team.id });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.conversation.teamId, team.id);
    assert.equal(moved.body.conversation.assignee, null);
    await member.log.waitForEvent('conversation.assigned', (d) => d.conversation.id === chat && d.conversation.teamId === team.id);
    await settle(cluster);
    const offers = await storage(cluster).selectFrom('offers').select(['user_id', 'status']).where('conversation_id', '=', chat).where('status', '=', 'pending').execute();
    assert.deepEqual(offers.map((o) => o.user_id), [member.userId], 'routed to the team member');

    assert.deepEqual((await page(member, `view=team&team=${team.id}`)).ids, [chat]);
    assert.deepEqual((await page(admin, `view=team&team=${team.id}`)).ids, [chat], 'admins see every team');
    assert.deepEqual((await page(outsider, `view=team&team=${other.id}`)).ids, [], 'only that team');
    const refused = await outsider.http('GET', `/api/conversations?view=team&team=${team.id}`);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'not_team_member');
    assert.equal((await outsider.http('GET', '/api/conversations?view=team&team=999999')).status, 404);

    const memberCounts = (await member.http('GET', '/api/conversations/counts')).body.teams;
    assert.deepEqual(memberCounts, [{ teamId: team.id, name: 'Billing', count: 1 }]);
    const outsiderCounts = (await outsider.http('GET', '/api/conversations/counts')).body.teams;
    assert.deepEqual(outsiderCounts, [{ teamId: other.id, name: 'Other', count: 0 }]);

    const bad = await member.http('POST', `/api/conversations/${chat}/team`, { teamId: 999999 });
    assert.equal(bad.body.error.code, 'validation_failed');

    // A team chatflow's chats are that team's too.
    const chatflow = (await demoSite(admin.http)).chatflows[0]!;
    const previous = chatflow.routing;
    assert.equal((await admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, { routing: { ...previous, mode: 'team', teamId: other.id } })).status, 200);
    const routed = await newChat('Routed by team mode');
    assert.equal((await storage(cluster).selectFrom('conversations').select('team_id').where('id', '=', routed).executeTakeFirstOrThrow()).team_id, other.id);
    assert.deepEqual((await page(outsider, `view=team&team=${other.id}`)).ids, [routed]);
    assert.equal((await admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, { routing: previous })).status, 200);

    // Deleting a team drops its chats from team views.
    assert.equal((await admin.http('DELETE', `/api/admin/teams/${team.id}`)).status, 204);
    assert.equal((await storage(cluster).selectFrom('conversations').select('team_id').where('id', '=', chat).executeTakeFirstOrThrow()).team_id, null);
  } finally {
    await setAway(member);
    await setAway(outsider);
    member.close();
    outsider.close();
  }
});

test('rows carry the unread mark, the last sender and a plain-text preview, live', async () => {
  await closeAll();
  const { conversationId, http: visitor } = await visitorWrites(cluster, 'Hello');
  await settle(cluster);
  // Nobody is online: the chatflow's fallback line (a bot's) is the newest message.
  let row = (await page(admin, 'view=unassigned')).rows.find((r) => r.id === conversationId)!;
  assert.equal(row.lastMessage?.authorKind, 'bot');
  assert.ok(row.lastVisitorSeq > 0 && row.lastVisitorSeq < row.lastMessage!.seq);

  assert.equal((await visitor('POST', '/api/widget/messages', { clientMessageId: 'html-1', body: '  <b>Hi</b>\n\n  is   anyone there?  ' })).status, 201);
  row = (await page(admin, 'view=unassigned')).rows.find((r) => r.id === conversationId)!;
  assert.equal(row.lastMessage?.authorKind, 'visitor');
  assert.match(row.lastMessage!.authorName, /^Visitor \d+$/);
  assert.equal(row.lastMessage?.text, '<b>Hi</b> is anyone there?', 'whitespace collapsed, markup kept as text');
  assert.equal(row.lastVisitorSeq, row.lastMessage?.seq);
  assert.ok(row.lastVisitorSeq > row.agentReadSeq, 'unread');

  // A long message is cut for the row.
  const long = 'x'.repeat(500);
  assert.equal((await visitor('POST', '/api/widget/messages', { clientMessageId: 'long-1', body: long })).status, 201);
  const live = await admin.log.waitForEvent('conversation.updated', (d) => d.conversation.id === conversationId && d.conversation.lastMessage?.text.length === 120);
  assert.ok(live.data.conversation.lastMessage.text.endsWith('…'));

  // An agent replies: the sender is the agent; the visitor's message is still unread.
  const reply = await admin.http('POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: 'reply-1', body: 'Yes, how can I help?' });
  assert.equal(reply.status, 201);
  row = (await page(admin, 'view=all')).rows.find((r) => r.id === conversationId)!;
  assert.equal(row.lastMessage?.authorKind, 'user');
  assert.equal(row.lastMessage?.authorName, (await admin.http('GET', '/api/me')).body.user.name);
  assert.equal(row.lastMessage?.text, 'Yes, how can I help?');
  assert.ok(row.lastVisitorSeq > row.agentReadSeq, 'still unread: nobody read the visitor yet');

  // Reading up to the reply clears the mark.
  await admin.rt.send('conversation.read', { conversationId, seq: reply.body.message.seq });
  await admin.log.waitForEvent('conversation.read', (d) => d.conversationId === conversationId && d.agentReadSeq === reply.body.message.seq);
  row = (await page(admin, 'view=all')).rows.find((r) => r.id === conversationId)!;
  assert.ok(row.agentReadSeq >= row.lastVisitorSeq, 'read');

  // System lines are not "the last message": closing leaves the reply as the preview.
  assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/close`)).status, 200);
  row = (await page(admin, 'view=closed')).rows.find((r) => r.id === conversationId)!;
  assert.equal(row.lastMessage?.text, 'Yes, how can I help?');
});
