/**
 * W6 targeting and W19 preview in real browsers against a real node (port 0, the drivers chosen
 * by PARLEY_TEST_DRIVERS). A customer's single-page shop on another origin embeds the widget;
 * two chatflows made over the admin REST API target different pages with different accents and
 * welcome messages: `/pricing?plan=pro` gets A, `/about` B, `/privacy` none (B's exclusion). A
 * `history.pushState` navigation re-decides without a page load; an open chat follows to the
 * other chatflow; unpublishing hides the widget live. The admin preview page draws a posted,
 * unsaved config at once and calls no API.
 *
 * Needs the built front ends (`npm run build`) and /usr/bin/chromium; nothing is skipped.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { loaderStrings } from '@parley/chatflow';
import type { PreviewMessage, WidgetConfig } from '@parley/protocol';
import type { Browser, Page } from 'playwright-core';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { startCluster, type TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser } from './browser.js';
import {
  adminWithEmptySite,
  createChatflow,
  display,
  expectView,
  markWindow,
  newPage,
  nextConfigAnswer,
  PHONE,
  report,
  rgb,
  staysView,
  step,
  stillSameWindow,
  visit,
  WAIT_MS,
  type Admin,
} from './chatflowDisplayKit.js';
import { startHostSite, type HostSite } from './hostPage.js';

const A = { accent: '#b91c1c', welcome: 'Questions about the Pro plan? Ask us.' };
const B = { accent: '#0f766e', welcome: 'Hello from the team behind the shop.' };

let cluster: TestCluster;
let host: HostSite;
let browser: Browser;
let admin: Admin;
let chatflowA = 0;
let chatflowB = 0;
const pageErrors: string[] = [];

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  host = await startHostSite(cluster.url, cluster.siteKey, { singlePageApp: true });
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await host?.close();
  await cluster?.close();
});

const shop = (path: string) => `${host.sameSiteUrl}${path}`;

step(`two chatflows with different targeting, accent and welcome, over the admin API (${DRIVERS})`, async () => {
  const site = await adminWithEmptySite(cluster);
  admin = site.admin;
  chatflowA = await createChatflow(admin, site.siteId, {
    name: 'Pro plan',
    priority: 1,
    accentColor: A.accent,
    welcomeMessage: A.welcome,
    display: display('prompt', 'prompt'),
    targeting: {
      groups: [[{ field: 'url', op: 'startsWith', value: '/pricing' }, { field: 'query', name: 'plan', value: 'pro' }]],
      exclusions: [],
    },
  });
  chatflowB = await createChatflow(admin, site.siteId, {
    name: 'Everywhere else',
    priority: 2,
    accentColor: B.accent,
    welcomeMessage: B.welcome,
    display: display('prompt', 'prompt'),
    targeting: { groups: [], exclusions: [{ field: 'url', op: 'is', value: '/privacy' }] },
  });
});

step('each page view gets its chatflow: /pricing?plan=pro A, /about B, /privacy none', async (t) => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/pricing?plan=pro'));
  await expectView(page, { launcher: true, accent: rgb(A.accent), prompt: A.welcome, launcherName: 'Open chat' }, 'A on /pricing?plan=pro');
  // The prompt is text, named by its text; the dismiss button is named in the chatflow's language.
  await page.getByRole('button', { name: A.welcome }).waitFor();
  await page.getByRole('button', { name: loaderStrings('en').dismissPrompt }).waitFor();
  await report(t, 'the host page with the prompt', page);

  await visit(page, shop('/pricing?plan=basic'));
  await expectView(page, { launcher: true, accent: rgb(B.accent), prompt: B.welcome }, 'another plan: not A, so B');
  await visit(page, shop('/about'));
  await expectView(page, { launcher: true, accent: rgb(B.accent), prompt: B.welcome }, 'B on /about');
  await visit(page, shop('/privacy'));
  await staysView(page, { launcher: false, prompt: null, chatOpen: false }, 500, 'nothing on /privacy');
  assert.equal(await page.locator('parley-widget').getByRole('button').count(), 0, 'no button of the widget is exposed');
});

step('a history.pushState navigation re-decides without a page load: /about → /privacy hides, → /pricing?plan=pro shows A', async () => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/about'));
  await expectView(page, { launcher: true, accent: rgb(B.accent), prompt: B.welcome }, 'B on /about');
  await markWindow(page);

  let answer = nextConfigAnswer(page);
  await page.getByRole('link', { name: 'Privacy' }).click();
  assert.equal(new URL((await answer).url()).searchParams.get('url'), shop('/privacy'), 'the loader asks for the new URL');
  await expectView(page, { launcher: false, prompt: null }, 'hidden on /privacy');

  answer = nextConfigAnswer(page);
  await page.getByRole('link', { name: 'Pricing' }).click();
  await answer;
  await expectView(page, { launcher: true, accent: rgb(A.accent), prompt: A.welcome }, 'A on /pricing?plan=pro');

  // The page's own History API calls still work as before.
  assert.equal(page.url(), shop('/pricing?plan=pro'));
  assert.deepEqual(await page.evaluate(() => history.state), { from: '/privacy' });
  // The back button (popstate) re-decides too.
  answer = nextConfigAnswer(page);
  await page.goBack();
  await answer;
  await expectView(page, { launcher: false, prompt: null }, 'back on /privacy');
  assert.equal(await stillSameWindow(page), true, 'no page load happened');
});

step('an open chat follows a navigation to another chatflow; minimized, the launcher is the new one', async () => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/pricing?plan=pro'));
  await page.getByRole('button', { name: 'Open chat' }).click();
  const frame = page.locator('parley-widget iframe');
  assert.match((await frame.getAttribute('src')) ?? '', new RegExp(`[?&]flow=${chatflowA}&lang=en(&|$)`));
  const chat = page.frameLocator('parley-widget iframe');
  await chat.getByRole('log').getByText(A.welcome).waitFor();

  const answer = nextConfigAnswer(page);
  await page.getByRole('link', { name: 'About' }).click();
  await answer;
  // The window stays open and the frame is told the new chatflow (config:changed).
  await chat.getByRole('log').getByText(B.welcome).waitFor();
  await expectView(page, { chatOpen: true, launcher: false }, 'still open');
  await chat.getByRole('button', { name: 'Minimize chat' }).click();
  await expectView(page, { chatOpen: false, launcher: true, accent: rgb(B.accent), prompt: null }, 'B’s launcher after minimizing');
});

step('edits show and unpublishing hides the widget without a reload; an open chat stays until minimized', async () => {
  const onAbout = await newPage(browser, pageErrors);
  await visit(onAbout, shop('/about'));
  await expectView(onAbout, { launcher: true, accent: rgb(B.accent) }, 'B on /about');
  const onPricing = await newPage(browser, pageErrors);
  await visit(onPricing, shop('/pricing?plan=pro'));
  await onPricing.getByRole('button', { name: 'Open chat' }).click();
  const chat = onPricing.frameLocator('parley-widget iframe');
  await chat.getByRole('log').getByText(A.welcome).waitFor();
  await markWindow(onAbout);
  await markWindow(onPricing);

  // An edit shows live too: new accent and welcome, and "launcher only" takes the prompt away.
  const edited = await admin('PATCH', `/api/admin/chatflows/${chatflowB}`, { settings: { accentColor: '#7c2d12', welcomeMessage: 'Edited welcome' } });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  await expectView(onAbout, { launcher: true, accent: rgb('#7c2d12'), prompt: 'Edited welcome' }, 'the edit, live');
  const launcherOnly = await admin('PATCH', `/api/admin/chatflows/${chatflowB}`, { settings: { display: display('launcher', 'launcher') } });
  assert.equal(launcherOnly.status, 200, JSON.stringify(launcherOnly.body));
  await expectView(onAbout, { launcher: true, prompt: null }, 'launcher only, live');

  const unpublishB = await admin('PATCH', `/api/admin/chatflows/${chatflowB}`, { published: false });
  assert.equal(unpublishB.status, 200, JSON.stringify(unpublishB.body));
  await expectView(onAbout, { launcher: false, prompt: null }, 'B unpublished: gone from /about');
  assert.equal(await stillSameWindow(onAbout), true, 'without a reload');

  const unpublishA = await admin('PATCH', `/api/admin/chatflows/${chatflowA}`, { published: false });
  assert.equal(unpublishA.status, 200, JSON.stringify(unpublishA.body));
  // The config request after the stream's event answers null; the open window is left alone.
  await eventually(async () => {
    const answer = await onPricing.evaluate(async (url) => (await fetch(url)).json(), `${cluster.url}/api/widget/config?siteKey=${cluster.siteKey}&url=${encodeURIComponent(shop('/pricing?plan=pro'))}&device=desktop`);
    assert.equal(answer.config, null);
  }, WAIT_MS);
  await staysView(onPricing, { chatOpen: true }, 1000, 'the open chat stays');
  await chat.getByRole('button', { name: 'Minimize chat' }).click();
  await expectView(onPricing, { chatOpen: false, launcher: false, prompt: null }, 'minimized: nothing left');
  assert.equal(await stillSameWindow(onPricing), true, 'without a reload');

  // Published again, as they were, for the steps after this one.
  const restoreB = { accentColor: B.accent, welcomeMessage: B.welcome, display: display('prompt', 'prompt') };
  assert.equal((await admin('PATCH', `/api/admin/chatflows/${chatflowB}`, { published: true, settings: restoreB })).status, 200);
  assert.equal((await admin('PATCH', `/api/admin/chatflows/${chatflowA}`, { published: true })).status, 200);
});

/** The unsaved config the dashboard would post. */
function previewConfig(patch: Partial<WidgetConfig> = {}): WidgetConfig {
  return {
    siteKey: cluster.siteKey,
    chatflowId: chatflowA,
    language: 'fi',
    version: 1,
    accentColor: '#6d28d9',
    welcomeMessage: 'Tervetuloa! <b>Tämä</b> on esikatselu.',
    heading: { title: 'Tiimimme', people: [{ name: 'Aino', avatarUrl: null }] },
    brandAsAgentAlias: false,
    display: display('promptThenOpen', 'prompt', { secondsOnPage: 60 }),
    unreadSound: false,
    unreadTitleFlash: true,
    loaderStrings: loaderStrings('fi'),
    emailCapture: { mode: 'never', minutes: 5, prompt: '', visitorHasEmail: false },
    loginOnly: { mode: 'off', visitorIdentified: false },
    availability: { state: 'available', hideLauncher: false, message: null, typicalReplyTime: null, returnsAt: null },
    ...patch,
  };
}

