/**
 * W16 and W19 in real browsers against a real node (port 0, the drivers chosen by
 * PARLEY_TEST_DRIVERS): a customer's page on another origin embeds the widget; chatflows in
 * Finnish and Swedish, created through the admin REST API and targeted by a query parameter, show
 * the chat window in their language (the send button's accessible name, the default welcome
 * text, dates, the line an agent joining posts), and the browser downloads only that language's
 * strings. The admin preview's chat
 * frame (`preview=1`) draws a posted, unsaved config and never creates a visitor.
 *
 * Steps run in order and build on each other; after a failed one the rest fail fast.
 * Needs the built front ends (`npm run build`) and /usr/bin/chromium; nothing is skipped.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before } from 'node:test';
import { defaultChatflowTexts, loaderStrings } from '@parley/chatflow';
import type { Chatflow, ChatflowLanguage, WidgetConfig } from '@parley/protocol';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import type { TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertAccessible, eventually } from './browser.js';
import { CHAT_FRAME, chatFrame, chatOf, failFastSteps, openChat, startChatScene, WAIT_MS, type ChatScene } from './chatKit.js';
import type { HostSite } from './hostPage.js';

const step = failFastSteps(30_000);
/** Where the frame's per-language string chunks are built (apps/widget/vite.config.ts). */
const LANGUAGE_CHUNK = /\/widget\/frame\/assets\/lang\/([a-z]{2})-[^/]*\.js$/;

let scene: ChatScene;
let cluster: TestCluster;
let host: HostSite;
let preview: PreviewHost;
let admin: ReturnType<typeof httpAs>;
let adminUserId = 0;
/** The Finnish step's chat window, still open for the step after it. */
let finnishChat: FrameLocator | null = null;
let siteId = 0;
const chatflowIds: Partial<Record<ChatflowLanguage, number>> = {};

before(async () => {
  scene = await startChatScene();
  ({ cluster, host } = scene);
  const session = await login(cluster.url);
  admin = httpAs(cluster.url, session.cookie);
  adminUserId = session.userId;
  preview = await startPreviewHost(cluster.url, cluster.siteKey);
}, { timeout: 30_000 });

after(async () => {
  await preview?.close();
  await scene?.close();
});

/** A page in its own context (its own visitor), 390 px wide: the phone the budget is about. */
const newPage = (): Promise<Page> => scene.newPage({ viewport: { width: 390, height: 844 } });

/** The languages whose string chunk the page (any of its frames) asked for, in order. */
function languageChunks(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const match = LANGUAGE_CHUNK.exec(new URL(request.url()).pathname);
    if (match) seen.push(match[1]!);
  });
  return seen;
}

