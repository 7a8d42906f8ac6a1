/**
 * The W8 card editor in the chatflow's Build tab, in a real browser against a real server: a flow
 * of a message, a question whose two answers each lead to a card, a capture card (email) and a
 * live-chat card is built with the editor; the live-chat card added in the wrong place is named
 * next to it and the save refused (nothing stored), then moved with the keyboard; saved, read
 * back over HTTP and after a reload. With the keyboard, "Move to…" takes the first card into an
 * answer's branch (a live-chat card is offered only places where it stays last) and an answer
 * moves up; the keyboard stays on the moved controls, a live region says where things went, and
 * the saved flow has the new order with the cards' ids. The "offline mode only" notice, deleting
 * a card with branches asks first naming what goes with it, axe on each screen, and no sideways
 * scrolling at 390 px with nested branches and the places menu open. Needs `npm run build` and
 * /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { assertAccessible, seriousA11yViolations } from '../../../e2e/browser.js';
import { adminPastSetup, noSidewaysScroll, PHONE, signedInPage, startInboxBench, type AdminHttp, type InboxBench } from './inboxTestKit.js';

let bench: InboxBench;
let cluster: TestCluster;
let admin: Page;
let adminHttp: AdminHttp;
let chatflowId = 0;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  adminHttp = await adminPastSetup(cluster);
  const site = (await adminHttp('GET', '/api/admin/sites')).body.sites[0];
  const created = await adminHttp('POST', '/api/admin/chatflows', { siteId: site.id, name: 'Leads' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  chatflowId = created.body.chatflow.id;
  // A known start, whatever flow new chatflows get: one welcome card.
  const start = await adminHttp('PATCH', `/api/admin/chatflows/${chatflowId}`, { flow: [{ type: 'message', text: 'Welcome!' }] });
  assert.equal(start.status, 200, JSON.stringify(start.body));
  admin = await signedInPage(bench, { viewport: { width: 1400, height: 900 } });
});

after(() => bench?.close());

async function storedFlow(): Promise<any[]> {
  const res = await adminHttp('GET', `/api/admin/chatflows/${chatflowId}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.chatflow.flow;
}

const flowSection = (page: Page) => page.getByRole('region', { name: 'Flow', exact: true });
/** A card of the branch `scope` shows (the first match is the outermost: nested cards come after their card's heading). */
const card = (scope: Locator, name: string) => scope.getByRole('region', { name, exact: true }).first();

async function addCard(scope: Locator, addGroup: string, type: string, position?: string): Promise<void> {
  const group = scope.getByRole('group', { name: addGroup, exact: true });
  await group.getByLabel('Card type', { exact: true }).selectOption({ label: type });
  if (position) await group.getByLabel('Position', { exact: true }).selectOption({ label: position });
  await group.getByRole('button', { name: 'Add card', exact: true }).click();
}

