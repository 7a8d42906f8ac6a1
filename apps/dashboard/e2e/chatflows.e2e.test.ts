/**
 * Chatflows in the inbox (A2, A3, W2–W6, W16, W19) in a real browser against a real server:
 * creating one with "New chatflow", editing it in every tab, publishing and saving, a reload that
 * shows the saved values; bad rules refused with nothing saved; the preview getting the unsaved
 * look; the targeting question explaining a decision; priority order; who may edit; axe on
 * every screen and no sideways scrolling at 390 px. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { defaultChatflowTexts } from '@parley/chatflow';
import type { Frame, Page } from 'playwright-core';
import { createUserAs, httpAs, login, type AgentClient } from '../../server/test/helpers/clients.js';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { eventually, seriousA11yViolations } from '../../../e2e/browser.js';
import { adminPastSetup, signedInPage, startInboxBench, type AdminHttp, type InboxBench } from './inboxTestKit.js';

let bench: InboxBench;
let cluster: TestCluster;
let admin: Page;
let adminHttp: AdminHttp;
/** A 1×1 PNG for the branding image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
/** The chatflow the first test creates; later tests build on it. */
let chatflowId = 0;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  adminHttp = await adminPastSetup(cluster);
  admin = await signedInPage(bench, { viewport: { width: 1400, height: 900 } });
});

after(() => bench?.close());