/** Posts like the dashboard does; here the preview page is the top window, its own parent. */
async function postPreview(page: Page, message: PreviewMessage): Promise<void> {
  await page.evaluate((data) => window.postMessage(data, location.origin), message);
}

step('the admin preview page draws a posted, unsaved config at once, opens the chat on request and calls no API', async (t) => {
  const page = await newPage(browser, pageErrors);
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/realtime')) calls.push(url.pathname);
  });
  // What the page's window receives (as the admin page would, being its parent).
  await page.addInitScript(() => {
    const seen: unknown[] = ((window as unknown as { seen: unknown[] }).seen = []);
    addEventListener('message', (event) => seen.push(event.data));
  });
  const response = await page.goto(`${cluster.url}/widget/preview/?site=${cluster.siteKey}`);
  assert.equal(response?.status(), 200);
  const headers = response!.headers();
  assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'self'/, 'only Parley may frame the preview page');
  assert.equal(headers['x-frame-options'], 'SAMEORIGIN');
  await eventually(async () => {
    const seen = await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
    assert.deepEqual(seen[0], { parley: 1, type: 'preview:ready', data: {} }, 'the loader says it is ready');
  }, WAIT_MS);

  await postPreview(page, { parley: 1, type: 'preview:config', data: { config: previewConfig(), device: 'desktop', open: false } });
  // At once, although the chatflow waits 60 s before opening; the markup in it stays text.
  await expectView(page, { launcher: true, accent: rgb('#6d28d9'), prompt: 'Tervetuloa! <b>Tämä</b> on esikatselu.', launcherName: 'Avaa chat', chatOpen: false }, 'the posted config, in Finnish');
  await page.getByRole('button', { name: 'Sulje viesti' }).waitFor();
  await report(t, 'the preview page with the prompt', page);

  // Launcher only: no prompt; then the phone behaviour of the same config.
  await postPreview(page, { parley: 1, type: 'preview:config', data: { config: previewConfig({ display: display('launcher', 'prompt') }), device: 'desktop', open: false } });
  await expectView(page, { launcher: true, prompt: null }, 'launcher only on desktop');
  await postPreview(page, { parley: 1, type: 'preview:config', data: { config: previewConfig({ display: display('launcher', 'prompt') }), device: 'mobile', open: false } });
  await expectView(page, { launcher: true, prompt: 'Tervetuloa! <b>Tämä</b> on esikatselu.' }, 'the prompt on a phone');

  // Open: the chat frame in preview mode, told every new config.
  await postPreview(page, { parley: 1, type: 'preview:config', data: { config: previewConfig(), device: 'desktop', open: true } });
  await expectView(page, { chatOpen: true }, 'opened by the admin page');
  assert.match((await page.locator('parley-widget iframe').getAttribute('src')) ?? '', /&preview=1$/);
  const chat = page.frameLocator('parley-widget iframe');
  await chat.getByRole('heading', { name: 'Tiimimme' }).waitFor();
  await postPreview(page, { parley: 1, type: 'preview:config', data: { config: previewConfig({ heading: { title: 'Uusi otsikko', people: [] } }), device: 'desktop', open: true } });
  await chat.getByRole('heading', { name: 'Uusi otsikko' }).waitFor();
  await postPreview(page, { parley: 1, type: 'preview:config', data: { config: previewConfig(), device: 'desktop', open: false } });
  await expectView(page, { chatOpen: false, launcher: true }, 'closed by the admin page');

  assert.deepEqual(calls, [], 'neither the preview page nor its chat frame calls the API');
});