test('build a flow with the editor; a misplaced live-chat card is named and refused; keyboard move; save and reload', async () => {
  await admin.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);
  const flow = flowSection(admin);
  await card(flow, 'Card 1: Message').waitFor();
  // The test site's widget never loaded anywhere: the live chat cannot run yet, and the editor says so.
  await flow.getByRole('note').filter({ hasText: 'Offline mode only.' }).waitFor();

  await card(flow, 'Card 1: Message').getByLabel('Message', { exact: true }).fill('**Welcome** to Acme!');

  // A question with two answers, each leading to a message.
  await addCard(flow, 'Add a card to the flow', 'Question');
  const question = card(flow, 'Card 2: Question');
  // The new card's first field has the keyboard.
  assert.equal(await question.getByLabel('Question', { exact: true }).evaluate((el) => el === document.activeElement), true);
  await question.getByLabel('Question', { exact: true }).fill('Sales or support?');
  await question.getByLabel('Answer 1', { exact: true }).fill('Sales');
  await question.getByRole('button', { name: 'Add answer', exact: true }).click();
  await question.getByLabel('Answer 2', { exact: true }).fill('Support');
  const sales = question.getByRole('group', { name: 'After answer 1: Sales', exact: true });
  await addCard(sales, 'Add a card after answer 1', 'Message');
  await card(sales, 'Card 1: Message').getByLabel('Message', { exact: true }).fill('Our sales team will help.');
  const support = question.getByRole('group', { name: 'After answer 2: Support', exact: true });
  await addCard(support, 'Add a card after answer 2', 'Message');
  await card(support, 'Card 1: Message').getByLabel('Message', { exact: true }).fill('Sorry to hear that.');

  // Capture, email (checked for a new capture card).
  await addCard(flow, 'Add a card to the flow', 'Capture details');
  const capture = card(flow, 'Card 3: Capture details');
  await capture.getByLabel('Text above the fields', { exact: true }).fill('Where can we reach you?');
  assert.equal(await capture.getByLabel('Email', { exact: true }).isChecked(), true);

  // A live-chat card in the wrong place: before the capture card.
  await addCard(flow, 'Add a card to the flow', 'Live chat', 'Before card 3: Capture details');
  let live = card(flow, 'Card 3: Live chat');
  await live.getByLabel('Online message', { exact: true }).fill('Connecting you now.');
  await live.getByLabel('Offline message', { exact: true }).fill('We are away; leave your email.');
  await live.getByLabel('Wait time (seconds)', { exact: true }).fill('60');
  await card(flow, 'Card 4: Capture details').waitFor();

  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('alert').filter({ hasText: 'Fix this to save:' }).waitFor();
  // Named next to the card, and the card is described by it.
  const describedBy = await live.getAttribute('aria-describedby');
  assert.ok(describedBy, 'the card is described by its problems');
  const problemText = await admin.locator(`[id="${describedBy}"]`).innerText();
  assert.match(problemText, /must be the last card of its branch/);
  assert.match(await admin.getByRole('alert').innerText(), /Build tab: Flow card 3: Live-chat card/);
  assert.equal(await card(flow, 'Card 4: Capture details').getAttribute('aria-describedby'), null, 'other cards are not blamed');
  assert.deepEqual(await seriousA11yViolations(admin), []);
  assert.equal((await storedFlow()).length, 1, 'nothing was saved');

  // Deleting a card with branches asks first; Cancel keeps it.
  await question.getByRole('button', { name: 'Delete card 2', exact: true }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByText('The 2 cards after answer “Sales” and answer “Support” are deleted with it.').waitFor();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await question.waitFor();

  // Keyboard: the live-chat card moves down and keeps the keyboard with it.
  await live.getByRole('button', { name: 'Move down card 3', exact: true }).focus();
  await admin.keyboard.press('Enter');
  live = card(flow, 'Card 4: Live chat');
  await live.waitFor();
  await card(flow, 'Card 3: Capture details').waitFor();
  await admin.waitForFunction(() => document.activeElement?.textContent === 'Move up card 4');
  // It is last now: the problem is gone from the card and the list.
  await admin.waitForFunction(() => !document.querySelector('[role="alert"]'));
  assert.equal(await live.getAttribute('aria-describedby'), null);

  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const stored = await storedFlow();
  assert.deepEqual(
    stored.map((each: any) => each.type),
    ['message', 'question', 'capture', 'liveChat'],
  );
  assert.equal(stored[0].text, '**Welcome** to Acme!');
  assert.deepEqual(
    stored[1].answers.map((answer: any) => [answer.label, answer.cards.map((each: any) => each.text)]),
    [
      ['Sales', ['Our sales team will help.']],
      ['Support', ['Sorry to hear that.']],
    ],
  );
  assert.deepEqual(stored[2].fields, ['email']);
  assert.equal(stored[3].waitSeconds, 60);
  assert.equal(stored[3].offlineMessage, 'We are away; leave your email.');
  assert.deepEqual(stored[3].offline, []);
  assert.ok(stored.every((each: any) => typeof each.id === 'string' && each.id.length > 0), 'every card has its id');

  await admin.reload();
  await card(flowSection(admin), 'Card 4: Live chat').waitFor();
  const again = flowSection(admin);
  assert.equal(await card(again, 'Card 1: Message').getByLabel('Message', { exact: true }).inputValue(), '**Welcome** to Acme!');
  const reread = card(again, 'Card 2: Question');
  assert.equal(await reread.getByLabel('Answer 2', { exact: true }).inputValue(), 'Support');
  const supportAgain = reread.getByRole('group', { name: 'After answer 2: Support', exact: true });
  assert.equal(await card(supportAgain, 'Card 1: Message').getByLabel('Message', { exact: true }).inputValue(), 'Sorry to hear that.');
  assert.equal(await card(again, 'Card 4: Live chat').getByLabel('Wait time (seconds)', { exact: true }).inputValue(), '60');
  assert.equal(await admin.getByRole('status').filter({ hasText: 'Unsaved changes' }).count(), 0);
  assert.deepEqual(await seriousA11yViolations(admin), []);
});

