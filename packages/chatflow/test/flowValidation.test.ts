/** W8: flow validation (every rule with its code, card and path), card ids and the default flow. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHATFLOW_LANGUAGES, LIMITS, type FlowBranch, type FlowCard, type FlowProblemCode } from '@parley/protocol';
import { assignCardIds, cardIds, defaultChatflowTexts, defaultFlow, renewCardIds, validateFlow } from '@parley/chatflow';

const message = (id: string, text = 'Hello'): FlowCard => ({ id, type: 'message', text });
const liveChat = (id: string, offline: FlowCard[] = []): FlowCard => ({
  id,
  type: 'liveChat',
  onlineMessage: 'Connecting you',
  offlineMessage: 'Nobody is here',
  waitSeconds: 60,
  offline,
});
const question = (id: string, answers: Array<[string, FlowCard[]]>): FlowCard => ({
  id,
  type: 'question',
  text: 'What brings you here?',
  answers: answers.map(([label, cards]) => ({ label, cards })),
});
const capture = (id: string, fields: string[]): FlowCard => ({ id, type: 'capture', text: 'Your details, please', fields });

/** [code, cardId, path] of each problem, the parts callers rely on. */
const found = (flow: unknown, options = {}) => validateFlow(flow, options).map((p) => [p.code, p.cardId, p.path]);
const only = (flow: unknown, code: FlowProblemCode, cardId: string | null, path: string) => assert.deepEqual(found(flow), [[code, cardId, path]]);

test('a flow with a question, branches, a capture and a live-chat card with an offline branch is valid', () => {
  const flow: FlowBranch = [
    message('hi'),
    question('q', [
      ['Sales', [capture('c', ['firstName', 'email', 'company', 'plan']), liveChat('lc-sales', [capture('c-off', ['email', 'phone']), message('bye')])]],
      ['Support', [liveChat('lc-support')]],
      ['Just looking', [message('end')]],
    ]),
  ];
  assert.deepEqual(validateFlow(flow), []);
});

test('live-chat card first of several cards is refused, naming the card', () => {
  only([liveChat('lc'), message('after')], 'live_chat_not_last', 'lc', 'flow[0]');
  const [problem] = validateFlow([liveChat('lc'), message('after')]);
  assert.match(problem.message, /"lc"/);
});

test('live-chat card in the middle of a branch is refused', () => {
  only([message('a'), liveChat('lc'), message('b')], 'live_chat_not_last', 'lc', 'flow[1]');
});

test('live-chat card not last inside a question branch is refused at its path', () => {
  only([question('q', [['Yes', [liveChat('lc'), message('after')]], ['No', [message('n')]]])], 'live_chat_not_last', 'lc', 'flow[0].answers[0].cards[0]');
});

test('every misplaced live-chat card is reported, not only the first', () => {
  const flow = [liveChat('one'), question('q', [['A', [liveChat('two'), message('x')]]]), liveChat('three'), message('end')];
  assert.deepEqual(found(flow), [
    ['live_chat_not_last', 'one', 'flow[0]'],
    ['live_chat_not_last', 'two', 'flow[1].answers[0].cards[0]'],
    ['live_chat_not_last', 'three', 'flow[2]'],
  ]);
});

test('a live-chat card inside an offline branch is refused, even deeper down and even as the last card', () => {
  only([liveChat('outer', [message('sorry'), liveChat('inner')])], 'live_chat_in_offline_branch', 'inner', 'flow[0].offline[1]');
  only([liveChat('outer', [question('q', [['Call me', [liveChat('deep')]]])])], 'live_chat_in_offline_branch', 'deep', 'flow[0].offline[0].answers[0].cards[0]');
});

test('a live-chat card inside an offline branch and not last gets both problems', () => {
  assert.deepEqual(found([liveChat('outer', [liveChat('inner'), message('m')])]), [
    ['live_chat_not_last', 'inner', 'flow[0].offline[0]'],
    ['live_chat_in_offline_branch', 'inner', 'flow[0].offline[0]'],
  ]);
});

