/**
 * W16 in the chat frame: every language defines every string, keeps the placeholders, and dates,
 * times and numbers come out in the chatflow's language. Run with
 * `node --import tsx --test apps/widget/test/i18n.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHATFLOW_LANGUAGES, CommandError, type ChatflowLanguage } from '@parley/protocol';
import { formatMinutes, formatNumber, formatReturnTime, formatTime } from '../src/frame/format';
import { activeLanguage, fill, setStrings, switchLanguage, t, type Strings } from '../src/frame/i18n';
import de from '../src/frame/i18n/de';
import en from '../src/frame/i18n/en';
import es from '../src/frame/i18n/es';
import fi from '../src/frame/i18n/fi';
import fr from '../src/frame/i18n/fr';
import it from '../src/frame/i18n/it';
import pl from '../src/frame/i18n/pl';
import sv from '../src/frame/i18n/sv';
import { describeError } from '../src/frame/state/describeError';

const TABLES: Record<ChatflowLanguage, Strings> = { en, fi, sv, it, pl, de, fr, es };
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
/** Some ICU versions put (narrow) no-break spaces in times and numbers. */
const plain = (s: string): string => s.replace(/\s/g, ' ');

test('a table for each of the eight chatflow languages', () => {
  assert.deepEqual(Object.keys(TABLES).sort(), [...CHATFLOW_LANGUAGES].sort());
});

test('every language defines every key, nothing more, none blank', () => {
  const keys = Object.keys(en).sort();
  for (const [language, table] of Object.entries(TABLES)) {
    assert.deepEqual(Object.keys(table).sort(), keys, `${language}: same keys as English`);
    for (const [key, value] of Object.entries(table)) {
      assert.equal(typeof value, 'string', `${language}.${key}`);
      assert.ok(value.trim().length > 0, `${language}.${key} is blank`);
    }
  }
});

test('every translation keeps the placeholders of the English text', () => {
  for (const [key, english] of Object.entries(en) as [keyof Strings, string][]) {
    for (const [language, table] of Object.entries(TABLES)) {
      assert.deepEqual(placeholders(table[key]), placeholders(english), `${language}.${key}: ${table[key]}`);
    }
  }
  // The checks above would pass vacuously if no English text had any.
  assert.deepEqual(placeholders(en.typing), ['name']);
  assert.deepEqual(placeholders(en.queueWait), ['duration']);
});

test('the tables are translations, not copies of English', () => {
  for (const [language, table] of Object.entries(TABLES)) {
    if (language === 'en') continue;
    for (const key of ['send', 'messagePlaceholder', 'ended', 'unavailable', 'endChat'] as const) {
      assert.notEqual(table[key], en[key], `${language}.${key} is still English`);
    }
  }
  // The send button's accessible name the issue names.
  assert.equal(fi.send, 'Lähetä');
  assert.equal(sv.send, 'Skicka');
  assert.deepEqual(
    Object.values(TABLES).map((table) => table.send),
    ['Send', 'Lähetä', 'Skicka', 'Invia', 'Wyślij', 'Senden', 'Envoyer', 'Enviar'],
  );
});

test('fill replaces known placeholders and leaves unknown ones', () => {
  assert.equal(fill('{name} is typing…', { name: 'Anna' }), 'Anna is typing…');
  assert.equal(fill('{a}{b}{a}', { a: 1, b: 'x' }), '1x1');
  assert.equal(fill('about {duration}', {}), 'about {duration}');
});

test('switchLanguage loads the chunk; the last language asked for wins', async () => {
  assert.equal(await switchLanguage('fi'), true);
  assert.equal(activeLanguage(), 'fi');
  assert.equal(t('send'), 'Lähetä');
  assert.equal(t('typing', { name: 'Anna' }), 'Anna kirjoittaa…');
  assert.equal(await switchLanguage('fi'), false, 'already active');
  // Asked for Swedish, then German before Swedish arrived: German stays.
  const [swedish, german] = await Promise.all([switchLanguage('sv'), switchLanguage('de')]);
  assert.equal(swedish, false);
  assert.equal(german, true);
  assert.equal(activeLanguage(), 'de');
  assert.equal(t('send'), 'Senden');
});

