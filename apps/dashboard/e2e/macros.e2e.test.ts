/**
 * A6 macros in a real browser against a real server: an admin creates a shared macro on the
 * Macros page, opens a chat from a visitor whose name the site set (the `name` property through
 * the widget socket's context update), types "/gre" in the reply box, picks with Enter and gets
 * the body with the visitor's first name and the agent's name filled in, unsent. The list is a
 * listbox the textarea points into; arrows move, Escape closes. axe on the page and the open
 * list; at 390 px neither scrolls sideways. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectVisitor, type VisitorClient } from '../../server/test/helpers/clients.js';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { seriousA11yViolations } from '../../../e2e/browser.js';
import { noSidewaysScroll, signedInPage, startInboxBench, type InboxBench } from './inboxTestKit.js';

const QUESTION = 'Can I change my delivery address?';

let bench: InboxBench;
let cluster: TestCluster;
let visitor: VisitorClient;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  await visitor.rt.send('context.update', { properties: { name: 'Zelda Quixote', email: 'zelda@fjord.example' } });
  await visitor.rt.send('message.send', { clientMessageId: 'm1', body: QUESTION });
}, { timeout: 30_000 });

after(async () => {
  visitor?.close();
  await bench?.close();
});

test('a shared macro made on the Macros page is inserted with "/gre" + Enter, names filled in', { timeout: 60_000 }, async () => {
  const agent = await signedInPage(bench, { viewport: { width: 1280, height: 860 } });
  const agentName = (await agent.locator('.me-name').innerText()).trim();
  assert.ok(agentName.length > 0);

  await agent.getByRole('link', { name: 'Macros' }).click();
  await agent.getByRole('heading', { name: 'Macros', level: 1 }).waitFor();
  await agent.getByText('{{contact.first_name}}').waitFor();
  await agent.getByRole('textbox', { name: 'Shortcut' }).fill('greet');
  await agent.getByRole('textbox', { name: 'Title' }).fill('Greeting');
  await agent.getByRole('textbox', { name: 'Text' }).fill('Hi {{contact.first_name}}, {{agent.name}} here');
  await agent.getByRole('radio', { name: 'Everyone (shared)' }).check();
  await agent.getByRole('button', { name: 'Create macro' }).click();
  const sharedList = agent.getByRole('region', { name: 'Shared macros' });
  await sharedList.getByRole('article', { name: '/greet' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(agent), []);

  // A duplicate shortcut is refused in words.
  await agent.getByRole('textbox', { name: 'Shortcut' }).fill('greet');
  await agent.getByRole('textbox', { name: 'Title' }).fill('Again');
  await agent.getByRole('textbox', { name: 'Text' }).fill('Again');
  await agent.getByRole('radio', { name: 'Everyone (shared)' }).check();
  await agent.getByRole('button', { name: 'Create macro' }).click();
  await agent.getByRole('alert').getByText('This shortcut is already used').waitFor();

  await agent.getByRole('link', { name: 'Unassigned' }).click();
  await agent.getByRole('region', { name: 'Unassigned' }).getByRole('link').first().click();
  await agent.getByRole('log', { name: 'Messages' }).getByText(QUESTION).waitFor();

  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await reply.click();
  await reply.pressSequentially('/gre');
  const list = agent.getByRole('listbox', { name: 'Macros' });
  await list.waitFor();
  const options = list.getByRole('option');
  assert.equal(await options.count(), 1);
  assert.match(await options.first().innerText(), /\/greet\s+Greeting/);
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  assert.equal(await reply.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
  assert.equal(await reply.getAttribute('aria-controls'), await list.getAttribute('id'));
  assert.deepEqual(await seriousA11yViolations(agent), [], 'axe with the list open');

  // Escape closes without touching the text; typing again reopens.
  await agent.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  assert.equal(await reply.inputValue(), '/gre');
  assert.equal(await reply.getAttribute('aria-activedescendant'), null);
  await reply.press('Backspace');
  await reply.pressSequentially('e');
  await list.waitFor();

  await agent.keyboard.press('Enter');
  await list.waitFor({ state: 'detached' });
  assert.equal(await reply.inputValue(), `Hi Zelda, ${agentName} here`);
  // Enter picked the macro; it did not send anything.
  assert.equal(await agent.getByRole('log', { name: 'Messages' }).getByText(`Hi Zelda, ${agentName} here`).count(), 0);

  // A slash inside a word opens nothing; an unknown shortcut says so.
  await reply.pressSequentially(' and/or /zzz');
  await agent.getByRole('status').getByText('No macro matches “/zzz”').waitFor();
  assert.equal(await list.count(), 0);
  await agent.context().close();
});

test('at 390 px the Macros page and the open list fit without sideways scrolling; axe clean', { timeout: 60_000 }, async () => {
  const phone = await signedInPage(bench, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${cluster.url}/inbox/macros`);
  await phone.getByRole('article', { name: '/greet' }).waitFor();
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);

  await phone.goto(`${cluster.url}/inbox/all`);
  await phone.getByRole('link', { name: /Visitor \d+|Zelda/ }).first().click();
  const reply = phone.getByRole('textbox', { name: 'Reply' });
  await reply.click();
  await reply.pressSequentially('/');
  await phone.getByRole('listbox', { name: 'Macros' }).waitFor();
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.keyboard.press('Tab');
  assert.equal(await reply.inputValue(), `Hi Zelda, ${(await phone.locator('.me-name').innerText()).trim()} here`);
  await phone.context().close();
});