test('empty branches: an empty flow and an empty answer branch are refused; an empty offline branch is fine', () => {
  only([], 'empty_flow', null, 'flow');
  only([question('q', [['Yes', [message('y')]], ['No', []]])], 'empty_branch', 'q', 'flow[0].answers[1].cards');
  assert.deepEqual(validateFlow([liveChat('lc', [])]), []);
});

test('a question needs answers, each with a label of its own', () => {
  only([question('q', [])], 'question_without_answers', 'q', 'flow[0].answers');
  only([question('q', [['  ', [message('m')]]])], 'answer_label_empty', 'q', 'flow[0].answers[0].label');
  only([question('q', [['Yes', [message('a')]], ['yes ', [message('b')]]])], 'answer_label_duplicate', 'q', 'flow[0].answers[1].label');
  const many = Array.from({ length: LIMITS.flowAnswersPerQuestion + 1 }, (_, i): [string, FlowCard[]] => [`A${i}`, [message(`m${i}`)]]);
  only([question('q', many)], 'too_many_answers', 'q', 'flow[0].answers');
  only([question('q', [['x'.repeat(LIMITS.flowAnswerLabelMaxLength + 1), [message('m')]]])], 'text_too_long', 'q', 'flow[0].answers[0].label');
});

test('a capture card needs fields, each once, built-in or a well-formed custom property', () => {
  only([capture('c', [])], 'capture_without_fields', 'c', 'flow[0].fields');
  only([capture('c', ['email', 'phone', 'email'])], 'capture_field_duplicate', 'c', 'flow[0].fields[2]');
  only([capture('c', ['email', 'has space'])], 'capture_field_invalid', 'c', 'flow[0].fields[1]');
  only([capture('c', ['Email'])], 'capture_field_invalid', 'c', 'flow[0].fields[0]');
  only([capture('c', Array.from({ length: LIMITS.flowCaptureFieldsMax + 1 }, (_, i) => `p${i}`))], 'too_many_fields', 'c', 'flow[0].fields');
  // Custom properties: any key unless the known ones are given.
  assert.deepEqual(validateFlow([capture('c', ['plan'])]), []);
  assert.deepEqual(validateFlow([capture('c', ['plan', 'email'])], { customProperties: ['plan'] }), []);
  assert.deepEqual(found([capture('c', ['tier'])], { customProperties: ['plan'] }), [['unknown_custom_property', 'c', 'flow[0].fields[0]']]);
});

test('the live-chat wait time is a whole number of seconds in range', () => {
  for (const waitSeconds of [LIMITS.flowWaitSecondsMin - 1, LIMITS.flowWaitSecondsMax + 1, 30.5]) {
    only([{ ...liveChat('lc'), waitSeconds } as FlowCard], 'wait_seconds_out_of_range', 'lc', 'flow[0].waitSeconds');
  }
  for (const waitSeconds of [LIMITS.flowWaitSecondsMin, LIMITS.flowWaitSecondsMax]) assert.deepEqual(validateFlow([{ ...liveChat('lc'), waitSeconds } as FlowCard]), []);
});

test('texts must be present and not too long', () => {
  only([message('m', ' ')], 'text_empty', 'm', 'flow[0].text');
  only([message('m', 'x'.repeat(LIMITS.flowTextMaxLength + 1))], 'text_too_long', 'm', 'flow[0].text');
  only([{ ...liveChat('lc'), offlineMessage: '' } as FlowCard], 'text_empty', 'lc', 'flow[0].offlineMessage');
});

test('duplicate card ids are refused (positions are stored by id), naming the id and both places', () => {
  const flow = [message('same'), question('q', [['A', [message('same')]]])];
  only(flow, 'duplicate_card_id', 'same', 'flow[1].answers[0].cards[0]');
  assert.match(validateFlow(flow)[0].message, /flow\[0\]/);
  // A malformed id cannot name the card: the id it is given in its place does (see below).
  only([message('bad id!')], 'invalid_card_id', 'card-1', 'flow[0].id');
});

