/** W8: a capture card's built-in fields are named in every chatflow language; a custom property keeps its key. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAPTURE_BUILTIN_FIELDS, CHATFLOW_LANGUAGES } from '@parley/protocol';
import { captureFieldLabel } from '@parley/chatflow';

test('English names of the built-in fields', () => {
  assert.deepEqual(
    CAPTURE_BUILTIN_FIELDS.map((field) => captureFieldLabel('en', field)),
    ['First name', 'Last name', 'Email', 'Phone', 'Company'],
  );
});

test('every language names every built-in field, each differently, and not all in English', () => {
  for (const language of CHATFLOW_LANGUAGES) {
    const labels = CAPTURE_BUILTIN_FIELDS.map((field) => captureFieldLabel(language, field));
    for (const [index, label] of labels.entries()) {
      assert.ok(label.trim().length > 0 && label === label.trim(), `${language}.${CAPTURE_BUILTIN_FIELDS[index]}`);
      assert.notEqual(label, CAPTURE_BUILTIN_FIELDS[index], `${language}: a name, not the key`);
    }
    assert.equal(new Set(labels).size, labels.length, `${language}: two fields share a name`);
    if (language !== 'en') assert.notDeepEqual(labels, CAPTURE_BUILTIN_FIELDS.map((field) => captureFieldLabel('en', field)), language);
  }
});

test('a few names as a visitor reads them', () => {
  assert.equal(captureFieldLabel('fi', 'email'), 'Sähköposti');
  assert.equal(captureFieldLabel('sv', 'firstName'), 'Förnamn');
  assert.equal(captureFieldLabel('de', 'lastName'), 'Nachname');
  assert.equal(captureFieldLabel('fr', 'phone'), 'Téléphone');
  assert.equal(captureFieldLabel('es', 'company'), 'Empresa');
  assert.equal(captureFieldLabel('pl', 'firstName'), 'Imię');
  assert.equal(captureFieldLabel('it', 'lastName'), 'Cognome');
});

test('a custom contact property keeps its key in every language, even one named like an object member', () => {
  for (const language of CHATFLOW_LANGUAGES) {
    assert.equal(captureFieldLabel(language, 'shoeSize'), 'shoeSize');
    assert.equal(captureFieldLabel(language, 'toString'), 'toString');
    assert.equal(captureFieldLabel(language, '__proto__'), '__proto__');
  }
});
