/**
 * What the server refuses in a chatflow's widget settings (W2–W4): accent, texts, heading,
 * display and triggers; `partial` for a PATCH lets top-level fields be missing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatflowWidgetSettings } from '@parley/protocol';
import { DEFAULT_DISPLAY, SETTINGS_LIMITS, validateSettings } from '@parley/chatflow';

const full: ChatflowWidgetSettings = {
  accentColor: '#2f6fdf',
  headingMode: 'branding',
  headingName: 'Support team',
  headingAvatarUrl: null,
  headingUserIds: [],
  brandAsAgentAlias: false,
  welcomeMessage: 'Hi! How can we help you today?',
  display: DEFAULT_DISPLAY,
  unreadSound: false,
  unreadTitleFlash: true,
  emailCapture: 'never',
  emailCaptureMinutes: 5,
  emailCapturePrompt: 'Leave your email so we can get back to you.',
  loginOnly: 'off',
};

const withDisplay = (patch: object): object => ({ display: { ...DEFAULT_DISPLAY, ...patch } });
const withTriggers = (patch: object): object => withDisplay({ triggers: { ...DEFAULT_DISPLAY.triggers, ...patch } });

test('accepts complete settings, and each field alone when partial', () => {
  assert.deepEqual(validateSettings(full, false), []);
  assert.deepEqual(validateSettings(full, true), []);
  assert.deepEqual(validateSettings({}, true), []);
  for (const [key, value] of Object.entries(full)) assert.deepEqual(validateSettings({ [key]: value }, true), [], key);
});

test('accepts the edges of every range and enum', () => {
  const valid: object[] = [
    { accentColor: '#000000' },
    { accentColor: '#FFFFFF' },
    { accentColor: '#aBc123' },
    { headingMode: 'users', headingUserIds: [1, 2, 3] },
    { headingMode: 'owner' },
    { headingName: 'x' },
    { headingName: 'n'.repeat(SETTINGS_LIMITS.headingNameMaxLength) },
    { welcomeMessage: 'w'.repeat(SETTINGS_LIMITS.welcomeMessageMaxLength) },
    { welcomeMessage: 'Hei! <b>not html</b> & "quotes"' },
    { headingAvatarUrl: '/files/abc123.png' },
    { headingAvatarUrl: 'https://cdn.shop.example/logo.png' },
    { headingUserIds: Array.from({ length: SETTINGS_LIMITS.headingUsers }, (_, i) => i + 1) },
    { brandAsAgentAlias: true },
    withDisplay({ desktop: 'prompt', mobile: 'prompt' }),
    withDisplay({ desktop: 'launcher', mobile: 'launcher' }),
    withDisplay({ desktop: 'promptThenOpen' }),
    withTriggers({ exitIntent: true, secondsOnPage: 0, scrollPercent: 1 }),
    withTriggers({ secondsOnPage: 3600, scrollPercent: 100 }),
    withTriggers({ secondsOnPage: null, scrollPercent: null }),
  ];
  for (const value of valid) assert.deepEqual(validateSettings(value, true), [], JSON.stringify(value).slice(0, 120));
});

/** [what, value (partial), expected problem paths, the message names the problem]. */
const invalid: [string, unknown, string[], RegExp][] = [
  ['not an object', 'blue', ['settings'], /object/],
  ['null', null, ['settings'], /object/],
  ['an unknown key', { accentColour: '#000000' }, ['settings.accentColour'], /Unknown field "accentColour"/],
  ['a colour name', { accentColor: 'red' }, ['settings.accentColor'], /hex colour like "#2f6fdf"/],
  ['a short hex colour', { accentColor: '#fff' }, ['settings.accentColor'], /hex colour/],
  ['a hex colour without #', { accentColor: '2f6fdf' }, ['settings.accentColor'], /hex colour/],
  ['a hex colour with alpha', { accentColor: '#2f6fdf80' }, ['settings.accentColor'], /hex colour/],
  ['a non-hex digit', { accentColor: '#2f6fdg' }, ['settings.accentColor'], /hex colour/],
  ['CSS injection in the colour', { accentColor: '#000000;}body{' }, ['settings.accentColor'], /hex colour/],
  ['a numeric colour', { accentColor: 0x2f6fdf }, ['settings.accentColor'], /hex colour/],
  ['a bad heading mode', { headingMode: 'agent' }, ['settings.headingMode'], /"branding", "users", "owner"/],
  ['an empty heading name', { headingName: '' }, ['settings.headingName'], /heading name must not be empty/],
  ['a blank heading name', { headingName: '  \n ' }, ['settings.headingName'], /must not be empty/],
  ['an over-long heading name', { headingName: 'n'.repeat(81) }, ['settings.headingName'], /at most 80 characters \(it has 81\)/],
  ['a null heading name', { headingName: null }, ['settings.headingName'], /text/],
  ['an empty welcome message', { welcomeMessage: '' }, ['settings.welcomeMessage'], /welcome message must not be empty/],
  ['an over-long welcome message', { welcomeMessage: 'w'.repeat(1001) }, ['settings.welcomeMessage'], /at most 1000 characters/],
  ['a welcome message that is a list', { welcomeMessage: ['Hi'] }, ['settings.welcomeMessage'], /text/],
  ['a javascript: avatar', { headingAvatarUrl: 'javascript:alert(1)' }, ['settings.headingAvatarUrl'], /image/],
  ['a data: avatar', { headingAvatarUrl: 'data:image/png;base64,AAAA' }, ['settings.headingAvatarUrl'], /image/],
  ['a protocol-relative avatar', { headingAvatarUrl: '//evil.example/x.png' }, ['settings.headingAvatarUrl'], /image/],
  ['an over-long avatar URL', { headingAvatarUrl: `/files/${'a'.repeat(2048)}` }, ['settings.headingAvatarUrl'], /image/],
  ['a numeric avatar', { headingAvatarUrl: 1 }, ['settings.headingAvatarUrl'], /image/],
  ['heading users not a list', { headingUserIds: 1 }, ['settings.headingUserIds'], /list of user ids/],
  ['a string user id', { headingUserIds: ['1'] }, ['settings.headingUserIds[0]'], /positive whole number/],
  ['a fractional user id', { headingUserIds: [1, 2.5] }, ['settings.headingUserIds[1]'], /positive whole number/],
  ['a zero user id', { headingUserIds: [0] }, ['settings.headingUserIds[0]'], /positive whole number/],
  ['a negative user id', { headingUserIds: [-3] }, ['settings.headingUserIds[0]'], /positive whole number/],
  ['repeated user ids', { headingUserIds: [4, 4] }, ['settings.headingUserIds'], /must not repeat/],
  ['too many heading users', { headingUserIds: Array.from({ length: 21 }, (_, i) => i + 1) }, ['settings.headingUserIds'], /at most 20 users/],
  ['a string alias flag', { brandAsAgentAlias: 'yes' }, ['settings.brandAsAgentAlias'], /true or false/],
  ['display not an object', { display: 'prompt' }, ['settings.display'], /"desktop", "mobile" and "triggers"/],
  ['a bad desktop display', withDisplay({ desktop: 'open' }), ['settings.display.desktop'], /"prompt", "launcher", "promptThenOpen"/],
  ['promptThenOpen on mobile', withDisplay({ mobile: 'promptThenOpen' }), ['settings.display.mobile'], /mobile display must be "prompt" or "launcher"/],
  ['a bad mobile display', withDisplay({ mobile: 'popup' }), ['settings.display.mobile'], /"prompt", "launcher"/],
  ['display missing its mobile part', { display: { desktop: 'prompt', triggers: DEFAULT_DISPLAY.triggers } }, ['settings.display.mobile'], /mobile display/],
  ['an unknown display key', withDisplay({ tablet: 'prompt' }), ['settings.display.tablet'], /Unknown field "tablet"/],
  ['triggers missing', { display: { desktop: 'prompt', mobile: 'prompt' } }, ['settings.display.triggers'], /exitIntent/],
  ['an unknown trigger', withTriggers({ idleSeconds: 5 }), ['settings.display.triggers.idleSeconds'], /Unknown field "idleSeconds"/],
  ['exit intent as a string', withTriggers({ exitIntent: 'true' }), ['settings.display.triggers.exitIntent'], /true or false/],
  ['exit intent missing', { display: { ...DEFAULT_DISPLAY, triggers: { secondsOnPage: null, scrollPercent: null } } }, ['settings.display.triggers.exitIntent'], /true or false/],
  ['negative seconds', withTriggers({ secondsOnPage: -1 }), ['settings.display.triggers.secondsOnPage'], /whole number from 0 to 3600, or null/],
  ['too many seconds', withTriggers({ secondsOnPage: 3601 }), ['settings.display.triggers.secondsOnPage'], /0 to 3600/],
  ['fractional seconds', withTriggers({ secondsOnPage: 2.5 }), ['settings.display.triggers.secondsOnPage'], /whole number/],
  ['seconds as a string', withTriggers({ secondsOnPage: '5' }), ['settings.display.triggers.secondsOnPage'], /whole number/],
  ['seconds missing', { display: { ...DEFAULT_DISPLAY, triggers: { exitIntent: false, scrollPercent: null } } }, ['settings.display.triggers.secondsOnPage'], /or null/],
  ['zero percent', withTriggers({ scrollPercent: 0 }), ['settings.display.triggers.scrollPercent'], /whole number from 1 to 100, or null/],
  ['over 100 percent', withTriggers({ scrollPercent: 101 }), ['settings.display.triggers.scrollPercent'], /1 to 100/],
  ['fractional percent', withTriggers({ scrollPercent: 50.5 }), ['settings.display.triggers.scrollPercent'], /whole number/],
  ['infinite percent', withTriggers({ scrollPercent: Infinity }), ['settings.display.triggers.scrollPercent'], /whole number/],
  ['sound as a string', { unreadSound: 'yes' }, ['settings.unreadSound'], /sound .* true or false/],
  ['title flash as a number', { unreadTitleFlash: 1 }, ['settings.unreadTitleFlash'], /page title .* true or false/],
  ['title flash null', { unreadTitleFlash: null }, ['settings.unreadTitleFlash'], /true or false/],
];

