/** W16: a new chatflow's texts and the loader's strings exist, and are translated, in all eight languages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHATFLOW_LANGUAGES, type ChatflowLanguage } from '@parley/protocol';
import { defaultChatflowTexts, isChatflowLanguage, loaderStrings, validateSettings } from '@parley/chatflow';

const others = CHATFLOW_LANGUAGES.filter((l) => l !== 'en');

test('there are eight languages', () => {
  assert.deepEqual([...CHATFLOW_LANGUAGES], ['en', 'fi', 'sv', 'it', 'pl', 'de', 'fr', 'es']);
});

test('default texts: present, non-empty, valid settings and not English in the other languages', () => {
  const en = defaultChatflowTexts('en');
  assert.deepEqual(en, {
    headingName: 'Support team',
    welcomeMessage: 'Hi! How can we help you today?',
    fallbackMessage: "Sorry, nobody could take your chat right now. We'll get back to you as soon as possible.",
    emailCapturePrompt: 'Leave your email so we can get back to you.',
  });
  for (const language of CHATFLOW_LANGUAGES) {
    const { fallbackMessage, ...widgetTexts } = defaultChatflowTexts(language);
    assert.deepEqual(Object.keys(widgetTexts).sort(), ['emailCapturePrompt', 'headingName', 'welcomeMessage']);
    assert.deepEqual(validateSettings(widgetTexts, true), [], language);
    // The routing's fallback message is short text like the welcome (at most 2000 characters).
    assert.ok(fallbackMessage.trim().length > 0 && fallbackMessage.length <= 2000, language);
    assert.equal(fallbackMessage, fallbackMessage.trim(), language);
  }
  for (const language of others) {
    assert.notEqual(defaultChatflowTexts(language).welcomeMessage, en.welcomeMessage, language);
    assert.notEqual(defaultChatflowTexts(language).headingName, en.headingName, language);
    assert.notEqual(defaultChatflowTexts(language).emailCapturePrompt, en.emailCapturePrompt, language);
    assert.notEqual(defaultChatflowTexts(language).fallbackMessage, en.fallbackMessage, language);
  }
  // Every welcome and every fallback differs from every other language's.
  for (const key of ['welcomeMessage', 'fallbackMessage'] as const) {
    assert.equal(new Set(CHATFLOW_LANGUAGES.map((l) => defaultChatflowTexts(l)[key])).size, CHATFLOW_LANGUAGES.length, key);
  }
});

test('a few known translations', () => {
  assert.match(defaultChatflowTexts('fi').welcomeMessage, /^Hei!/);
  assert.match(defaultChatflowTexts('sv').welcomeMessage, /^Hej!/);
  assert.match(defaultChatflowTexts('es').welcomeMessage, /^¡Hola!/);
  assert.match(defaultChatflowTexts('fi').fallbackMessage, /^Valitettavasti /);
  assert.match(defaultChatflowTexts('sv').fallbackMessage, /^Tyvärr /);
  assert.match(defaultChatflowTexts('de').fallbackMessage, /^Leider /);
  assert.equal(loaderStrings('fi').openChat, 'Avaa chat');
  assert.equal(loaderStrings('sv').openChat, 'Öppna chatten');
  assert.equal(loaderStrings('de').closeChat, 'Chat schließen');
});

test('loader strings: all five in every language, non-empty, {count} kept, translated', () => {
  const en = loaderStrings('en');
  for (const language of CHATFLOW_LANGUAGES) {
    const strings = loaderStrings(language);
    assert.deepEqual(Object.keys(strings).sort(), ['closeChat', 'dismissPrompt', 'newMessage', 'openChat', 'unread'], language);
    for (const [key, value] of Object.entries(strings)) assert.ok(value.trim().length > 0, `${language}.${key}`);
    assert.equal(strings.unread.split('{count}').length, 2, `${language}.unread has {count} once`);
    assert.notEqual(strings.openChat, strings.closeChat, language);
    assert.notEqual(strings.closeChat, strings.dismissPrompt, language);
  }
  for (const language of others) {
    const strings = loaderStrings(language);
    for (const key of ['openChat', 'closeChat', 'dismissPrompt', 'unread', 'newMessage'] as const) assert.notEqual(strings[key], en[key], `${language}.${key}`);
  }
});

test('callers get copies: changing one does not change the next', () => {
  const texts = defaultChatflowTexts('fi');
  texts.welcomeMessage = 'changed';
  assert.notEqual(defaultChatflowTexts('fi').welcomeMessage, 'changed');
  const strings = loaderStrings('fi');
  strings.openChat = 'changed';
  assert.equal(loaderStrings('fi').openChat, 'Avaa chat');
});

test('an unknown language falls back to English rather than nothing', () => {
  assert.deepEqual(loaderStrings('xx' as ChatflowLanguage), loaderStrings('en'));
  assert.deepEqual(defaultChatflowTexts('xx' as ChatflowLanguage), defaultChatflowTexts('en'));
});

test('isChatflowLanguage accepts exactly the eight', () => {
  for (const language of CHATFLOW_LANGUAGES) assert.equal(isChatflowLanguage(language), true);
  for (const value of ['EN', 'en-GB', 'nb', 'no', '', null, undefined, 1, ['en'], { en: true }, 'constructor', 'toString']) {
    assert.equal(isChatflowLanguage(value), false, String(value));
  }
});
