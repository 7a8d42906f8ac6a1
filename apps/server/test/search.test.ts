/**
 * I9 search over real HTTP on both drivers: words in messages and contacts by name or email are
 * found with highlight offsets into plain text; nothing of another workspace, nothing the inbox
 * policy would not open, no bot or system lines; query syntax typed by a user never errors; what
 * is sent now is found now; bad queries get validation_failed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertChatflow } from '../src/domain/chatflows/insertChatflow.js';
import { connectAgent, connectVisitor, createUserAs, httpAs, type AgentClient, type VisitorClient } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();
const state = {} as {
  zelda: VisitorClient;
  zeldaConversation: number;
  finn: VisitorClient;
  finnConversation: number;
  agent: AgentClient;
  elsewhereConversation: number;
};

const db = () => shared.cluster.nodes[0]!.server.ctx.storage.db;
const searchAs = async (client: AgentClient, q: string) => {
  const res = await client.http('GET', `/api/search?q=${encodeURIComponent(q)}`);
  assert.equal(res.status, 200, `search for ${JSON.stringify(q)}: ${JSON.stringify(res.body)}`);
  return res.body as { conversations: any[]; contacts: any[] };
};
const conversationIds = (body: { conversations: any[] }) => body.conversations.map((c) => c.conversationId);
const marked = (text: string, ranges: Array<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

/** A workspace of its own, written straight to storage: visitor, conversation and messages. */
async function seedOtherWorkspace(): Promise<number> {
  const now = Date.now();
  const workspace = await db().insertInto('workspaces').values({ name: 'Elsewhere', created_at: now }).returning('id').executeTakeFirstOrThrow();
  const site = await db()
    .insertInto('sites')
    .values({ workspace_id: workspace.id, name: 'Elsewhere site', site_key: 'elsewhere-site-key', secret: 'x'.repeat(43), allowed_origins: '[]', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const chatflow = await insertChatflow(db(), { workspaceId: workspace.id, siteId: site.id, name: 'Elsewhere flow', priority: 0, published: true }, now);
  const visitor = await db()
    .insertInto('visitors')
    .values({
      workspace_id: workspace.id,
      site_id: site.id,
      token_hash: 'elsewhere-token-hash',
      name: null,
      context: JSON.stringify({ properties: { name: 'Zelda Elsewhere', email: 'zelda@fjord.example' } }),
      created_at: now,
      last_seen_at: now,
      owner_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const conversation = await db()
    .insertInto('conversations')
    .values({
      workspace_id: workspace.id, site_id: site.id, chatflow_id: chatflow.id, visitor_id: visitor.id, status: 'open', channel: 'chat',
      assignee_id: null, version: 1, last_seq: 1, created_at: now, updated_at: now, last_message_at: now, first_agent_reply_at: null,
      closed_at: null, close_reason: null, queue_position: null, queue_wait_seconds: null, last_activity_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('messages')
    .values({
      conversation_id: conversation.id, seq: 1, author_kind: 'visitor', author_user_id: null, author_visitor_id: visitor.id, author_name: null,
      body: 'Quixotic invoice 4711 from the other workspace', client_message_id: 'e1', dedupe_key: `v${visitor.id}:e1`, created_at: now,
    })
    .execute();
  return conversation.id;
}

/** The data every test reads, written once by whichever test runs first. */
let seeded: Promise<void> | undefined;
const ready = () => (seeded ??= seed());

async function seed(): Promise<void> {
  const { url, wsUrl, siteKey } = shared.cluster;
  state.elsewhereConversation = await seedOtherWorkspace();
  state.zelda = await connectVisitor(url, wsUrl, siteKey);
  await state.zelda.rt.send('context.update', { pageUrl: 'https://shop.example/pricing', properties: { name: 'Zelda Quixote', email: 'zelda@fjord.example' } });
  const sent = await state.zelda.rt.send('message.send', { clientMessageId: 'z1', body: 'Hello! My invoice number is 4711 and the subscription renewal failed.' });
  state.zeldaConversation = sent.message.conversationId;
  state.finn = await connectVisitor(url, wsUrl, siteKey);
  const finnSent = await state.finn.rt.send('message.send', { clientMessageId: 'f1', body: 'Kahvi on hyvää, kiitos! Onko tilaukseni (nro 88) jo matkalla?' });
  state.finnConversation = finnSent.message.conversationId;
  const agentCreds = await createUserAs(shared.admin, { email: 'searcher@example.com', name: 'Searcher' });
  state.agent = await connectAgent(url, wsUrl, agentCreds);
}

test('a word in a message finds its conversation, with highlight offsets at the word in a plain-text snippet', async () => {
  await ready();
  const body = await searchAs(shared.admin, 'invoice');
  assert.deepEqual(conversationIds(body), [state.zeldaConversation]);
  const hit = body.conversations[0];
  assert.equal(hit.authorKind, 'visitor');
  assert.equal(hit.status, 'open');
  assert.match(hit.snippet, /invoice number is 4711/);
  assert.deepEqual(marked(hit.snippet, hit.highlights), ['invoice']);

  // Several words must all match; the last one may be unfinished.
  const two = await searchAs(shared.admin, 'Renewal SUBSCR');
  assert.deepEqual(conversationIds(two), [state.zeldaConversation]);
  assert.deepEqual(marked(two.conversations[0].snippet, two.conversations[0].highlights), ['subscr', 'renewal']);
  assert.deepEqual(conversationIds(await searchAs(shared.admin, 'invoice banana')), []);

  // Letters beyond ASCII, and a prefix of one.
  const finnish = await searchAs(shared.admin, 'hyvää');
  assert.deepEqual(conversationIds(finnish), [state.finnConversation]);
  assert.deepEqual(marked(finnish.conversations[0].snippet, finnish.conversations[0].highlights), ['hyvää']);
  assert.deepEqual(conversationIds(await searchAs(shared.admin, 'tilauk')), [state.finnConversation]);
});

test('a contact is found by name and by email, with the conversation to open and the matched parts', async () => {
  await ready();
  let contacts: any[] = [];
  // Context updates may be coalesced; the contact is searchable once it is stored.
  const deadline = Date.now() + 5000;
  while (contacts.length === 0 && Date.now() < deadline) {
    contacts = (await searchAs(shared.admin, 'quixote')).contacts;
    if (contacts.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(contacts.length, 1, 'only the contact of this workspace');
  assert.equal(contacts[0].visitorId, state.zelda.visitorId);
  assert.equal(contacts[0].name, 'Zelda Quixote');
  assert.equal(contacts[0].email, 'zelda@fjord.example');
  assert.equal(contacts[0].pageUrl, 'https://shop.example/pricing');
  assert.equal(contacts[0].conversationId, state.zeldaConversation);
  assert.deepEqual(marked(contacts[0].name, contacts[0].nameHighlights), ['Quixote']);

  const byEmail = await searchAs(shared.admin, 'fjord.example');
  assert.deepEqual(byEmail.contacts.map((c) => c.visitorId), [state.zelda.visitorId]);
  assert.deepEqual(marked(byEmail.contacts[0].email, byEmail.contacts[0].emailHighlights), ['fjord.example']);
  // LIKE wildcards typed by a user are literal characters.
  assert.deepEqual((await searchAs(shared.admin, 'zelda%fjord')).contacts, []);
  assert.deepEqual((await searchAs(shared.admin, '_elda')).contacts, []);
});

test('nothing from another workspace is ever returned', async () => {
  await ready();
  for (const q of ['4711', 'quixotic', 'invoice', 'workspace', 'zelda', 'elsewhere', 'fjord']) {
    const body = await searchAs(shared.admin, q);
    assert.ok(!conversationIds(body).includes(state.elsewhereConversation), `conversation of another workspace for ${q}`);
    assert.ok(body.contacts.every((c) => c.name !== 'Zelda Elsewhere'), `contact of another workspace for ${q}`);
  }
});

test('an agent never finds a conversation the inbox policy would not open; bot and system lines are not searched', async () => {
  await ready();
  // Before assignment, everyone in the workspace may open it.
  assert.deepEqual(conversationIds(await searchAs(state.agent, 'invoice')), [state.zeldaConversation]);
  const assigned = await shared.admin.http('POST', `/api/conversations/${state.zeldaConversation}/assign`, { userId: shared.admin.userId });
  assert.equal(assigned.status, 200);
  const forbidden = await state.agent.http('GET', `/api/conversations/${state.zeldaConversation}`);
  assert.equal(forbidden.status, 403, 'the policy restricts agents to unassigned, own and closed conversations');

  assert.deepEqual(conversationIds(await searchAs(state.agent, 'invoice')), [], 'assigned to someone else: not found');
  assert.deepEqual(conversationIds(await searchAs(shared.admin, 'invoice')), [state.zeldaConversation], 'the admin may open it');
  const contact = (await searchAs(state.agent, 'quixote')).contacts[0];
  assert.equal(contact.conversationId, null, 'the contact is shown but not the conversation the agent may not open');

  // "Admin joined the chat" (system) and the welcome (bot) are in the thread but not searchable.
  const thread = await shared.admin.http('GET', `/api/conversations/${state.zeldaConversation}`);
  assert.ok(thread.body.messages.some((m: any) => m.author.kind === 'system' && /joined/.test(m.body)));
  assert.ok(thread.body.messages.some((m: any) => m.author.kind === 'bot' && /help/.test(m.body)));
  assert.deepEqual(conversationIds(await searchAs(shared.admin, 'joined')), []);
  assert.deepEqual(conversationIds(await searchAs(shared.admin, 'help')), []);

  // Closed conversations are readable by every agent of the workspace, so search shows them too.
  const closed = await shared.admin.http('POST', `/api/conversations/${state.zeldaConversation}/close`);
  assert.equal(closed.status, 200);
  const after = await searchAs(state.agent, 'invoice');
  assert.deepEqual(conversationIds(after), [state.zeldaConversation]);
  assert.equal(after.conversations[0].status, 'closed');
});

test('query syntax and odd characters never error and are matched as plain words', async () => {
  await ready();
  const queries = [
    '"', '""', '"invoice', 'invoice"', '*', 'invoice*', '-invoice', 'NOT invoice', 'invoice OR banana', 'NEAR(invoice 4711)',
    'NEAR', 'near', '(', ')', '((invoice)', 'body:invoice', '^invoice', "'", "o'clock", '\\', '\\\'', '& | ! :*', '<->', 'a:*',
    '%', '_', '{}', '[', '🙂', 'invoice 🙂', 'Ω', '\u0000', 'x'.repeat(200), 'ünïcödé 日本語 العربية', '   ',
  ];
  for (const q of queries) await searchAs(shared.admin, q);
  assert.deepEqual(conversationIds(await searchAs(shared.admin, '"invoice" -')), [state.zeldaConversation]);
  assert.deepEqual(conversationIds(await searchAs(shared.admin, 'NEAR(invoice, 4711)')), [], '"near" is a word to find, not an operator');
  assert.deepEqual(conversationIds(await searchAs(shared.admin, '(nro 88)')), [state.finnConversation]);
});

test('a message sent now is found now, from either side', async () => {
  await ready();
  const reply = await state.finn.rt.send('message.send', { clientMessageId: 'f2', body: 'Paketti zorbulon saapui, kiitos.' });
  const found = await searchAs(shared.admin, 'zorbulon');
  assert.deepEqual(conversationIds(found), [state.finnConversation]);
  assert.equal(found.conversations[0].messageId, reply.message.id);

  const agentReply = await shared.admin.rt.send('message.send', { conversationId: state.finnConversation, clientMessageId: 'a1', body: 'Glad the quorblex arrived!' });
  const byAdmin = await searchAs(shared.admin, 'quorblex');
  assert.equal(byAdmin.conversations[0].messageId, agentReply.message.id);
  assert.equal(byAdmin.conversations[0].authorKind, 'user');
  // Replying took the conversation (it is the admin's now), so the agent no longer finds it.
  const thread = await shared.admin.http('GET', `/api/conversations/${state.finnConversation}`);
  assert.equal(thread.body.conversation.assignee?.id, shared.admin.userId);
  assert.deepEqual(conversationIds(await searchAs(state.agent, 'quorblex')), []);
});

test('bad queries are refused with validation_failed; signed-out callers with 401', async () => {
  await ready();
  for (const path of ['/api/search', '/api/search?q=', `/api/search?q=${'x'.repeat(201)}`, '/api/search?q=a&limit=0', '/api/search?q=a&limit=21']) {
    const res = await shared.admin.http('GET', path);
    assert.equal(res.status, 400, path);
    assert.equal(res.body.error.code, 'validation_failed', path);
  }
  const anonymous = await httpAs(shared.cluster.url, null)('GET', '/api/search?q=invoice');
  assert.equal(anonymous.status, 401);
  const doc = await shared.admin.http('GET', '/api/openapi.json');
  assert.ok(doc.body.paths['/api/search']?.get, 'documented in the OpenAPI document');
});
