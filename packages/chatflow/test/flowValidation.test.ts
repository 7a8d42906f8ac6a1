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
  only([message('bad id!')], 'invalid_card_id', null, 'flow[0].id');
});

test('shapes: unknown types, unknown fields and non-lists are invalid cards', () => {
  only([{ id: 'x', type: 'video', text: 'hi' }], 'invalid_card', 'x', 'flow[0].type');
  only([{ id: 'x', type: 'message', text: 'hi', color: 'red' }], 'invalid_card', 'x', 'flow[0].color');
  only([{ id: 'x', type: 'question', text: 'hi', answers: 'yes' }], 'invalid_card', 'x', 'flow[0].answers');
  only(['hello'], 'invalid_card', null, 'flow[0]');
  only('flow', 'invalid_card', null, 'flow');
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

test('default flow: a welcome message then a live-chat card, valid, in each of the eight languages', () => {
  const english = defaultFlow('en');
  for (const language of CHATFLOW_LANGUAGES) {
    const flow = defaultFlow(language);
    assert.deepEqual(validateFlow(flow), [], language);
    assert.deepEqual(flow.map((card) => card.type), ['message', 'liveChat'], language);
    const [welcome, handOff] = flow;
    assert.ok(welcome.type === 'message' && handOff.type === 'liveChat');
    assert.equal(welcome.text, defaultChatflowTexts(language).welcomeMessage, language);
    assert.equal(handOff.offlineMessage, defaultChatflowTexts(language).fallbackMessage, language);
    assert.deepEqual(handOff.offline, []);
    if (language !== 'en') {
      assert.ok(english[1].type === 'liveChat');
      assert.notEqual(handOff.onlineMessage, english[1].onlineMessage, `${language} online message is translated`);
    }
  }
  const custom = defaultFlow('fi', { welcomeMessage: 'Tervetuloa', offlineMessage: 'Palaamme pian' });
  assert.deepEqual(custom.map((card) => (card.type === 'message' ? card.text : card.type === 'liveChat' ? card.offlineMessage : '')), ['Tervetuloa', 'Palaamme pian']);
});