test('shapes: unknown types, unknown fields and non-lists are invalid cards', () => {
  only([{ id: 'x', type: 'video', text: 'hi' }], 'invalid_card', 'x', 'flow[0].type');
  only([{ id: 'x', type: 'message', text: 'hi', color: 'red' }], 'invalid_card', 'x', 'flow[0].color');
  only([{ id: 'x', type: 'question', text: 'hi', answers: 'yes' }], 'invalid_card', 'x', 'flow[0].answers');
  only(['hello'], 'invalid_card', 'card-1', 'flow[0]');
  // Not a list at all: no card to name, only the place.
  only('flow', 'invalid_card', null, 'flow');
  only({ type: 'message', text: 'hi' }, 'invalid_card', null, 'flow');
});

/** `card` as the only card of a branch `depth` questions down (0: the root branch), and its path. */
function nested(card: unknown, depth: number): { flow: unknown[]; path: string } {
  let flow: unknown[] = [card];
  for (let level = depth; level >= 1; level--) flow = [{ id: `q${level}`, type: 'question', text: 'Next?', answers: [{ label: 'Go', cards: flow }] }];
  return { flow, path: `flow${'[0].answers[0].cards'.repeat(depth)}[0]` };
}

/** Malformed cards (no id) with the problem each has and where, after the card's own path. */
const MALFORMED: Array<{ name: string; card: Record<string, unknown>; code: FlowProblemCode; at: string }> = [
  { name: 'unknown type', card: { type: 'video', text: 'hi' }, code: 'invalid_card', at: '.type' },
  { name: 'no type', card: { text: 'hi' }, code: 'invalid_card', at: '.type' },
  { name: 'message without text', card: { type: 'message' }, code: 'invalid_card', at: '.text' },
  { name: 'text not a string', card: { type: 'message', text: 5 }, code: 'invalid_card', at: '.text' },
  { name: 'unknown field', card: { type: 'message', text: 'hi', color: 'red' }, code: 'invalid_card', at: '.color' },
  { name: 'answers not a list', card: { type: 'question', text: 'Q?', answers: 'yes' }, code: 'invalid_card', at: '.answers' },
  { name: 'answer not an object', card: { type: 'question', text: 'Q?', answers: ['Yes'] }, code: 'invalid_card', at: '.answers[0]' },
  { name: 'answer with an unknown field', card: { type: 'question', text: 'Q?', answers: [{ label: 'A', cards: [{ id: 'm', type: 'message', text: 'm' }], next: 2 }] }, code: 'invalid_card', at: '.answers[0].next' },
  { name: 'answer label not a string', card: { type: 'question', text: 'Q?', answers: [{ label: 5, cards: [{ id: 'm', type: 'message', text: 'm' }] }] }, code: 'invalid_card', at: '.answers[0].label' },
  { name: "answer's cards not a list", card: { type: 'question', text: 'Q?', answers: [{ label: 'A', cards: 'x' }] }, code: 'invalid_card', at: '.answers[0].cards' },
  { name: 'fields not a list', card: { type: 'capture', text: 'Details', fields: 5 }, code: 'invalid_card', at: '.fields' },
  { name: 'field not a string', card: { type: 'capture', text: 'Details', fields: [5] }, code: 'capture_field_invalid', at: '.fields[0]' },
  { name: 'live chat without offline branch', card: { type: 'liveChat', onlineMessage: 'o', offlineMessage: 'f', waitSeconds: 60 }, code: 'invalid_card', at: '.offline' },
  { name: 'live chat without online message', card: { type: 'liveChat', offlineMessage: 'f', waitSeconds: 60, offline: [] }, code: 'invalid_card', at: '.onlineMessage' },
  { name: 'wait time as text', card: { type: 'liveChat', onlineMessage: 'o', offlineMessage: 'f', waitSeconds: '60', offline: [] }, code: 'wait_seconds_out_of_range', at: '.waitSeconds' },
];

