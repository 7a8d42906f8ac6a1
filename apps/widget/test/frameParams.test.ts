/**
 * What the chat frame reads from the loader: its URL (`site`, `host`, `flow`, `lang`, `preview`)
 * and a chatflow config (from the server or a `config:changed` posted by the host page). Run with
 * `node --import tsx --test apps/widget/test/frameParams.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WidgetConfig } from '@parley/protocol';
import { readFrameParams } from '../src/frame/params';
import { readWidgetConfig } from '../src/frame/state/widgetConfig';

test('the loader URL of a chatflow: site, host, flow, language', () => {
  assert.deepEqual(readFrameParams('?site=abc&host=https%3A%2F%2Fshop.example&flow=12&lang=fi'), {
    siteKey: 'abc',
    hostOrigin: 'https://shop.example',
    chatflowId: 12,
    language: 'fi',
    preview: false,
  });
});

test('an older loader sends neither flow nor lang', () => {
  const params = readFrameParams('?site=abc&host=http://127.0.0.1:8080');
  assert.equal(params.chatflowId, null);
  assert.equal(params.language, null);
  assert.equal(params.hostOrigin, 'http://127.0.0.1:8080');
});

test('flow must be a positive integer', () => {
  for (const flow of ['0', '-1', '1.5', '1e3', 'abc', '', ' 7', '07', '99999999999999999999']) {
    assert.equal(readFrameParams(`?site=a&flow=${encodeURIComponent(flow)}`).chatflowId, null, flow);
  }
  assert.equal(readFrameParams('?site=a&flow=9007199254740991').chatflowId, 9007199254740991);
});

test('lang: one of the eight languages, anything else counts as English', () => {
  for (const lang of ['en', 'fi', 'sv', 'it', 'pl', 'de', 'fr', 'es'] as const) {
    assert.equal(readFrameParams(`?lang=${lang}`).language, lang);
  }
  for (const lang of ['FI', 'fi-FI', 'xx', '', 'toString', '__proto__']) {
    assert.equal(readFrameParams(`?lang=${lang}`).language, 'en', lang);
  }
});

test('preview only with preview=1', () => {
  assert.equal(readFrameParams('?site=a&preview=1').preview, true);
  for (const value of ['0', 'true', '', 'yes']) assert.equal(readFrameParams(`?site=a&preview=${value}`).preview, false, value);
  assert.equal(readFrameParams('?site=a').preview, false);
});

test('host must be a bare http(s) origin', () => {
  for (const host of ['https://shop.example/', 'https://shop.example/path', 'https://u:p@shop.example', 'javascript:alert(1)', 'shop.example']) {
    assert.equal(readFrameParams(`?host=${encodeURIComponent(host)}`).hostOrigin, null, host);
  }
});

const CONFIG: WidgetConfig = {
  siteKey: 'abc',
  chatflowId: 3,
  language: 'sv',
  version: 1700000000000,
  accentColor: '#123456',
  welcomeMessage: 'Hej! Hur kan vi hjälpa dig?',
  heading: { title: 'Butiken', people: [{ name: 'Anna', avatarUrl: '/api/uploads/1' }, { name: 'Bo', avatarUrl: null }] },
  brandAsAgentAlias: true,
  display: { desktop: 'prompt', mobile: 'launcher', triggers: { exitIntent: false, secondsOnPage: null, scrollPercent: null } },
  unreadSound: false,
  unreadTitleFlash: true,
  loaderStrings: { openChat: 'Öppna chatten', closeChat: 'Stäng chatten', dismissPrompt: 'Stäng', unread: '{count} olästa', newMessage: 'Nytt meddelande' },
  emailCapture: { mode: 'noReply', minutes: 7, prompt: 'Din e-post?', visitorHasEmail: false },
  loginOnly: { mode: 'startIdentifiedOnly', visitorIdentified: true },
  availability: { state: 'available', hideLauncher: false, message: null, typicalReplyTime: 'minutes', returnsAt: null },
};

test('a well-formed config is kept as it is', () => {
  assert.deepEqual(readWidgetConfig(structuredClone(CONFIG)), CONFIG);
});

test('email capture and login-only mode: unknown modes read as off, odd minutes as the default', () => {
  const odd = readWidgetConfig({ ...CONFIG, emailCapture: { mode: 'always', minutes: -3, prompt: 5, visitorHasEmail: 'yes' }, loginOnly: { mode: 'maybe', visitorIdentified: 1 } })!;
  assert.deepEqual(odd.emailCapture, { mode: 'never', minutes: 5, prompt: '', visitorHasEmail: false });
  assert.deepEqual(odd.loginOnly, { mode: 'off', visitorIdentified: false });
  const missing = readWidgetConfig({ ...CONFIG, emailCapture: undefined, loginOnly: null })!;
  assert.equal(missing.emailCapture.mode, 'never');
  assert.equal(missing.loginOnly.mode, 'off');
});

test('a config without a valid chatflow id is no config', () => {
  for (const chatflowId of [-1, 1.5, '3', null, undefined]) {
    assert.equal(readWidgetConfig({ ...CONFIG, chatflowId }), null, String(chatflowId));
  }
  for (const value of [null, 'config', [CONFIG], 42]) assert.equal(readWidgetConfig(value), null);
  // A chatflow the admin has not saved yet is previewed without an id.
  assert.equal(readWidgetConfig({ ...CONFIG, chatflowId: 0 })?.chatflowId, 0);
});

test('bad fields of a posted config fall back instead of reaching the page', () => {
  const config = readWidgetConfig({
    ...CONFIG,
    language: 'klingon',
    welcomeMessage: { html: '<b>hi</b>' },
    brandAsAgentAlias: 'yes',
    heading: {
      title: 7,
      people: [
        { name: 'Evil', avatarUrl: 'javascript:alert(1)' },
        { name: 'Proto', avatarUrl: '//elsewhere.example/x.png' },
        { name: 'Data', avatarUrl: 'data:image/svg+xml,<svg/>' },
        { name: 'Web', avatarUrl: 'https://cdn.example/a.png' },
        'not a person',
        { name: 'Five', avatarUrl: null },
        { name: 'Six', avatarUrl: null },
        { name: 'Seven', avatarUrl: null },
      ],
    },
    availability: { state: 'sleeping' },
  });
  assert.ok(config);
  assert.equal(config.language, 'en');
  assert.equal(config.welcomeMessage, '');
  assert.equal(config.brandAsAgentAlias, false);
  assert.equal(config.heading.title, '');
  assert.deepEqual(config.heading.people, [
    { name: 'Evil', avatarUrl: null },
    { name: 'Proto', avatarUrl: null },
    { name: 'Data', avatarUrl: null },
    { name: 'Web', avatarUrl: 'https://cdn.example/a.png' },
    { name: 'Five', avatarUrl: null },
  ]);
  assert.equal(config.availability.state, 'available');
});