async function storedChatflow(id: number): Promise<any> {
  const res = await adminHttp('GET', `/api/admin/chatflows/${id}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.chatflow;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `page scrolls sideways: ${scrollWidth} > ${innerWidth}`);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const editorSwitch = (page: Page) => page.locator('.editor-header').getByRole('switch', { name: 'Published' });

test('New chatflow, edits in every tab, Published, Save; a reload shows what was saved', async () => {
  await admin.getByRole('link', { name: 'Chatflows' }).click();
  await admin.getByRole('switch', { name: 'Published' }).first().waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);

  await admin.getByRole('button', { name: 'New chatflow' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('Pricing chat');
  assert.deepEqual(await seriousA11yViolations(admin), []);
  await dialog.getByRole('button', { name: 'Create chatflow' }).click();
  await admin.waitForURL(/\/inbox\/chatflows\/\d+$/);
  chatflowId = Number(new URL(admin.url()).pathname.split('/').pop());

  // Build
  await tab(admin, 'Build').waitFor();
  assert.equal(await tab(admin, 'Build').getAttribute('aria-selected'), 'true');
  await admin.getByLabel('Welcome message', { exact: true }).fill('Questions about pricing?');
  await admin.getByLabel('Hex', { exact: true }).fill('#aa3300');
  await admin.getByLabel('Branding name', { exact: true }).fill('Pricing team');
  await admin.getByLabel('Use the custom branding as an alias for agents', { exact: true }).check();
  // The branding image goes to Parley first; the draft keeps the URL it answers with.
  await admin.getByLabel('Branding image', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  const image = admin.getByRole('img', { name: 'The current branding image' });
  await image.waitFor();
  const imageUrl = (await image.getAttribute('src')) ?? '';
  assert.match(imageUrl, /\/files\/[A-Za-z0-9_-]{32}$/);
  assert.deepEqual(await seriousA11yViolations(admin), []);

  // Target: one group (URL starts with /pricing) and one exclusion (URL is /privacy). Arrow keys
  // move between the tabs.
  await tab(admin, 'Build').focus();
  await admin.keyboard.press('ArrowRight');
  assert.equal(await tab(admin, 'Target').getAttribute('aria-selected'), 'true');
  const target = admin.getByRole('tabpanel', { name: 'Target' });
  await target.getByText('shows on every page').waitFor();
  await target.getByRole('button', { name: 'Add filter group' }).click();
  const rule = target.getByRole('group', { name: 'Rule 1 of filter group 1' });
  await rule.getByLabel('Operator', { exact: true }).selectOption({ label: 'starts with' });
  await rule.getByLabel('Value', { exact: true }).fill('/pricing');
  await target.getByRole('button', { name: 'Add exclusion rule' }).click();
  const exclusion = target.getByRole('group', { name: 'Exclusion rule 1' });
  await exclusion.getByLabel('Operator', { exact: true }).selectOption({ label: 'is' });
  await exclusion.getByLabel('Value', { exact: true }).fill('/privacy');
  assert.deepEqual(await seriousA11yViolations(admin), []);

  // Display
  await tab(admin, 'Display').click();
  const display = admin.getByRole('tabpanel', { name: 'Display' });
  await display.getByRole('group', { name: 'On desktop' }).getByLabel('Show the launcher only', { exact: true }).check();
  await display.getByRole('group', { name: 'On mobile' }).getByLabel('Show the launcher only', { exact: true }).check();
  await display.getByLabel('Seconds on the page', { exact: true }).fill('8');
  await display.getByText('5 s or more recommended').waitFor();
  // W17: sound starts off and the title flash on.
  const alerts = display.getByRole('group', { name: 'New messages while the chat is closed' });
  assert.equal(await alerts.getByLabel(/Flash the page title/).isChecked(), true);
  await alerts.getByLabel('Play a short sound', { exact: true }).check();
  await alerts.getByLabel(/Flash the page title/).uncheck();
  assert.deepEqual(await seriousA11yViolations(admin), []);

  // Options: the eight languages by their own names.
  await tab(admin, 'Options').click();
  const language = admin.getByRole('combobox', { name: 'Language' });
  assert.deepEqual(await language.locator('option').allInnerTexts(), [
    'English',
    'Suomi',
    'Svenska',
    'Italiano',
    'Polski',
    'Deutsch',
    'Français',
    'Español',
  ]);
  await language.selectOption({ label: 'Svenska' });
  assert.deepEqual(await seriousA11yViolations(admin), []);
  // W9 email capture and login-only mode; the untouched prompt follows the language.
  await admin.getByRole('group', { name: "Ask for the visitor's email" }).getByLabel(/When nobody has replied/).check();
  await admin.getByLabel('Minutes without a reply', { exact: true }).fill('3');
  assert.equal(await admin.getByLabel('Email prompt', { exact: true }).inputValue(), defaultChatflowTexts('sv').emailCapturePrompt);
  await admin.getByRole('group', { name: 'Who can chat' }).getByLabel(/only identified visitors can start one/).check();
  assert.deepEqual(await seriousA11yViolations(admin), []);

  assert.equal(await editorSwitch(admin).getAttribute('aria-checked'), 'false');
  await editorSwitch(admin).click();
  assert.equal(await editorSwitch(admin).getAttribute('aria-checked'), 'true');
  await admin.getByText('Unsaved changes', { exact: true }).waitFor();
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const stored = await storedChatflow(chatflowId);
  assert.equal(stored.published, true);
  assert.equal(stored.language, 'sv');
  assert.equal(stored.settings.welcomeMessage, 'Questions about pricing?');
  assert.equal(stored.settings.headingAvatarUrl, imageUrl);
  assert.deepEqual([stored.settings.unreadSound, stored.settings.unreadTitleFlash], [true, false]);
  assert.deepEqual(
    [stored.settings.emailCapture, stored.settings.emailCaptureMinutes, stored.settings.emailCapturePrompt, stored.settings.loginOnly],
    ['noReply', 3, defaultChatflowTexts('sv').emailCapturePrompt, 'startIdentifiedOnly'],
  );
  assert.deepEqual(stored.targeting, {
    groups: [[{ field: 'url', op: 'startsWith', value: '/pricing' }]],
    exclusions: [{ field: 'url', op: 'is', value: '/privacy' }],
  });

  await admin.reload();
  await tab(admin, 'Build').waitFor();
  assert.equal(await admin.getByLabel('Welcome message', { exact: true }).inputValue(), 'Questions about pricing?');
  assert.equal(await admin.getByLabel('Hex', { exact: true }).inputValue(), '#aa3300');
  assert.equal(await admin.getByLabel('Branding name', { exact: true }).inputValue(), 'Pricing team');
  assert.equal(await admin.getByLabel('Use the custom branding as an alias for agents', { exact: true }).isChecked(), true);
  assert.equal(await editorSwitch(admin).getAttribute('aria-checked'), 'true');
  assert.equal(await admin.getByRole('img', { name: 'The current branding image' }).getAttribute('src'), imageUrl);
  await tab(admin, 'Target').click();
  assert.equal(await admin.getByRole('group', { name: 'Rule 1 of filter group 1' }).getByLabel('Value', { exact: true }).inputValue(), '/pricing');
  assert.equal(await admin.getByRole('group', { name: 'Exclusion rule 1' }).getByLabel('Value', { exact: true }).inputValue(), '/privacy');
  await tab(admin, 'Display').click();
  assert.equal(await admin.getByLabel('Seconds on the page', { exact: true }).inputValue(), '8');
  assert.equal(await admin.getByLabel('Play a short sound', { exact: true }).isChecked(), true);
  assert.equal(await admin.getByLabel(/Flash the page title/).isChecked(), false);
  assert.equal(
    await admin.getByRole('group', { name: 'On desktop' }).getByLabel('Show the launcher only', { exact: true }).isChecked(),
    true,
  );
  await tab(admin, 'Options').click();
  assert.equal(await admin.getByRole('combobox', { name: 'Language' }).inputValue(), 'sv');
  assert.equal(await admin.getByLabel('Minutes without a reply', { exact: true }).inputValue(), '3');
  assert.equal(await admin.getByLabel(/only identified visitors can start one/).isChecked(), true);
});

test('an empty rule value or a URL value with a query is refused next to the form, and nothing is saved', async () => {
  const before = await storedChatflow(chatflowId);
  await tab(admin, 'Target').click();
  const target = admin.getByRole('tabpanel', { name: 'Target' });
  await target.getByRole('button', { name: 'Add rule' }).click();
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  const alert = admin.getByRole('alert');
  await alert.getByText(/Filter group 1, rule 2: .*must not be empty/).waitFor();
  assert.equal(await target.getByRole('group', { name: 'Rule 2 of filter group 1' }).getByLabel('Value', { exact: true }).getAttribute('aria-invalid'), 'true');

  await target.getByRole('group', { name: 'Rule 2 of filter group 1' }).getByLabel('Value', { exact: true }).fill('/pricing?plan=pro');
  await alert.getByText(/Filter group 1, rule 2: .*query/).waitFor();
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await alert.getByText(/Filter group 1, rule 2/).waitFor();
  assert.deepEqual(await storedChatflow(chatflowId), before);

  // Fixed, it saves; the branding image can be removed too.
  await target.getByRole('button', { name: 'Remove rule 2 of filter group 1' }).click();
  await tab(admin, 'Build').click();
  await admin.getByRole('button', { name: 'Remove image' }).click();
  assert.equal(await admin.getByRole('img', { name: 'The current branding image' }).count(), 0);
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await admin.getByRole('alert').count(), 0);
  assert.equal((await storedChatflow(chatflowId)).settings.headingAvatarUrl, null);
});

/** The frame of the preview's iframe. */
async function previewFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe[title^="Chatflow preview"]').elementHandle();
  const frame = await handle?.contentFrame();
  assert.ok(frame, 'the preview has an iframe');
  return frame;
}

test('the preview gets the unsaved welcome message and accent colour', async () => {
  await tab(admin, 'Build').click();
  const iframe = admin.locator('iframe[title^="Chatflow preview"]');
  assert.match((await iframe.getAttribute('src')) ?? '', /^\/widget\/preview\//);
  const frame = await previewFrame(admin);
  await frame.waitForLoadState('load');
  // Whatever the preview page draws, the message it is sent must carry the unsaved draft.
  await frame.evaluate(() => {
    const seen: unknown[] = [];
    (window as any).__parleySeen = seen;
    addEventListener('message', (event) => seen.push(event.data));
  });
  await admin.getByLabel('Welcome message', { exact: true }).fill('Unsaved hello from the preview');
  await admin.getByLabel('Hex', { exact: true }).fill('#117733');
  await eventually(async () => {
    const seen: any[] = await frame.evaluate(() => (window as any).__parleySeen);
    const last = seen.filter((m) => m?.parley === 1 && m.type === 'preview:config').at(-1);
    assert.ok(last, 'a preview:config message arrived');
    assert.equal(last.data.config.welcomeMessage, 'Unsaved hello from the preview');
    assert.equal(last.data.config.accentColor, '#117733');
    assert.equal(last.data.config.language, 'sv');
    assert.equal(last.data.config.chatflowId, chatflowId);
    assert.equal(last.data.device, 'desktop');
    assert.equal(last.data.open, false);
  });
  await admin.getByRole('button', { name: 'Mobile' }).click();
  await admin.getByRole('button', { name: 'Open chat' }).click();
  assert.equal(await admin.getByRole('button', { name: 'Open chat' }).getAttribute('aria-pressed'), 'true');

  const previewServed = (await admin.request.get(`${cluster.url}/widget/preview/`)).ok();
  if (previewServed) {
    // The real widget in the preview page: the prompt with the unsaved welcome message (the saved
    // display is "launcher only"; the unsaved one shows the prompt), drawn in the unsaved accent
    // (locators pierce shadow roots).
    await admin.getByRole('button', { name: 'Desktop' }).click();
    await admin.getByRole('button', { name: 'Open chat' }).click();
    await tab(admin, 'Display').click();
    await admin
      .getByRole('group', { name: 'On desktop' })
      .getByLabel('Show the welcome message as a prompt above the launcher', { exact: true })
      .check();
    const frameNow = await previewFrame(admin);
    await frameNow.getByText('Unsaved hello from the preview').first().waitFor();
    await eventually(async () => {
      const accentUsed = await frameNow.evaluate(() => {
        const roots: Array<Document | ShadowRoot> = [document];
        for (const el of Array.from(document.querySelectorAll('*'))) if (el.shadowRoot) roots.push(el.shadowRoot);
        return roots.some((root) =>
          Array.from(root.querySelectorAll('*')).some((el) => getComputedStyle(el).backgroundColor === 'rgb(17, 119, 51)'),
        );
      });
      assert.ok(accentUsed, 'something in the preview is drawn in the unsaved accent colour');
    });
    assert.deepEqual(await seriousA11yViolations(frameNow), []);
  }
  assert.deepEqual(await seriousA11yViolations(admin), []);
  // Nothing of it was saved.
  assert.equal((await storedChatflow(chatflowId)).settings.welcomeMessage, 'Questions about pricing?');
});

test('the targeting question explains the decision, and moving the chatflow up changes it', async () => {
  const answer = admin.locator('.question-answer');
  assert.equal(await answer.getAttribute('aria-live'), 'polite');
  await admin.getByLabel('Page URL', { exact: true }).fill('/privacy');
  await answer.getByText('Does not show', { exact: true }).waitFor();
  await answer.getByText(/excluded by URL is "\/privacy"/).waitFor();

  // The default chatflow shows on every page and comes first, so /pricing gets that one.
  await admin.getByLabel('Page URL', { exact: true }).fill('/pricing/plans');
  await answer.getByText('Does not show', { exact: true }).waitFor();
  await answer.getByText(/"Default chatflow" comes first by priority and shows instead/).waitFor();

  // Leaving with unsaved changes asks first; staying keeps them.
  admin.once('dialog', (dialog) => void dialog.dismiss());
  await admin.getByRole('link', { name: 'All chatflows' }).click();
  assert.match(admin.url(), new RegExp(`/chatflows/${chatflowId}$`));
  admin.once('dialog', (dialog) => void dialog.accept());
  await admin.getByRole('link', { name: 'All chatflows' }).click();
  await admin.waitForURL(/\/inbox\/chatflows$/);

  await admin.getByRole('button', { name: 'Move Pricing chat up' }).click();
  await eventually(async () => {
    const names = await admin.locator('.chatflow-name').allInnerTexts();
    assert.deepEqual(names.slice(0, 2), ['Pricing chat', 'Default chatflow']);
  });
  const stored = await storedChatflow(chatflowId);
  const other = (await adminHttp('GET', `/api/admin/chatflows?siteId=${stored.siteId}`)).body.chatflows.find(
    (c: any) => c.name === 'Default chatflow',
  );
  assert.ok(stored.priority < other.priority, 'the new order is stored');

  await admin.locator('.chatflow-row', { hasText: 'Pricing chat' }).getByRole('link', { name: 'Pricing chat' }).click();
  await admin.getByLabel('Page URL', { exact: true }).fill('/pricing/plans');
  await answer.getByText('Shows', { exact: true }).waitFor();
  await answer.getByText(/"Pricing chat" shows: group 1 matched \(URL starts with "\/pricing"\)/).waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);
});

test('duplicate, unpublish from the list, delete after confirming', async () => {
  await admin.getByRole('link', { name: 'All chatflows' }).click();
  await admin.getByRole('button', { name: 'Duplicate Pricing chat' }).click();
  const copy = admin.locator('.chatflow-row').filter({ hasNot: admin.getByText(/^(Pricing chat|Default chatflow)$/) });
  await copy.first().waitFor();
  const copyName = await copy.first().locator('.chatflow-name').innerText();
  assert.match(copyName, /Pricing chat/);

  const row = admin.locator('.chatflow-row', { has: admin.getByRole('link', { name: 'Pricing chat', exact: true }) });
  const published = row.getByRole('switch', { name: 'Published' });
  assert.equal(await published.getAttribute('aria-checked'), 'true');
  await published.click();
  await eventually(async () => assert.equal(await published.getAttribute('aria-checked'), 'false'));
  assert.equal((await storedChatflow(chatflowId)).published, false);

  await admin.getByRole('button', { name: `Delete ${copyName}` }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByText('This cannot be undone').waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await admin.getByRole('link', { name: copyName, exact: true }).count(), 1);
  await admin.getByRole('button', { name: `Delete ${copyName}` }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Delete chatflow' }).click();
  await eventually(async () => assert.equal(await admin.getByRole('link', { name: copyName, exact: true }).count(), 0));
});

test('an agent given "May edit chatflows" can edit; one without it sees no editing controls', async () => {
  const asAdmin = { http: adminHttp } as unknown as AgentClient;
  const editor = await createUserAs(asAdmin, { email: 'edna@example.com', name: 'Edna Editor', password: 'edna-password-1' });
  const viewer = await createUserAs(asAdmin, { email: 'vic@example.com', name: 'Vic Viewer', password: 'vic-password-1' });

  await admin.getByRole('link', { name: 'Users' }).click();
  const ednaRow = admin.getByRole('row', { name: /Edna Editor/ });
  await ednaRow.getByLabel('May edit chatflows', { exact: true }).check();
  await eventually(async () => {
    const users = (await adminHttp('GET', '/api/users')).body.users;
    assert.deepEqual(users.find((u: any) => u.id === editor.id).permissions, ['chatflows:edit']);
  });
  assert.equal(await admin.getByRole('row', { name: /Vic Viewer/ }).getByLabel('May edit chatflows', { exact: true }).isChecked(), false);
  assert.deepEqual(await seriousA11yViolations(admin), []);

  const ednaPage = await signedInPage(bench, { viewport: { width: 1280, height: 900 }, as: editor });
  await ednaPage.getByRole('link', { name: 'Chatflows' }).click();
  await ednaPage.getByRole('button', { name: 'New chatflow' }).waitFor();
  await ednaPage.getByRole('link', { name: 'Pricing chat', exact: true }).click();
  await ednaPage.getByLabel('Welcome message', { exact: true }).fill('Edited by Edna');
  await ednaPage.getByRole('button', { name: 'Save', exact: true }).click();
  await ednaPage.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal((await storedChatflow(chatflowId)).settings.welcomeMessage, 'Edited by Edna');

  const vicPage = await signedInPage(bench, { viewport: { width: 1280, height: 900 }, as: viewer });
  await vicPage.getByRole('link', { name: 'Chatflows' }).click();
  await vicPage.getByRole('link', { name: 'Pricing chat', exact: true }).waitFor();
  await vicPage.getByText('only admins and users allowed to edit chatflows can change them').waitFor();
  assert.equal(await vicPage.getByRole('button', { name: 'New chatflow' }).count(), 0);
  assert.equal(await vicPage.getByRole('main').getByRole('switch').count(), 0);
  assert.equal(await vicPage.getByRole('button', { name: /^(Duplicate|Delete|Move) / }).count(), 0);
  assert.deepEqual(await seriousA11yViolations(vicPage), []);
  await vicPage.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);
  await vicPage.getByText('Ask an admin for the permission').waitFor();
  assert.equal(await vicPage.getByRole('tab').count(), 0);
  assert.equal(await vicPage.getByRole('button', { name: 'Save', exact: true }).count(), 0);
  // The server says the same.
  const vicHttp = httpAs(cluster.url, (await login(cluster.url, viewer.email, viewer.password)).cookie);
  assert.equal((await vicHttp('PATCH', `/api/admin/chatflows/${chatflowId}`, { name: 'Nope' })).status, 403);
  await ednaPage.context().close();
  await vicPage.context().close();
});

test('at 390 px the list, the editor and the Users page do not scroll sideways', async () => {
  const phone = await signedInPage(bench, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${cluster.url}/inbox/chatflows`);
  await phone.getByRole('button', { name: 'New chatflow' }).waitFor();
  await noHorizontalScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);
  for (const name of ['Build', 'Target', 'Display', 'Options']) {
    await tab(phone, name).click();
    await noHorizontalScroll(phone);
  }
  await tab(phone, 'Target').click();
  await phone.getByRole('button', { name: 'Add filter group' }).click();
  await phone.getByRole('button', { name: 'Add exclusion rule' }).click();
  await noHorizontalScroll(phone);
  // The preview sits below the form here, scaled to the screen.
  await phone.locator('iframe[title^="Chatflow preview"]').scrollIntoViewIfNeeded();
  await noHorizontalScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  phone.once('dialog', (dialog) => void dialog.accept());
  // Below 1024 px the navigation waits behind Menu.
  await phone.getByRole('button', { name: 'Menu' }).click();
  await phone.getByRole('link', { name: 'Users' }).click();
  await phone.getByRole('row', { name: /Edna Editor/ }).waitFor();
  await noHorizontalScroll(phone);
  await phone.context().close();
});