test('every malformed card, at depth 0, 1 and 3, is named by its own id, or by a given one when it has none or a malformed one', () => {
  for (const depth of [0, 1, 3]) {
    for (const { name, card, code, at } of MALFORMED) {
      const own = nested({ id: 'mine', ...card }, depth);
      assert.deepEqual(found(own.flow), [[code, 'mine', `${own.path}${at}`]], `${name} at depth ${depth}`);
      // No id: named by the first id no card of the flow has (the questions around it are q1…).
      const bare = nested(card, depth);
      assert.deepEqual(found(bare.flow), [[code, 'card-1', `${bare.path}${at}`]], `${name} without id at depth ${depth}`);
      const badId = nested({ id: 'not an id!', ...card }, depth);
      assert.deepEqual(found(badId.flow), [['invalid_card_id', 'card-1', `${badId.path}.id`], [code, 'card-1', `${badId.path}${at}`]], `${name} with a malformed id at depth ${depth}`);
    }
  }
});

test('cards that are not objects (null, text, numbers, lists) are named and placed, at depth 0, 1 and 3', () => {
  for (const depth of [0, 1, 3]) {
    for (const card of [null, 'hello', 42, true, [], [{ type: 'message', text: 'inside a list' }]]) {
      const { flow, path } = nested(card, depth);
      assert.deepEqual(found(flow), [['invalid_card', 'card-1', path]], `${JSON.stringify(card)} at depth ${depth}`);
    }
  }
});

test('ids given before validation name the cards as they would be saved; cards that cannot carry one are named from the same source', () => {
  const flow = [{ type: 'video' }, null, { id: 'bad id!', type: 'message', text: 'hi' }];
  const withIds = assignCardIds(flow, ['card-1']);
  const [video] = cardIds(withIds);
  assert.equal(video, 'card-2', 'the stored flow\'s card-1 is not handed out again');
  const fresh = ['x-1', 'x-2'];
  const problems = found(withIds, { newCardId: () => fresh.shift()! });
  assert.deepEqual(problems, [
    ['invalid_card', 'card-2', 'flow[0].type'],
    ['invalid_card', 'x-1', 'flow[1]'],
    ['invalid_card_id', 'x-2', 'flow[2].id'],
  ]);
  // A stand-in never takes an id a card of the flow has.
  assert.deepEqual(found([null, message('card-1')]), [['invalid_card', 'card-2', 'flow[0]']]);
  // assignCardIds tolerates any shape: what is not a list of cards comes back as it was.
  assert.equal(assignCardIds('flow' as unknown), 'flow');
});

test('size limits: cards per branch, cards in all, depth', () => {
  const branch = Array.from({ length: LIMITS.flowCardsPerBranch + 1 }, (_, i) => message(`m${i}`));
  only(branch, 'too_many_cards', null, 'flow');
  only([question('q', [['A', branch]])], 'too_many_cards', 'q', 'flow[0].answers[0].cards');
  // As many cards as allowed, spread over answers, within every per-branch limit.
  const answers = Array.from({ length: LIMITS.flowAnswersPerQuestion }, (_, a): [string, FlowCard[]] => [
    `A${a}`,
    Array.from({ length: LIMITS.flowCardsPerBranch }, (_, i) => message(`a${a}m${i}`)),
  ]);
  const wide = [question('q', answers)];
  assert.equal(LIMITS.flowMaxCards < LIMITS.flowAnswersPerQuestion * LIMITS.flowCardsPerBranch + 1, true);
  only(wide, 'too_many_cards', null, 'flow');
  // Nest questions one level deeper than allowed.
  let deep: FlowCard[] = [message('bottom')];
  for (let level = LIMITS.flowMaxDepth; level >= 1; level--) deep = [question(`q${level}`, [['Next', deep]])];
  only(deep, 'too_deep', `q${LIMITS.flowMaxDepth}`, `flow${'[0].answers[0].cards'.repeat(LIMITS.flowMaxDepth)}`);
  deep = (deep[0] as { answers: Array<{ cards: FlowCard[] }> }).answers[0].cards;
  assert.deepEqual(validateFlow(deep), []);
});