step('the preview page takes configs from its parent window only', async () => {
  const page = await newPage(browser, pageErrors);
  await page.goto(`${cluster.url}/widget/preview/?site=${cluster.siteKey}`);
  // A window inside the preview page (same origin, but not its parent) posts a config.
  await page.evaluate(() => document.body.append(document.createElement('iframe')));
  const child = page.frames().find((frame) => frame !== page.mainFrame());
  assert.ok(child, 'the inner window');
  const message: PreviewMessage = { parley: 1, type: 'preview:config', data: { config: previewConfig(), device: 'desktop', open: true } };
  await child.evaluate(([data, origin]) => window.parent.postMessage(data, origin), [message, new URL(cluster.url).origin] as const);
  await staysView(page, { launcher: false, chatOpen: false }, 500, 'nothing drawn');
});

step('phone width: the prompt fits the screen', async () => {
  const page = await newPage(browser, pageErrors, { viewport: PHONE });
  await visit(page, shop('/about'));
  await expectView(page, { launcher: true, prompt: B.welcome }, 'B prompts on a phone');
  const box = await page.locator('parley-widget').evaluate((host) => {
    const rect = host.shadowRoot!.querySelector('div')!.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  });
  assert.ok(box.left >= 0 && box.right <= PHONE.width, `the prompt fits the phone: ${JSON.stringify(box)}`);
});

step('no script errors in any page or frame', async () => {
  assert.deepEqual(pageErrors, []);
});