/** Whether the keyboard is on the element `locator` finds. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

test('Move to…: the first card into an answer\'s branch and an answer up, by keyboard; saved in the new order with the same ids', async (t: TestContext) => {
  const before = await storedFlow();
  const welcomeId = before[0].id;
  await admin.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);
  const flow = flowSection(admin);
  const welcome = card(flow, 'Card 1: Message');
  await welcome.waitFor();

  // The button says it opens the places; Enter opens them with the keyboard on the menu.
  const moveWelcome = welcome.getByRole('button', { name: 'Move card 1 to…', exact: true });
  assert.equal(await moveWelcome.getAttribute('aria-expanded'), 'false');
  await moveWelcome.focus();
  await admin.keyboard.press('Enter');
  const places = welcome.getByRole('group', { name: 'Move Card 1: Message to another place', exact: true });
  const menu = places.getByLabel('New place', { exact: true });
  await admin.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
  assert.equal(await hasFocus(menu), true);
  assert.equal(await moveWelcome.getAttribute('aria-expanded'), 'true');
  const offered = await menu.locator('option').allInnerTexts();
  assert.ok(offered.includes('Answer “Support” of “Sales or support?”, after card 1: Message'), offered.join('\n'));
  // Nowhere after the live-chat card, and not where it already is.
  assert.ok(!offered.some((label) => label.startsWith('Flow, after card 4') || label === 'Flow, at the start' || label.startsWith('Flow, after card 1')), offered.join('\n'));
  await assertAccessible(t, 'editor with the places menu open', admin);

  await menu.selectOption({ label: 'Answer “Support” of “Sales or support?”, after card 1: Message' });
  await admin.keyboard.press('Tab');
  assert.equal(await hasFocus(places.getByRole('button', { name: 'Move card', exact: true })), true);
  await admin.keyboard.press('Enter');

  // The question is card 1 now, and the welcome card is the second card after "Support".
  const question = card(flow, 'Card 1: Question');
  await question.waitFor();
  const support = question.getByRole('group', { name: 'After answer 2: Support', exact: true });
  const moved = card(support, 'Card 2: Message');
  assert.equal(await moved.getByLabel('Message', { exact: true }).inputValue(), '**Welcome** to Acme!');
  await admin.waitForFunction(() => document.activeElement?.textContent === 'Move card 2 to…');
  assert.equal(await hasFocus(moved.getByRole('button', { name: 'Move card 2 to…', exact: true })), true);
  await admin.getByRole('status').filter({ hasText: 'Card 1: Message moved: now card 2 of answer “Support” of “Sales or support?”.' }).waitFor();

  // The live-chat card may go only to the end of an answer's branch, where it stays last.
  const live = card(flow, 'Card 3: Live chat');
  await live.getByRole('button', { name: 'Move card 3 to…', exact: true }).click();
  const liveMenu = live.getByLabel('New place', { exact: true });
  assert.deepEqual(await liveMenu.locator('option').allInnerTexts(), [
    'Answer “Sales” of “Sales or support?”, after card 1: Message',
    'Answer “Support” of “Sales or support?”, after card 2: Message',
  ]);
  // Escape (from the places, which took the keyboard) closes them and gives the keyboard back to the button.
  await admin.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
  await admin.keyboard.press('Escape');
  await live.getByRole('group', { name: /^Move Card 3/ }).waitFor({ state: 'detached' });
  await admin.waitForFunction(() => document.activeElement?.textContent === 'Move card 3 to…');
  assert.equal(await hasFocus(live.getByRole('button', { name: 'Move card 3 to…', exact: true })), true);

  // Answer "Support" moves up with the keyboard; at the top, the keyboard stays on its other move button.
  await question.getByRole('button', { name: 'Move answer Support up', exact: true }).focus();
  await admin.keyboard.press('Enter');
  await question.getByRole('group', { name: 'After answer 1: Support', exact: true }).waitFor();
  assert.equal(await question.getByLabel('Answer 1', { exact: true }).inputValue(), 'Support');
  await admin.waitForFunction(() => document.activeElement?.textContent === 'Move answer Support down');
  assert.equal(await question.getByRole('button', { name: 'Move answer Support up', exact: true }).isDisabled(), true);
  await admin.getByRole('status').filter({ hasText: 'Answer Support moved up: now answer 1.' }).waitFor();
  await assertAccessible(t, 'editor after the moves', admin);

  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const stored = await storedFlow();
  assert.deepEqual(
    stored.map((each: any) => each.type),
    ['question', 'capture', 'liveChat'],
  );
  assert.deepEqual(
    stored[0].answers.map((answer: any) => [answer.label, answer.cards.map((each: any) => each.text)]),
    [
      ['Support', ['Sorry to hear that.', '**Welcome** to Acme!']],
      ['Sales', ['Our sales team will help.']],
    ],
  );
  // Every card keeps its id, the moved one included.
  assert.equal(stored[0].answers[0].cards[1].id, welcomeId);
  assert.deepEqual(stored[0].id, before[1].id);
  assert.deepEqual(stored[0].answers[0].cards[0].id, before[1].answers[1].cards[0].id);

  await admin.reload();
  const again = flowSection(admin);
  const reread = card(again, 'Card 1: Question');
  await reread.waitFor();
  assert.equal(await reread.getByLabel('Answer 1', { exact: true }).inputValue(), 'Support');
  const supportAgain = reread.getByRole('group', { name: 'After answer 1: Support', exact: true });
  assert.equal(await card(supportAgain, 'Card 2: Message').getByLabel('Message', { exact: true }).inputValue(), '**Welcome** to Acme!');
});

test('at 390 px nested branches fit without sideways scrolling; axe clean', async () => {
  const phone = await signedInPage(bench, { viewport: PHONE });
  await phone.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);
  const flow = flowSection(phone);
  const question = card(flow, 'Card 1: Question');
  await question.waitFor();
  // Three levels deep: a question after answer 2, and another question after its first answer.
  const sales = question.getByRole('group', { name: 'After answer 2: Sales', exact: true });
  await addCard(sales, 'Add a card after answer 2', 'Question');
  const inner = card(sales, 'Card 2: Question');
  await inner.getByLabel('Answer 1', { exact: true }).fill('A rather long answer label that has to wrap on a phone');
  const deeper = inner.getByRole('group', { name: /^After answer 1: A rather long/ });
  await addCard(deeper, 'Add a card after answer 1', 'Live chat');
  await card(deeper, 'Card 1: Live chat').waitFor();
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);

  // The places menu of the innermost card, with its long names, fits too, and its buttons are reachable.
  const innermost = card(deeper, 'Card 1: Live chat');
  await innermost.getByRole('button', { name: 'Move card 1 to…', exact: true }).click();
  const places = innermost.getByRole('group', { name: 'Move Card 1: Live chat to another place', exact: true });
  await places.getByRole('button', { name: 'Move card', exact: true }).waitFor();
  await noSidewaysScroll(phone);
  const moveButton = await places.getByRole('button', { name: 'Move card', exact: true }).boundingBox();
  assert.ok(moveButton && moveButton.x >= 0 && moveButton.x + moveButton.width <= PHONE.width, JSON.stringify(moveButton));
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await places.getByRole('button', { name: 'Cancel', exact: true }).click();
  await places.waitFor({ state: 'detached' });

  // Deleting the inner question asks first (it holds a card); confirmed, it goes with its branch.
  await inner.getByRole('button', { name: 'Delete card 2', exact: true }).click();
  await phone.getByRole('dialog').getByRole('button', { name: 'Delete card', exact: true }).click();
  await phone.getByRole('dialog').waitFor({ state: 'detached' });
  await card(sales, 'Card 2: Question').waitFor({ state: 'detached' });
  await card(sales, 'Card 1: Message').waitFor();
  // The keyboard lands on the card that took its place (here the one before it).
  await phone.waitForFunction(() => document.activeElement?.textContent === 'Delete card 1');
});
