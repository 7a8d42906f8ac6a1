/**
 * The pure parts of the chatflow editor's preview (W19): the widget config built from an unsaved
 * draft, and the "would this chatflow show?" answer over the site's chatflows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DISPLAY, loaderStrings } from '@parley/chatflow';
import type { ChatflowTargeting, ChatflowWidgetSettings, FlowBranch, UserSummary } from '@parley/protocol';
import { previewConfig, previewMessage } from '../src/components/chatflows/previewConfig.js';
import { answerTargeting, pageUrl } from '../src/components/chatflows/targetingQuestion.js';

const settings: ChatflowWidgetSettings = {
  accentColor: '#117733',
  headingMode: 'branding',
  headingName: 'Pricing team',
  headingAvatarUrl: '/files/abc',
  headingUserIds: [],
  brandAsAgentAlias: true,
  welcomeMessage: 'Unsaved hello',
  display: DEFAULT_DISPLAY,
  unreadSound: true,
  unreadTitleFlash: false,
  emailCapture: 'beforeFirstMessage',
  emailCaptureMinutes: 5,
  emailCapturePrompt: 'Email first',
  loginOnly: 'off',
};

const user = (id: number, name: string): UserSummary => ({
  id,
  name,
  email: `${id}@example.com`,
  avatarUrl: `/files/u${id}`,
  role: 'agent',
  availability: 'online',
  awayReason: null,
  connected: true,
  skills: [],
  maxChats: 3,
  active: true,
  permissions: [],
});

test('the preview config carries the draft, the language strings and an available chat', () => {
  const config = previewConfig({ chatflowId: 7, siteKey: 'key', language: 'fi', settings, users: [], now: 42 });
  assert.equal(config.accentColor, '#117733');
  assert.equal(config.welcomeMessage, 'Unsaved hello');
  assert.deepEqual(config.heading, { title: 'Pricing team', people: [{ name: 'Pricing team', avatarUrl: '/files/abc' }] });
  assert.equal(config.brandAsAgentAlias, true);
  assert.deepEqual([config.unreadSound, config.unreadTitleFlash], [true, false]);
  assert.deepEqual(config.loaderStrings, loaderStrings('fi'));
  assert.equal(config.version, 42);
  assert.equal(config.availability.state, 'available');
  assert.equal(config.availability.hideLauncher, false);
  // The display is a copy: editing the draft later does not change a config already sent.
  assert.notEqual(config.display, settings.display);
});

test('the users heading shows the chosen users in order; none known falls back to the branding', () => {
  const users = [user(1, 'Aino'), user(2, 'Bo')];
  const chosen = previewConfig({ chatflowId: 7, siteKey: 'k', language: 'en', settings: { ...settings, headingMode: 'users', headingUserIds: [2, 1, 99] }, users, now: 1 });
  assert.deepEqual(chosen.heading, {
    title: 'Bo, Aino',
    people: [
      { name: 'Bo', avatarUrl: '/files/u2' },
      { name: 'Aino', avatarUrl: '/files/u1' },
    ],
  });
  const unknown = previewConfig({ chatflowId: 7, siteKey: 'k', language: 'en', settings: { ...settings, headingMode: 'users', headingUserIds: [99] }, users, now: 1 });
  assert.equal(unknown.heading.title, 'Pricing team');
  const owner = previewConfig({ chatflowId: 7, siteKey: 'k', language: 'en', settings: { ...settings, headingMode: 'owner' }, users, now: 1 });
  assert.equal(owner.heading.title, 'Pricing team');
});

test('tablets preview with the desktop behaviour', () => {
  const config = previewConfig({ chatflowId: 7, siteKey: 'k', language: 'en', settings, users: [], now: 1 });
  assert.equal(previewMessage(config, 'tablet', false).data.device, 'desktop');
  assert.equal(previewMessage(config, 'mobile', true).data.device, 'mobile');
  assert.deepEqual(Object.keys(previewMessage(config, 'desktop', true)).sort(), ['data', 'parley', 'type']);
});

test('page addresses: paths against the site, bare hosts as https, nonsense refused', () => {
  assert.equal(pageUrl('/privacy', 'https://shop.example'), 'https://shop.example/privacy');
  assert.equal(pageUrl('/pricing?plan=pro', 'https://shop.example'), 'https://shop.example/pricing?plan=pro');
  assert.equal(pageUrl('shop.example/help', 'https://x.example'), 'https://shop.example/help');
  assert.equal(pageUrl('http://other.example/a', 'https://shop.example'), 'http://other.example/a');
  assert.equal(pageUrl('   ', 'https://shop.example'), null);
  assert.equal(pageUrl('http://', 'https://shop.example'), null);
});

const pricing: ChatflowTargeting = {
  groups: [[{ field: 'url', op: 'startsWith', value: '/pricing' }]],
  exclusions: [{ field: 'url', op: 'is', value: '/privacy' }],
};
const draft = { id: 2, name: 'Pricing chat', published: true, priority: 1, targeting: pricing };
const everyPage = { id: 1, name: 'Default', published: true, priority: 0, targeting: { groups: [], exclusions: [] } };
const desktop = (url: string) => ({ url: `https://shop.example${url}`, device: 'desktop' as const, known: false });

test('the answer uses the unsaved draft in place of its saved self and names what decided', () => {
  const saved = { ...draft, targeting: { groups: [], exclusions: [] } };
  const shows = answerTargeting(draft, [saved], desktop('/pricing/plans'));
  assert.equal(shows.shows, true);
  assert.match(shows.sentences.join(' '), /"Pricing chat" shows: group 1 matched \(URL starts with "\/pricing"\)/);

  const excluded = answerTargeting(draft, [saved], desktop('/privacy'));
  assert.equal(excluded.shows, false);
  assert.match(excluded.sentences.join(' '), /excluded by URL is "\/privacy"/);
});

test('a higher-priority chatflow that shows first is named, with what the draft alone would do', () => {
  const answer = answerTargeting(draft, [everyPage, draft], desktop('/pricing'));
  assert.equal(answer.shows, false);
  assert.match(answer.sentences[0], /"Default" shows/);
  assert.match(answer.sentences.at(-1)!, /"Default" comes first by priority and shows instead\. On its own: "Pricing chat" shows/);
});

test('an unpublished draft is answered as if published, and the answer says it is not', () => {
  const answer = answerTargeting({ ...draft, published: false }, [], desktop('/pricing'));
  assert.equal(answer.shows, true);
  assert.match(answer.sentences.at(-1)!, /not published yet/);
  // Other unpublished chatflows still never show.
  const other = answerTargeting(draft, [{ ...everyPage, published: false }], desktop('/pricing'));
  assert.equal(other.shows, true);
  assert.match(other.sentences[0], /"Default" is skipped: not published/);
});

test("the preview shows the draft flow's opening (W8); no flow, no opening", () => {
  const flow: FlowBranch = [
    { type: 'message', text: 'Unsaved hello from the flow' },
    { id: 'topic', type: 'question', text: 'What brings you here?', answers: [{ label: 'Sales', cards: [] }, { label: 'Support', cards: [] }] },
  ];
  const config = previewConfig({ chatflowId: 7, siteKey: 'k', language: 'en', settings, flow, users: [], now: 1 });
  assert.deepEqual(config.flowOpening, { messages: ['Unsaved hello from the flow'], question: { cardId: 'topic', text: 'What brings you here?', answers: ['Sales', 'Support'] } });
  assert.deepEqual(previewConfig({ chatflowId: 7, siteKey: 'k', language: 'en', settings, users: [], now: 1 }).flowOpening, { messages: [], question: null });
});
