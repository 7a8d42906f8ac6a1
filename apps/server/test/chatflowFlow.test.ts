/**
 * W8: a chatflow's flow of cards through the admin API (both drivers): new and existing chatflows
 * have the default flow, a valid flow is saved with ids assigned and kept, each kind of invalid
 * flow is refused with `invalid_flow` naming the card and changes nothing, a duplicate's cards get
 * new ids, migration 020 gives an older chatflow the flow it behaved as, and the OpenAPI document
 * shows `flow` with its card shapes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cardIds, defaultChatflowTexts } from '@parley/chatflow';
import { CARD_ID_PATTERN, LIMITS, type Chatflow, type FlowBranch, type FlowCard } from '@parley/protocol';
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

test('the demo chatflow and a new Finnish one have the default flow: live chat right after the welcome', async () => {
  assert.deepEqual(demo.flow.map((card) => card.type), ['liveChat']);
  const fi = await createChatflow(shared.admin.http, { siteId, name: 'Suomi', language: 'fi' });
  const [handOff] = fi.flow;
  assert.ok(handOff?.type === 'liveChat');
  assert.equal(fi.settings.welcomeMessage, defaultChatflowTexts('fi').welcomeMessage, 'the welcome is the setting, not a card');
  assert.equal(handOff.offlineMessage, defaultChatflowTexts('fi').fallbackMessage);
  assert.deepEqual(handOff.offline, []);
  assert.ok(cardIds(fi.flow).length === 1 && cardIds(fi.flow).every(Boolean), 'every card has an id');
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

test('malformed cards at any depth are refused with invalid_flow naming the card (its own id, or the one it would get), and nothing changes', async () => {
  const before = await read(demo.id);
  const question = (id: string, cards: unknown): unknown => ({ id, type: 'question', text: 'Which?', answers: [{ label: 'A', cards }] });
  const withoutOffline: Record<string, unknown> = { ...liveChat([], 'lc') };
  delete withoutOffline.offline;
  const cases: Array<{ name: string; flow: unknown; cardId: string; path: string }> = [
    { name: 'unknown card type at the root', flow: [{ id: 'vid', type: 'video', text: 'hi' }], cardId: 'vid', path: 'flow[0].type' },
    { name: "an answer's cards: 'x'", flow: [question('ask', 'x')], cardId: 'ask', path: 'flow[0].answers[0].cards' },
    { name: 'capture fields: 5, one level down', flow: [question('ask', [{ id: 'cap', type: 'capture', text: 'Details', fields: 5 }])], cardId: 'cap', path: 'flow[0].answers[0].cards[0].fields' },
    { name: 'live chat without offline, three levels down', flow: [question('a', [question('b', [question('c', [withoutOffline])])])], cardId: 'lc', path: 'flow[0].answers[0].cards[0].answers[0].cards[0].answers[0].cards[0].offline' },
    { name: 'a message with an extra field', flow: [{ id: 'm', type: 'message', text: 'hi', html: '<b>x</b>' }], cardId: 'm', path: 'flow[0].html' },
  ];
  for (const { name, flow, cardId, path } of cases) {
    const res = await patch(demo.id, { name: 'Should not be saved', flow });
    assert.equal(res.status, 400, `${name}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'invalid_flow', name);
    assert.equal(res.body.error.cardId, cardId, name);
    assert.deepEqual([res.body.error.problems[0].cardId, res.body.error.problems[0].path], [cardId, path], name);
  }
  // Cards without a usable id are named by an id the server would give, never one in use.
  const storedIds = cardIds(before.flow);
  for (const [name, card] of [['no id', { type: 'video' }], ['a malformed id', { id: 'no spaces!', type: 'message', text: 'hi' }], ['null', null], ['a string', 'hello'], ['a list', []]] as const) {
    const res = await patch(demo.id, { flow: [{ id: 'm', type: 'message', text: 'hi' }, question('ask', [card])] });
    assert.equal(res.status, 400, `${name}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'invalid_flow', name);
    const [problem] = res.body.error.problems;
    assert.match(problem.path, /^flow\[1\]\.answers\[0\]\.cards\[0\]/, name);
    assert.match(res.body.error.cardId, new RegExp(CARD_ID_PATTERN), name);
    assert.equal(problem.cardId, res.body.error.cardId, name);
    assert.ok(![...storedIds, 'm', 'ask'].includes(problem.cardId), `${name}: ${problem.cardId} is nobody's id`);
  }
  // A flow that is not a list has no card to name: only its place.
  for (const flow of ['cards', 5, null, { type: 'message', text: 'hi' }]) {
    const res = await patch(demo.id, { flow });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'invalid_flow');
    assert.equal(res.body.error.cardId, null);
    assert.deepEqual(res.body.error.problems.map((problem: { path: string }) => problem.path), ['flow']);
  }
  // The request schema only bounds the body's length.
  const huge = await patch(demo.id, { flow: Array.from({ length: LIMITS.flowMaxCards + 1 }, () => ({ type: 'message', text: 'x' })) });
  assert.equal(huge.status, 400);
  assert.equal(huge.body.error.code, 'validation_failed');
  // On create too.
  const created = await shared.admin.http('POST', '/api/admin/chatflows', { siteId, name: 'Broken', flow: [question('ask', 'x')] });
  assert.equal(created.status, 400);
  assert.deepEqual([created.body.error.code, created.body.error.cardId], ['invalid_flow', 'ask']);
  assert.deepEqual(await read(demo.id), before, 'nothing changed');
});

test('a flow nested thousands of levels deep is refused as too_deep at the deepest allowed card, not a server error', async () => {
  const before = await read(demo.id);
  // Written by hand: serialising it as an object would itself run out of stack.
  let cards = '[{"type":"message","text":"bottom"}]';
  for (let level = 0; level < 3000; level++) cards = `[{"type":"question","text":"Next?","answers":[{"label":"Go","cards":${cards}}]}]`;
  const res = await fetch(`${shared.cluster.url}/api/admin/chatflows/${demo.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: shared.admin.cookie },
    body: `{"flow":${cards}}`,
  });
  const body = (await res.json()) as { error: { code: string; cardId: string; problems: Array<{ code: string; path: string }> } };
  assert.equal(res.status, 400, JSON.stringify(body).slice(0, 300));
  assert.equal(body.error.code, 'invalid_flow');
  assert.deepEqual(body.error.problems.map((problem) => [problem.code, problem.path]), [['too_deep', `flow${'[0].answers[0].cards'.repeat(LIMITS.flowMaxDepth)}`]]);
  assert.match(body.error.cardId, new RegExp(CARD_ID_PATTERN));
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

test('the OpenAPI document shows flow on the chatflow routes with the four card shapes, though requests are checked by the flow validation', async () => {
  const doc = await shared.admin.http('GET', '/api/openapi.json');
  for (const operation of [doc.body.paths['/api/admin/chatflows/{id}'].patch, doc.body.paths['/api/admin/chatflows'].post]) {
    const flow = operation.requestBody.content['application/json'].schema.properties.flow;
    assert.equal(flow.type, 'array');
    const shapes: Array<{ properties: { type: { enum: string[] } } }> = flow.items.anyOf;
    assert.deepEqual(shapes.map((shape) => shape.properties.type.enum[0]), ['message', 'question', 'capture', 'liveChat']);
    assert.match(flow.description, /invalid_flow/);
  }
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
    // Its welcome stays its own setting, said before the flow: the flow is the hand-off.
    assert.deepEqual(flow.map((card) => card.type), ['liveChat']);
    assert.ok(flow[0]!.type === 'liveChat');
    assert.equal(flow[0]!.offlineMessage, "Sorry, nobody could take your chat right now. We'll get back to you as soon as possible.", 'the stored routing\'s fallback message');
  } finally {
    await old.close();
  }
});

test('migration 023 drops a first message card that repeats the welcome, and keeps one that says something else', async () => {
  const old = await storeAtMigration('022_flow_runs');
  const { db } = old;
  try {
    const now = Date.now();
    const settings = { welcomeMessage: 'Hello from the old shop' } as never;
    const copy = await insertChatflow(db, { workspaceId: old.workspaceId, siteId: old.siteId, name: 'Copy', priority: 0, language: 'en', settings }, now);
    const own = await insertChatflow(db, { workspaceId: old.workspaceId, siteId: old.siteId, name: 'Own', priority: 1, language: 'en', settings }, now);
    const handOff = liveChat([], 'live-chat');
    const stored = (id: number, flow: FlowBranch) => db.updateTable('chatflows').set({ flow: JSON.stringify(flow) }).where('id', '=', id).execute();
    await stored(copy.id, [{ id: 'welcome', type: 'message', text: ' Hello from the old shop ' }, handOff]);
    await stored(own.id, [{ id: 'intro', type: 'message', text: 'Something else first' }, handOff]);
    await old.migrateToLatest();
    const flowOf = async (id: number) => JSON.parse((await db.selectFrom('chatflows').select('flow').where('id', '=', id).executeTakeFirstOrThrow()).flow!) as FlowBranch;
    assert.deepEqual(await flowOf(copy.id), [handOff]);
    assert.deepEqual((await flowOf(own.id)).map((card) => card.id), ['intro', 'live-chat']);
  } finally {
    await old.close();
  }
});
