/**
 * W8 card editor, moving: "Move to…" takes a card with its branches to another branch (never into
 * itself; ids and nested cards kept; the path to it adjusted when taking it out shifts cards), the
 * places it offers keep the flow valid as far as the move decides, answers move up and down with
 * their branches, and the words the editor uses for places and for what a delete takes along.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateFlow } from '@parley/chatflow';
import type { FlowBranch, FlowCard } from '@parley/protocol';
import { branchAt, cardsHeldBy, moveAnswer, type BranchPath } from '../src/components/chatflows/flow/flowDraft.js';
import { everyBranch, isInsideCard, moveCardTo, moveTargets, type CardPlace } from '../src/components/chatflows/flow/flowMoves.js';
import { branchName, deletedWith, placeName } from '../src/components/chatflows/flow/flowPlaces.js';
import { immutably, sample } from './flowSample.js';

const SALES: BranchPath = [{ card: 1, answer: 0 }];
const SUPPORT: BranchPath = [{ card: 1, answer: 1 }];
const OFFLINE: BranchPath = [{ card: 2, offline: true }];
const ids = (branch: FlowBranch) => branch.map((card) => card.id);

function allIds(flow: FlowBranch): string[] {
  return everyBranch(flow)
    .flatMap((path) => ids(branchAt(flow, path)))
    .map(String)
    .sort();
}

test('moveCardTo: a root card into an answer\'s branch; the path to it follows the cards that moved up', () => {
  const { after } = immutably((flow) => moveCardTo(flow, { path: [], index: 0 }, { path: SALES, index: 1 }));
  assert.deepEqual(ids(after.flow), ['ask', 'live']);
  // The question was card 2 and is card 1 now, so the answer's branch is reached through card 1.
  assert.deepEqual(after.place, { path: [{ card: 0, answer: 0 }], index: 1 });
  assert.deepEqual(ids(branchAt(after.flow, after.place.path)), ['sales-msg', 'hello']);
  assert.deepEqual(validateFlow(after.flow), []);

  // A target after a later card of the card's branch shifts too; one before it does not.
  const intoOffline = moveCardTo(sample(), { path: [], index: 0 }, { path: OFFLINE, index: 1 });
  assert.deepEqual(intoOffline.place, { path: [{ card: 1, offline: true }], index: 1 });
  assert.deepEqual(ids(branchAt(intoOffline.flow, intoOffline.place.path)), ['lead', 'hello']);
  const outOfAnswer = moveCardTo(sample(), { path: SUPPORT, index: 0 }, { path: [], index: 0 });
  assert.deepEqual(outOfAnswer.place, { path: [], index: 0 });
  assert.deepEqual(ids(outOfAnswer.flow), ['support-msg', 'hello', 'ask', 'live']);
  // The answer left without a card is the engine's problem, named on the question.
  const problems = validateFlow(outOfAnswer.flow);
  assert.deepEqual(
    problems.map((problem) => [problem.code, problem.cardId, problem.path]),
    [['empty_branch', 'ask', 'flow[2].answers[1].cards']],
  );
});

test('moveCardTo: a card goes with its branches, the very same card object, ids kept', () => {
  const flow = sample();
  const moved = moveCardTo(flow, { path: [], index: 1 }, { path: OFFLINE, index: 0 });
  assert.deepEqual(moved.place, { path: [{ card: 1, offline: true }], index: 0 });
  assert.equal(branchAt(moved.flow, moved.place.path)[0], flow[1]);
  assert.deepEqual(ids(branchAt(moved.flow, [...moved.place.path, { card: 0, answer: 1 }])), ['support-msg']);
  assert.deepEqual(allIds(moved.flow), allIds(flow));
  assert.deepEqual(validateFlow(moved.flow), []);
});

test('moveCardTo within one branch counts the place before the move', () => {
  const down = moveCardTo(sample(), { path: [], index: 0 }, { path: [], index: 2 });
  assert.deepEqual(ids(down.flow), ['ask', 'hello', 'live']);
  assert.deepEqual(down.place, { path: [], index: 1 });
  const up = moveCardTo(sample(), { path: [], index: 2 }, { path: [], index: 0 });
  assert.deepEqual(ids(up.flow), ['live', 'hello', 'ask']);
  assert.deepEqual(up.place, { path: [], index: 0 });
});

test('no move into the card\'s own branches, at any depth: the flow is unchanged', () => {
  const flow = withInnerQuestion();
  const from: CardPlace = { path: [], index: 1 };
  for (const path of [SALES, SUPPORT, [...SALES, { card: 1, answer: 0 }]] as BranchPath[]) {
    assert.ok(isInsideCard(path, from));
    const moved = moveCardTo(flow, from, { path, index: 0 });
    assert.equal(moved.flow, flow);
    assert.deepEqual(moved.place, from);
  }
  assert.ok(!isInsideCard([], from));
  assert.ok(!isInsideCard(OFFLINE, from));
  assert.ok(!isInsideCard(SALES, { path: [], index: 0 }));
  // A card of another card's branch is not inside it just because the indexes match.
  assert.ok(!isInsideCard([{ card: 1, answer: 0 }], { path: SUPPORT, index: 1 }));
  for (const each of everyBranch(flow).flatMap((path) => branchAt(flow, path).map((_, index) => ({ path, index })))) {
    assert.ok(
      moveTargets(flow, each).every((target) => !isInsideCard(target.path, each)),
      `a place inside card ${JSON.stringify(each)} is offered`,
    );
  }
});

test('the places offered for a message: only real changes, nothing after a live-chat card, named by the cards there', () => {
  const flow = sample();
  const targets = moveTargets(flow, { path: [], index: 0 });
  assert.deepEqual(
    targets.map((target) => placeName(flow, target)),
    [
      'Flow, after card 2: Question',
      'Answer “Sales” of “Sales or support?”, at the start',
      'Answer “Sales” of “Sales or support?”, after card 1: Message',
      'Answer “Support” of “Sales or support?”, at the start',
      'Answer “Support” of “Sales or support?”, after card 1: Message',
      'Offline branch of live chat card 3, at the start',
      'Offline branch of live chat card 3, after card 1: Capture details',
    ],
  );
  // The question may go before the message or into the offline branch, never into its own answers.
  assert.deepEqual(moveTargets(flow, { path: [], index: 1 }), [
    { path: [], index: 0 },
    { path: OFFLINE, index: 0 },
    { path: OFFLINE, index: 1 },
  ]);
});

test('a live-chat card is offered only the end of a branch outside offline branches that does not already end in one', () => {
  const flow = sample();
  assert.deepEqual(moveTargets(flow, { path: [], index: 2 }), [
    { path: SALES, index: 1 },
    { path: SUPPORT, index: 1 },
  ]);
  const salesEndsLive = moveCardTo(flow, { path: [], index: 2 }, { path: SALES, index: 1 }).flow;
  assert.deepEqual(moveTargets(salesEndsLive, { path: [{ card: 1, answer: 0 }], index: 1 }), [
    { path: [], index: 2 },
    { path: SUPPORT, index: 1 },
  ]);
  // A question holding a live-chat card does not go into an offline branch either.
  const withLive = moveTargets(salesEndsLive, { path: [], index: 1 });
  assert.ok(withLive.every((target) => !target.path.some((step) => 'offline' in step)));
  // A live-chat card misplaced before others is offered the end of its own branch.
  const misplaced: FlowBranch = [flow[2], flow[0]];
  assert.deepEqual(moveTargets(misplaced, { path: [], index: 0 }), [{ path: [], index: 2 }]);
});

test('every offered place keeps the flow valid where the move decides it, the card and every id kept', () => {
  const flow = withInnerQuestion();
  const places = everyBranch(flow).flatMap((path) => branchAt(flow, path).map((_, index) => ({ path, index })));
  let tried = 0;
  for (const from of places) {
    const card = branchAt(flow, from.path)[from.index];
    for (const target of moveTargets(flow, from)) {
      const moved = moveCardTo(flow, from, target);
      const where = `${card.id} to ${placeName(flow, target)}`;
      assert.equal(branchAt(moved.flow, moved.place.path)[moved.place.index], card, where);
      assert.deepEqual(allIds(moved.flow), allIds(flow), where);
      const codes = validateFlow(moved.flow).map((problem) => problem.code);
      // Only emptying an answer's branch is left to the engine's problems, shown on the question.
      assert.deepEqual(
        codes.filter((code) => code !== 'empty_branch'),
        [],
        where,
      );
      tried += 1;
    }
  }
  assert.ok(tried > 20, `only ${tried} moves offered`);
});

test('branches are not nested deeper than the engine allows', () => {
  // Four questions inside each other: the innermost answer's branch is level 5, the deepest allowed.
  const nest = (level: number): FlowCard =>
    level === 5 ? { id: 'deepest', type: 'message', text: 'Five' } : { id: `q${level}`, type: 'question', text: `Level ${level}`, answers: [{ label: 'On', cards: [nest(level + 1)] }] };
  const holder: FlowCard = { id: 'holder', type: 'question', text: 'Holds one', answers: [{ label: 'Yes', cards: [{ id: 'inner', type: 'message', text: 'In' }] }] };
  const flow: FlowBranch = [nest(1), holder];
  assert.deepEqual(validateFlow(flow), []);
  const levelOfFive = (target: CardPlace) => target.path.length === 4;
  const forHolder = moveTargets(flow, { path: [], index: 1 });
  assert.ok(forHolder.some((target) => target.path.length === 3));
  assert.ok(!forHolder.some(levelOfFive), 'a question with a filled answer does not go to level 5');
  assert.ok(moveTargets(flow, { path: [{ card: 1, answer: 0 }], index: 0 }).some(levelOfFive), 'a message does');
});

test('moveAnswer swaps an answer and its branch with its neighbour; nothing past the ends or on other cards', () => {
  const { after } = immutably((flow) => moveAnswer(flow, [], 1, 1, -1));
  const question = after[1];
  assert.ok(question.type === 'question');
  assert.deepEqual(
    question.answers.map((answer) => [answer.label, ids(answer.cards)]),
    [
      ['Support', ['support-msg']],
      ['Sales', ['sales-msg']],
    ],
  );
  const flow = sample();
  assert.equal(branchAt(moveAnswer(flow, [], 1, 0, 1), [{ card: 1, answer: 1 }])[0], branchAt(flow, SALES)[0]);
  for (const [answer, by] of [
    [0, -1],
    [1, 1],
  ] as const) {
    const same = moveAnswer(flow, [], 1, answer, by);
    assert.deepEqual(same, flow);
  }
  assert.equal(moveAnswer(flow, [], 0, 0, 1), flow);
  const nested = moveAnswer(withInnerQuestion(), SALES, 1, 0, 1);
  const inner = branchAt(nested, SALES)[1];
  assert.ok(inner.type === 'question');
  assert.deepEqual(
    inner.answers.map((answer) => answer.label),
    ['No', 'Yes'],
  );
});

test('places and deletes in words: nested branches by their answers, long texts cut', () => {
  const flow = withInnerQuestion();
  assert.equal(branchName(flow, []), 'Flow');
  assert.equal(branchName(flow, [...SALES, { card: 1, answer: 1 }]), 'Answer “Sales” of “Sales or support?” › answer “No” of “A question long enough to be cut short…”');
  const unnamed: FlowBranch = [{ type: 'question', text: ' ', answers: [{ label: '', cards: [] }] }];
  assert.equal(placeName(unnamed, { path: [{ card: 0, answer: 0 }], index: 0 }), 'Answer 1 of card 1 (no cards yet)');

  assert.equal(cardsHeldBy(flow[1]), 5);
  assert.equal(deletedWith(flow[1]), 'The 5 cards after answer “Sales” and answer “Support” are deleted with it.');
  assert.equal(deletedWith(flow[2]), 'The card of its offline branch is deleted with it.');
  const oneAnswer: FlowCard = { type: 'question', text: 'Q', answers: [{ label: '', cards: [flow[0]] }, { label: 'Empty', cards: [] }] };
  assert.equal(deletedWith(oneAnswer), 'The card after answer 1 is deleted with it.');
});

/** The sample with a question after the Sales answer's message, whose two answers each hold a message. */
function withInnerQuestion(): FlowBranch {
  const inner: FlowCard = {
    id: 'inner',
    type: 'question',
    text: 'A question long enough to be cut short in a menu of places',
    answers: [
      { label: 'Yes', cards: [{ id: 'yes-msg', type: 'message', text: 'Yes' }] },
      { label: 'No', cards: [{ id: 'no-msg', type: 'message', text: 'No' }] },
    ],
  };
  const flow = sample();
  const question = flow[1];
  assert.ok(question.type === 'question');
  question.answers[0].cards.push(inner);
  return flow;
}