async function noHorizontalScroll(target: Page | Frame, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await target.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what} scrolls sideways: ${scrollWidth} > ${clientWidth}`);
}

async function countVisitors(): Promise<number> {
  const db = cluster.nodes[0]!.server.ctx.storage.db;
  const row = await db.selectFrom('visitors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function createChatflow(language: ChatflowLanguage): Promise<void> {
  const created = await admin('POST', '/api/admin/chatflows', {
    siteId,
    name: `Chatflow ${language}`,
    language,
    published: true,
    priority: 0,
    // Only on pages with ?lang=<language>, so each language has its own page on the host site.
    targeting: { groups: [[{ field: 'query', name: 'lang', value: language }]], exclusions: [] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const chatflow = (created.body as { chatflow: Chatflow }).chatflow;
  assert.equal(chatflow.language, language);
  assert.equal(chatflow.settings.welcomeMessage, defaultChatflowTexts(language).welcomeMessage, 'new chatflows start with texts in their language');
  chatflowIds[language] = chatflow.id;
}

/** Opens the host page's chat on a page targeted at `language` and waits for the window. */
async function openChatIn(page: Page, language: ChatflowLanguage): Promise<FrameLocator> {
  const chat = await openChat(page, `${host.sameSiteUrl}/?lang=${language}`, loaderStrings(language).openChat);
  await chat.getByRole('log').waitFor();
  return chat;
}

step(`chatflows in Finnish and Swedish, targeted by ?lang=, over the admin API (${DRIVERS})`, async () => {
  const sites = await admin('GET', '/api/admin/sites');
  assert.equal(sites.status, 200, JSON.stringify(sites.body));
  const site = (sites.body as { sites: Array<{ id: number; siteKey: string }> }).sites.find((s) => s.siteKey === cluster.siteKey);
  assert.ok(site, 'the test site is listed');
  siteId = site.id;
  // The site's existing chatflow shows on every page; it goes last so the targeted ones win.
  const listed = await admin('GET', `/api/admin/chatflows?siteId=${siteId}`);
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  for (const chatflow of (listed.body as { chatflows: Chatflow[] }).chatflows) {
    const moved = await admin('PATCH', `/api/admin/chatflows/${chatflow.id}`, { priority: 100 });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  }
  await createChatflow('fi');
  await createChatflow('sv');
});

step('a Finnish chatflow: the window speaks Finnish and only the Finnish strings are downloaded', async (t) => {
  const page = await newPage();
  const chunks = languageChunks(page);
  const chat = await openChatIn(page, 'fi');
  const { welcomeMessage } = defaultChatflowTexts('fi');

  // The send button's accessible name is the contract.
  await chat.getByRole('button', { name: 'Lähetä', exact: true }).waitFor();
  const log = chat.getByRole('log', { name: 'Viestit' });
  await log.getByText(welcomeMessage).waitFor();
  await chat.getByRole('button', { name: 'Pienennä chat' }).waitFor();
  const frame = await chatFrame(page);
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'fi');
  assert.equal(await frame.evaluate(() => document.title), 'Chat');
  assert.equal(await chat.getByRole('button', { name: 'Send', exact: true }).count(), 0, 'no English left');

  // A message's time in Finnish form ("14.05"), and the conversation starts in this chatflow.
  await chat.getByRole('textbox', { name: 'Viesti' }).fill('Hei, onko tämä tuote varastossa?');
  await chat.getByRole('button', { name: 'Lähetä' }).click();
  const own = log.locator('.msg.own').filter({ hasText: 'Hei, onko tämä tuote varastossa?' });
  await eventually(async () => assert.match(await own.locator('time').innerText(), /^\d{1,2}\.\d{2}$/), WAIT_MS);
  await eventually(async () => assert.equal(await log.locator('.msg.own.pending').count(), 0), WAIT_MS);

  assert.deepEqual(chunks, ['fi'], 'exactly one language chunk, the Finnish one');
  await noHorizontalScroll(frame, 'the Finnish chat window');
  await assertAccessible(t, 'the Finnish chat window', frame);
  finnishChat = chat;
});

step('an agent takes the Finnish chat: the window says so in Finnish', async () => {
  assert.ok(finnishChat, 'the Finnish chat window is open');
  const db = cluster.nodes[0]!.server.ctx.storage.db;
  const conversation = await db.selectFrom('conversations').select('id').where('chatflow_id', '=', chatflowIds.fi!).executeTakeFirstOrThrow();
  const me = await admin('GET', '/api/me');
  const name = (me.body as { user: { name: string } }).user.name;
  const assigned = await admin('POST', `/api/conversations/${conversation.id}/assign`, { userId: adminUserId });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  const log = finnishChat.getByRole('log', { name: 'Viestit' });
  await log.locator('.system').getByText(`${name} liittyi keskusteluun`).waitFor();
  assert.equal(await log.getByText('joined the chat').count(), 0, 'not the English line the server stores');
});

step('a Swedish chatflow: "Skicka", the Swedish welcome, only the Swedish strings', async (t) => {
  const page = await newPage();
  const chunks = languageChunks(page);
  const chat = await openChatIn(page, 'sv');
  await chat.getByRole('button', { name: 'Skicka', exact: true }).waitFor();
  await chat.getByRole('log', { name: 'Meddelanden' }).getByText(defaultChatflowTexts('sv').welcomeMessage).waitFor();
  await chat.getByRole('textbox', { name: 'Meddelande' }).waitFor();
  const frame = await chatFrame(page);
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'sv');
  assert.deepEqual(chunks, ['sv']);

  // The frame names the chatflow it shows when the visitor writes, so the chat starts in the
  // Swedish one, although the Finnish one comes first on the site (same priority, older).
  await chat.getByRole('textbox', { name: 'Meddelande' }).fill('Hej, har ni öppet i helgen?');
  await chat.getByRole('button', { name: 'Skicka' }).click();
  const db = cluster.nodes[0]!.server.ctx.storage.db;
  await eventually(async () => {
    const rows = await db.selectFrom('conversations').select('chatflow_id').orderBy('id').execute();
    assert.deepEqual(rows.map((row) => row.chatflow_id), [chatflowIds.fi, chatflowIds.sv]);
  }, WAIT_MS);
  await assertAccessible(t, 'the Swedish chat window', frame);
});

step('preview: the frame draws a posted config, sends nothing and creates no visitor', async (t) => {
  const visitorsBefore = await countVisitors();
  const page = await newPage();
  const chunks = languageChunks(page);
  /** Every request of the page and its frame that is not a static file of the chat frame. */
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(cluster.url).origin && !url.pathname.startsWith('/widget/frame/')) calls.push(url.pathname);
  });
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));

  await page.goto(`${preview.url}/?lang=de`);
  await eventually(async () => assert.equal(await page.evaluate(() => (window as unknown as { frameReady?: boolean }).frameReady), true), WAIT_MS);
  const chat = chatOf(page);
  // No config yet: the window waits, in the language of the URL.
  await chat.getByText('Wird geladen…').waitFor();

  const config: WidgetConfig = {
    siteKey: cluster.siteKey,
    chatflowId: chatflowIds.fi!,
    language: 'de',
    version: 1,
    accentColor: '#0b6e4f',
    welcomeMessage: 'Willkommen in der Vorschau!',
    heading: { title: 'Unser Team (ungespeichert)', people: [{ name: 'Greta Berg', avatarUrl: null }] },
    brandAsAgentAlias: false,
    display: { desktop: 'prompt', mobile: 'prompt', triggers: { exitIntent: false, secondsOnPage: null, scrollPercent: null } },
    unreadSound: false,
    unreadTitleFlash: true,
    loaderStrings: loaderStrings('de'),
    emailCapture: { mode: 'never', minutes: 5, prompt: '', visitorHasEmail: false },
    loginOnly: { mode: 'off', visitorIdentified: false },
    availability: { state: 'available', hideLauncher: false, message: null, typicalReplyTime: 'hour', returnsAt: null },
  };
  await postConfig(page, config);
  await chat.getByRole('heading', { name: 'Unser Team (ungespeichert)' }).waitFor();
  await chat.getByText('GB', { exact: true }).waitFor(); // the face without an image: initials
  await chat.getByRole('log', { name: 'Nachrichten' }).getByText('Willkommen in der Vorschau!').waitFor();
  await chat.getByText('Antwortet normalerweise innerhalb einer Stunde').waitFor();
  await chat.getByText('Vorschau: Nachrichten werden nicht gesendet.').waitFor();
  const frame = await chatFrame(page);
  assert.equal(
    await frame.evaluate(() => getComputedStyle(document.querySelector('.header')!).backgroundColor),
    'rgb(11, 110, 79)',
    'the posted accent colour',
  );

  // Writing shows the message as the visitor would see it, and nothing leaves the page.
  await chat.getByRole('textbox', { name: 'Nachricht' }).fill('Eine Testnachricht');
  await chat.getByRole('button', { name: 'Senden', exact: true }).click();
  await chat.locator('.msg.own').getByText('Eine Testnachricht').waitFor();
  await assertAccessible(t, 'the preview chat window', frame);
  await noHorizontalScroll(frame, 'the preview chat window');

  // An edit in the dashboard arrives as another config: applied live, a new language included.
  await postConfig(page, {
    ...config,
    language: 'fi',
    welcomeMessage: 'Tervetuloa esikatseluun!',
    heading: { title: 'Tiimimme', people: [] },
    availability: { ...config.availability, state: 'away', message: 'Olemme poissa.', typicalReplyTime: null },
  });
  await chat.getByRole('heading', { name: 'Tiimimme' }).waitFor();
  await chat.getByRole('button', { name: 'Lähetä', exact: true }).waitFor();
  await chat.getByText('Tervetuloa esikatseluun!').waitFor();
  await chat.getByText('Olemme poissa.').waitFor();
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'fi');

  assert.deepEqual(chunks, ['de', 'fi'], 'one chunk per language shown, each once');
  assert.deepEqual(calls, [], 'the preview frame calls no API');
  assert.deepEqual(sockets, [], 'the preview frame opens no socket');
  assert.equal(await countVisitors(), visitorsBefore, 'the preview created no visitor');
});

step("preview through the loader's preview page: the unsaved config reaches the frame, no visitor", async (t) => {
  const visitorsBefore = await countVisitors();
  const page = await newPage();
  const chunks = languageChunks(page);
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/widget/')) calls.push(url.pathname);
  });
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  // The dashboard frames this page; opened on its own, the page is its own parent, so a message
  // it posts to itself is what the dashboard's would be.
  await page.goto(`${cluster.url}/widget/preview/?site=${encodeURIComponent(cluster.siteKey)}`);
  const config: WidgetConfig = {
    siteKey: cluster.siteKey,
    chatflowId: 0, // not saved yet
    language: 'it',
    version: 0,
    accentColor: '#7a1fa2',
    welcomeMessage: 'Benvenuti nella bozza!',
    heading: { title: 'Il nostro team', people: [] },
    brandAsAgentAlias: false,
    display: { desktop: 'launcher', mobile: 'launcher', triggers: { exitIntent: false, secondsOnPage: null, scrollPercent: null } },
    unreadSound: false,
    unreadTitleFlash: true,
    loaderStrings: loaderStrings('it'),
    emailCapture: { mode: 'never', minutes: 5, prompt: '', visitorHasEmail: false },
    loginOnly: { mode: 'off', visitorIdentified: false },
    availability: { state: 'available', hideLauncher: false, message: null, typicalReplyTime: 'minutes', returnsAt: null },
  };
  await eventually(async () => {
    await page.evaluate((data) => window.postMessage({ parley: 1, type: 'preview:config', data }, location.origin), {
      config,
      device: 'mobile' as const,
      open: true,
    });
    assert.equal(await page.locator(CHAT_FRAME).count(), 1);
  }, WAIT_MS);
  const chat = chatOf(page);
  await chat.getByRole('heading', { name: 'Il nostro team' }).waitFor();
  await chat.getByText('Benvenuti nella bozza!').waitFor();
  await chat.getByRole('button', { name: 'Invia', exact: true }).waitFor();
  await chat.getByText('Anteprima: i messaggi non vengono inviati.').waitFor();
  await assertAccessible(t, 'the chat window in the preview page', await chatFrame(page));
  assert.deepEqual(chunks, ['it']);
  assert.deepEqual(calls, [], 'nothing but static files');
  assert.deepEqual(sockets, []);
  assert.equal(await countVisitors(), visitorsBefore, 'no visitor');
});

step('a chatflow unpublished since the loader chose it: the window says chat is not available', async (t) => {
  const unpublished = await admin('PATCH', `/api/admin/chatflows/${chatflowIds.sv}`, { published: false });
  assert.equal(unpublished.status, 200, JSON.stringify(unpublished.body));
  const page = await newPage();
  // The frame as the loader would have opened it for the Swedish chatflow a moment earlier.
  await page.goto(`${cluster.url}/widget/frame/index.html?site=${encodeURIComponent(cluster.siteKey)}&flow=${chatflowIds.sv}&lang=sv`);
  await page.getByRole('status').getByText('Chatten är inte tillgänglig just nu. Försök igen senare.').waitFor();
  assert.equal(await page.getByRole('textbox').count(), 0, 'no composer');
  assert.equal(await page.getByRole('log').count(), 0, 'no thread');
  await page.getByRole('button', { name: 'Minimera chatten' }).waitFor();
  await assertAccessible(t, 'the unavailable chat window', page);
});

step('no script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});

/** Posts `config:changed` to the chat frame the way the loader does, to Parley's exact origin. */
async function postConfig(page: Page, config: WidgetConfig): Promise<void> {
  await page.evaluate(
    ([origin, data]) => {
      const frame = document.querySelector('iframe')!;
      frame.contentWindow!.postMessage({ parley: 1, type: 'config:changed', data }, origin);
    },
    [new URL(cluster.url).origin, config] as const,
  );
}

interface PreviewHost {
  url: string;
  close(): Promise<void>;
}

/**
 * A page on another origin that frames the chat window in preview mode, as the loader's preview
 * page does, and notes when the frame says it is ready. The language comes from `?lang=`.
 */
async function startPreviewHost(parleyUrl: string, siteKey: string): Promise<PreviewHost> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== '/') {
      response.writeHead(404).end();
      return;
    }
    const origin = `http://${request.headers.host}`;
    const frameUrl = `${parleyUrl}/widget/frame/index.html?site=${encodeURIComponent(siteKey)}&host=${encodeURIComponent(origin)}&lang=${encodeURIComponent(url.searchParams.get('lang') ?? 'en')}&preview=1`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Preview</title>
<style>html, body { margin: 0; height: 100% } iframe { border: 0; width: 100%; height: 100% }</style></head>
<body><main><iframe title="Chat preview" src="${frameUrl.replace(/&/g, '&amp;')}"></iframe></main>
<script>
  addEventListener('message', (event) => {
    if (event.origin === ${JSON.stringify(new URL(parleyUrl).origin)} && event.data && event.data.type === 'frame:ready') window.frameReady = true;
  });
</script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