test('message times: the time today, with the date on other days, in the chatflow language', () => {
  const now = Date.UTC(2025, 5, 4, 15, 0); // Wednesday 4 June 2025
  const today = Date.UTC(2025, 5, 4, 14, 5);
  assert.equal(plain(formatTime(today, now, 'fi', 'UTC')), '14.05');
  assert.equal(plain(formatTime(today, now, 'en', 'UTC')), '2:05 PM');
  assert.equal(plain(formatTime(today, now, 'de', 'UTC')), '14:05');
  const monday = Date.UTC(2025, 5, 2, 9, 30);
  assert.match(plain(formatTime(monday, now, 'fi', 'UTC')), /^2\.6\. klo 9\.30$|^2\. kesäk\. klo 9\.30$/);
  assert.match(plain(formatTime(monday, now, 'fr', 'UTC')), /^2 juin.*9:30$/);
  assert.match(plain(formatTime(monday, now, 'es', 'UTC')), /^2 jun.*9:30$/);
  const lastYear = Date.UTC(2024, 11, 24, 9, 30);
  assert.match(formatTime(lastYear, now, 'sv', 'UTC'), /2024/);
  assert.doesNotMatch(formatTime(monday, now, 'sv', 'UTC'), /2025/);
  // Without a locale: the active language.
  setStrings('it', it);
  assert.equal(plain(formatTime(today, now, undefined, 'UTC')), '14:05');
  assert.match(formatTime(monday, now, undefined, 'UTC'), /giu/);
});

test('the return time names the weekday in the chatflow language', () => {
  const now = Date.UTC(2025, 5, 1, 12, 0); // Sunday
  const day = (d: number) => Date.UTC(2025, 5, 1 + d, 9, 0);
  const weekdays = (locale: string) => [1, 2, 3, 4, 5].map((d) => plain(formatReturnTime(day(d), now, locale, 'UTC')));
  assert.deepEqual(weekdays('fi'), [
    'maanantaina 9.00',
    'tiistaina 9.00',
    'keskiviikkona 9.00',
    'torstaina 9.00',
    'perjantaina 9.00',
  ]);
  assert.deepEqual(weekdays('sv'), ['måndag 09:00', 'tisdag 09:00', 'onsdag 09:00', 'torsdag 09:00', 'fredag 09:00']);
  assert.match(weekdays('pl')[0]!, /^poniedziałek/);
  assert.match(weekdays('de')[0]!, /^Montag/);
  assert.match(weekdays('it')[0]!, /^lunedì/);
  assert.match(weekdays('fr')[0]!, /^lundi/);
  assert.match(weekdays('es')[0]!, /^lunes/);
  // A week or more ahead the date comes too, in the language's month names.
  assert.match(plain(formatReturnTime(Date.UTC(2025, 5, 10, 9, 0), now, 'fi', 'UTC')), /tiistai.*10\. kesäkuuta/);
  setStrings('sv', sv);
  assert.equal(plain(formatReturnTime(day(1), now, undefined, 'UTC')), 'måndag 09:00');
});

test('minutes and counts use the language plural forms and digit grouping', () => {
  assert.deepEqual([1, 2, 5, 22].map((n) => formatMinutes(n, 'pl')), ['1 minuta', '2 minuty', '5 minut', '22 minuty']);
  assert.deepEqual([1, 5].map((n) => formatMinutes(n, 'fi')), ['1 minuutti', '5 minuuttia']);
  assert.deepEqual([1, 5].map((n) => formatMinutes(n, 'en')), ['1 minute', '5 minutes']);
  assert.equal(plain(formatNumber(5000, 'fi')), '5 000');
  assert.equal(formatNumber(5000, 'en'), '5,000');
});

test('refused commands are described in the chatflow language by their code', () => {
  setStrings('sv', sv);
  const refused = (code: string) => new CommandError({ code, message: 'English from the server' } as never);
  assert.equal(describeError(refused('rate_limited')).text, sv.rateLimited);
  assert.equal(describeError(refused('rate_limited')).code, 'rate_limited');
  assert.equal(plain(describeError(refused('message_too_long')).text), 'Meddelandet är för långt (högst 5 000 tecken)');
  assert.equal(describeError(refused('conversation_closed')).text, sv.ended);
  assert.equal(describeError(refused('internal_error')).text, sv.serverError);
  assert.equal(describeError(refused('something_new')).text, sv.sendFailed);
  assert.equal(describeError(refused('something_new')).code, null);
  assert.equal(describeError(new Error('socket closed')).text, sv.sendFailed);
});
