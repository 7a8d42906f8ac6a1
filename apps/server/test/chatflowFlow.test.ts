/**
 * W8: a chatflow's flow of cards through the admin API (both drivers): new and existing chatflows
 * have the default flow, a valid flow is saved with ids assigned and kept, each kind of invalid
 * flow is refused with `invalid_flow` naming the card and changes nothing, a duplicate's cards get
 * new ids, migration 020 gives an older chatflow the flow it behaved as, and the OpenAPI document
 * lists `flow`.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cardIds, defaultChatflowTexts } from '@parley/chatflow';
import type { Chatflow, FlowBranch, FlowCard } from '@parley/protocol';
import { insertChatflow } from '../src/domain/chatflows/insertChatflow.js';
import { createChatflow, demoSite } from './helpers/chatflows.js';
import { connectAgent, type AgentClient } from './helpers/clients.js';
import { storeAtMigration } from './helpers/storeAtMigration.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const shared = {} as { cluster: TestCluster; admin: AgentClient };
let siteId: number;
let demo: Chatflow;

before(async () => {
  shared.cluster = await startCluster();
  shared.admin = await connectAgent(shared.cluster.url, shared.cluster.wsUrl);
  const site = await demoSite(shared.admin.http);
  siteId = site.id;
  demo = site.chatflows[0]!;
});

after(async () => {
  shared.admin.close();
  await shared.cluster.close();
});

const patch = (id: number, body: unknown) => shared.admin.http('PATCH', `/api/admin/chatflows/${id}`, body);
const read = async (id: number): Promise<Chatflow> => (await shared.admin.http('GET', `/api/admin/chatflows/${id}`)).body.chatflow;
const liveChat = (offline: FlowCard[] = [], id?: string): FlowCard => ({
  ...(id ? { id } : {}),
  type: 'liveChat',
  onlineMessage: 'One moment, connecting you.',
  offlineMessage: 'Nobody is free right now.',
  waitSeconds: 120,
  offline,
});

test('the demo chatflow and a new Finnish one have the default flow: welcome message, then live chat', async () => {
  assert.deepEqual(demo.flow.map((card) => card.type), ['message', 'liveChat']);
  const fi = await createChatflow(shared.admin.http, { siteId, name: 'Suomi', language: 'fi' });
  const [welcome, handOff] = fi.flow;
  assert.ok(welcome?.type === 'message' && handOff?.type === 'liveChat');
  assert.equal(welcome.text, defaultChatflowTexts('fi').welcomeMessage);
  assert.equal(handOff.offlineMessage, defaultChatflowTexts('fi').fallbackMessage);
  assert.deepEqual(handOff.offline, []);
  assert.ok(cardIds(fi.flow).length === 2 && cardIds(fi.flow).every(Boolean), 'every card has an id');
});

test('a valid flow is saved and read back with ids assigned; a second save keeps them', async () => {
  const flow: FlowBranch = [
    { type: 'message', text: 'Hi there' },
    {
      id: 'topic',
      type: 'question',
      text: 'What can we help with?',
      answers: [
        { label: 'Pricing', cards: [{ type: 'capture', text: 'Where can we reach you?', fields: ['email', 'company', 'plan'] }, liveChat([{ type: 'capture', text: 'Leave your number', fields: ['phone'] }])] },
        { label: 'Just browsing', cards: [{ type: 'message', text: 'Enjoy!' }] },
      ],
    },
  ];
  const res = await patch(demo.id, { flow });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const saved = await read(demo.id);
  const ids = cardIds(saved.flow);
  assert.equal(ids.length, 6, 'six cards, each with an id');
  assert.equal(new Set(ids).size, 6);
  assert.equal(ids[1], 'topic', 'a given id is kept');
  assert.deepEqual(saved.flow, res.body.chatflow.flow);
  // Save it again with one new card at the end of the browsing branch: the old ids stay.
  const again = structuredClone(saved.flow);
  const question = again[1]!;
  assert.ok(question.type === 'question');
  question.answers[1]!.cards.push({ type: 'message', text: 'Bye' });
  const second = await patch(demo.id, { flow: again });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  const secondIds = cardIds(second.body.chatflow.flow);
  assert.deepEqual(secondIds.filter((id) => ids.includes(id)), ids, 'every old card keeps its id');
  assert.equal(secondIds.length, 7);
});

test('each kind of invalid flow is refused with invalid_flow and the card id, and nothing changes', async () => {
  const before = await read(demo.id);
  const cases: Array<{ flow: unknown; problem: string; cardId: string | null }> = [
    { flow: [liveChat([], 'early'), { id: 'after', type: 'message', text: 'too late' }], problem: 'live_chat_not_last', cardId: 'early' },
    {
      flow: [{ id: 'q', type: 'question', text: 'Yes?', answers: [{ label: 'Yes', cards: [liveChat([], 'mid'), { type: 'message', text: 'x' }] }] }],
      problem: 'live_chat_not_last',
      cardId: 'mid',
    },
    { flow: [liveChat([liveChat([], 'inner')], 'outer')], problem: 'live_chat_in_offline_branch', cardId: 'inner' },
    { flow: [], problem: 'empty_flow', cardId: null },
    { flow: [{ id: 'q', type: 'question', text: 'Which?', answers: [{ label: 'A', cards: [] }] }], problem: 'empty_branch', cardId: 'q' },
    { flow: [{ id: 'q', type: 'question', text: 'Which?', answers: [] }], problem: 'question_without_answers', cardId: 'q' },
    { flow: [{ id: 'q', type: 'question', text: 'Which?', answers: [{ label: ' ', cards: [{ type: 'message', text: 'm' }] }] }], problem: 'answer_label_empty', cardId: 'q' },
    { flow: [{ id: 'cap', type: 'capture', text: 'Details', fields: [] }], problem: 'capture_without_fields', cardId: 'cap' },
    { flow: [{ id: 'cap', type: 'capture', text: 'Details', fields: ['email', 'email'] }], problem: 'capture_field_duplicate', cardId: 'cap' },
    { flow: [{ ...liveChat([], 'wait'), waitSeconds: 5 }], problem: 'wait_seconds_out_of_range', cardId: 'wait' },
    { flow: [{ id: 'twice', type: 'message', text: 'a' }, { id: 'twice', type: 'message', text: 'b' }], problem: 'duplicate_card_id', cardId: 'twice' },
    { flow: [{ id: 'long', type: 'message', text: 'x'.repeat(2001) }], problem: 'text_too_long', cardId: 'long' },
  ];
  for (const { flow, problem, cardId } of cases) {
    const res = await patch(demo.id, { name: 'Should not be saved', flow });
    assert.equal(res.status, 400, `${problem}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'invalid_flow', problem);
    assert.equal(res.body.error.cardId, cardId, problem);
    assert.equal(res.body.error.problems[0].code, problem);
    assert.equal(typeof res.body.error.problems[0].path, 'string');
  }
  // On create too: refused, and no chatflow appears.
  const count = (await shared.admin.http('GET', `/api/admin/chatflows?siteId=${siteId}`)).body.chatflows.length;
  const created = await shared.admin.http('POST', '/api/admin/chatflows', { siteId, name: 'Broken', flow: [liveChat([], 'lc'), { type: 'message', text: 'x' }] });
  assert.equal(created.status, 400);
  assert.equal(created.body.error.code, 'invalid_flow');
  assert.equal(created.body.error.cardId, 'lc');
  assert.equal((await shared.admin.http('GET', `/api/admin/chatflows?siteId=${siteId}`)).body.chatflows.length, count);
  assert.deepEqual(await read(demo.id), before, 'nothing changed');
});

test('a duplicate copies the flow with new ids', async () => {
  const source = await read(demo.id);
  const res = await shared.admin.http('POST', `/api/admin/chatflows/${demo.id}/duplicate`);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const copy: Chatflow = res.body.chatflow;
  const strip = (flow: unknown) => JSON.parse(JSON.stringify(flow, (key, value) => (key === 'id' ? undefined : value)));
  assert.deepEqual(strip(copy.flow), strip(source.flow), 'the same cards');
  const sourceIds = cardIds(source.flow);
  const copyIds = cardIds(copy.flow);
  assert.equal(copyIds.length, sourceIds.length);
  assert.ok(copyIds.every((id) => !sourceIds.includes(id)), 'none of the old ids');
  assert.deepEqual((await read(copy.id)).flow, copy.flow);
});

test('the OpenAPI document lists flow on the chatflow routes, with the card types', async () => {
  const doc = await shared.admin.http('GET', '/api/openapi.json');
  const text = JSON.stringify(doc.body.paths['/api/admin/chatflows/{id}'].patch);
  assert.match(text, /"flow"/);
  for (const type of ['message', 'question', 'capture', 'liveChat']) assert.ok(text.includes(`"${type}"`), type);
  assert.match(JSON.stringify(doc.body.paths['/api/admin/chatflows'].post), /"flow"/);
});

test('migration 020 gives a chatflow stored before it the flow it behaved as', async () => {
  const old = await storeAtMigration('019_visitor_tokens');
  const { db } = old;
  const workspace = { id: old.workspaceId };
  const site = { id: old.siteId };
  try {
    const now = Date.now();
    const settings = { welcomeMessage: 'Tervetuloa vanhaan kauppaan' } as never;
    const chatflow = await insertChatflow(db, { workspaceId: workspace.id, siteId: site.id, name: 'Old', priority: 0, language: 'sv', settings }, now);
    await old.migrateToLatest();
    const row = await db.selectFrom('chatflows').select('flow').where('id', '=', chatflow.id).executeTakeFirstOrThrow();
    const flow = JSON.parse(row.flow!) as FlowBranch;
    assert.deepEqual(flow.map((card) => card.type), ['message', 'liveChat']);
    assert.ok(flow[0]!.type === 'message' && flow[1]!.type === 'liveChat');
    assert.equal(flow[0]!.text, 'Tervetuloa vanhaan kauppaan', 'its own welcome message');
    assert.equal(flow[1]!.offlineMessage, "Sorry, nobody could take your chat right now. We'll get back to you as soon as possible.", 'the stored routing\'s fallback message');
  } finally {
    await old.close();
  }
});