test('a flow nested thousands of levels deep is refused as too deep; ids are given and read only as deep as a flow may go', () => {
  let deep: unknown[] = [{ type: 'message', text: 'bottom' }];
  for (let level = 0; level < 20_000; level++) deep = [{ type: 'liveChat', onlineMessage: 'o', offlineMessage: 'f', waitSeconds: 60, offline: deep }];
  const withIds = assignCardIds(deep);
  assert.equal(cardIds(withIds).length, LIMITS.flowMaxDepth, 'one card per allowed level');
  const problems = found(withIds);
  assert.deepEqual(problems.at(-1), ['too_deep', cardIds(withIds).at(-1), `flow${'[0].offline'.repeat(LIMITS.flowMaxDepth)}`]);
});

test('assignCardIds fills missing ids, keeps given ones, never reuses an existing id, and does not touch its input', () => {
  const flow = [
    { type: 'message', text: 'Hi' },
    { id: 'q', type: 'question', text: 'Q?', answers: [{ label: 'A', cards: [{ type: 'liveChat', onlineMessage: 'o', offlineMessage: 'f', waitSeconds: 60, offline: [{ type: 'message', text: 'm' }] }] }] },
  ] as FlowBranch;
  const withIds = assignCardIds(flow, ['card-1']);
  const ids = cardIds(withIds);
  assert.equal(ids.length, 4);
  assert.equal(new Set(ids).size, 4);
  assert.ok(!ids.includes('card-1'), 'an id of the stored flow is not handed out again');
  assert.equal(ids[1], 'q');
  assert.deepEqual(validateFlow(withIds), []);
  assert.deepEqual(cardIds(flow), ['q'], 'input unchanged');
  // Stable across saves: a second pass changes nothing.
  assert.deepEqual(assignCardIds(withIds, ids), withIds);
});

test('renewCardIds gives every card a new id, none of the old ones', () => {
  const flow = assignCardIds([message('a'), liveChat('b', [message('c')])]);
  const copy = renewCardIds(flow);
  const before = cardIds(flow);
  const after = cardIds(copy);
  assert.equal(after.length, 3);
  assert.ok(after.every((id) => !before.includes(id)));
  assert.deepEqual(validateFlow(copy), []);
});

test('default flow: one live-chat card (the welcome is a setting of its own), valid, in each of the eight languages', () => {
  const english = defaultFlow('en');
  for (const language of CHATFLOW_LANGUAGES) {
    const flow = defaultFlow(language);
    assert.deepEqual(validateFlow(flow), [], language);
    // The welcome is the chatflow's own setting, said before any card: the flow is the hand-off.
    assert.deepEqual(flow.map((card) => card.type), ['liveChat'], language);
    const [handOff] = flow;
    assert.ok(handOff.type === 'liveChat');
    assert.equal(handOff.offlineMessage, defaultChatflowTexts(language).fallbackMessage, language);
    assert.deepEqual(handOff.offline, []);
    if (language !== 'en') {
      assert.ok(english[0].type === 'liveChat');
      assert.notEqual(handOff.onlineMessage, english[0].onlineMessage, `${language} online message is translated`);
    }
  }
  const custom = defaultFlow('fi', { offlineMessage: 'Palaamme pian' });
  assert.deepEqual(custom.map((card) => (card.type === 'liveChat' ? card.offlineMessage : '')), ['Palaamme pian']);
});