for (const [what, value, paths, message] of invalid) {
  test(`refuses ${what}`, () => {
    const problems = validateSettings(value, true);
    assert.deepEqual(problems.map((p) => p.path), paths, JSON.stringify(problems));
    assert.match(problems[0].message, message);
  });
}

test('not partial: every field is required, each missing one named', () => {
  assert.deepEqual(validateSettings({}, false).map((p) => p.path), Object.keys(full).map((key) => `settings.${key}`));
  for (const key of Object.keys(full)) {
    const { [key]: _omitted, ...rest } = full as unknown as Record<string, unknown>;
    const problems = validateSettings(rest, false);
    assert.deepEqual(problems, [{ path: `settings.${key}`, message: `"${key}" is missing.` }]);
    assert.deepEqual(validateSettings(rest, true), [], `${key} may be missing when partial`);
  }
});

test('a present field is checked whole even when partial, so a shallow merge stays complete', () => {
  assert.deepEqual(validateSettings({ display: { desktop: 'launcher' } }, true).map((p) => p.path), ['settings.display.mobile', 'settings.display.triggers']);
});

test('reports every problem at once', () => {
  const problems = validateSettings({ ...full, accentColor: 'blue', welcomeMessage: '', display: { ...DEFAULT_DISPLAY, mobile: 'promptThenOpen' } }, false);
  assert.deepEqual(problems.map((p) => p.path), ['settings.accentColor', 'settings.welcomeMessage', 'settings.display.mobile']);
});
