/**
 * W10: what the server refuses in a chatflow's consent settings, the defaults in every language,
 * and when a start needs "I agree" first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHATFLOW_LANGUAGES } from '@parley/protocol';
import { CONSENT_LIMITS, consentInLanguage, consentRefusal, defaultConsent, defaultConsentTexts, mergeConsent, validateConsent } from '@parley/chatflow';

const paths = (value: unknown, partial = true): string[] => validateConsent(value, partial).map((p) => p.path);

test('the defaults of every language are valid, distinct from English and say data processing is on without a click', () => {
  for (const language of CHATFLOW_LANGUAGES) {
    const consent = defaultConsent(language);
    assert.deepEqual(validateConsent(consent, false), [], language);
    assert.equal(consent.cookie.enabled, true);
    assert.equal(consent.dataProcessing.mode, 'legitimateInterest');
    assert.equal(consent.communications.enabled, false);
    if (language !== 'en') assert.notEqual(defaultConsentTexts(language).dataProcessing, defaultConsentTexts('en').dataProcessing, language);
  }
});

test('a whole consent must have every part; a PATCH may send one', () => {
  assert.deepEqual(paths({}, false).sort(), ['consent.communications', 'consent.cookie', 'consent.dataProcessing', 'consent.privacyPolicyUrl', 'consent.termsUrl']);
  assert.deepEqual(paths({ dataProcessing: { mode: 'explicit', text: 'We keep what you write.' } }), []);
  assert.deepEqual(paths('explicit'), ['consent']);
});

test('modes, timings and texts are checked', () => {
  assert.deepEqual(paths({ dataProcessing: { mode: 'implicit', text: 'x' } }), ['consent.dataProcessing.mode']);
  assert.deepEqual(paths({ dataProcessing: { mode: 'explicit', text: '   ' } }), ['consent.dataProcessing.text']);
  assert.deepEqual(paths({ cookie: { enabled: 'yes', when: 'onScroll', text: 'x'.repeat(CONSENT_LIMITS.textMaxLength + 1) } }), [
    'consent.cookie.enabled',
    'consent.cookie.when',
    'consent.cookie.text',
  ]);
  assert.deepEqual(paths({ cookie: { enabled: true, when: 'exitIntent', text: 'ok', extra: 1 } }), ['consent.cookie.extra']);
  assert.deepEqual(paths({ favourite: 1 }), ['consent.favourite']);
});

test('communications need a subscription type when enabled', () => {
  assert.deepEqual(paths({ communications: { enabled: true, text: 'News', subscriptionTypeId: null } }), ['consent.communications.subscriptionTypeId']);
  assert.deepEqual(paths({ communications: { enabled: false, text: 'News', subscriptionTypeId: null } }), []);
  assert.deepEqual(paths({ communications: { enabled: true, text: 'News', subscriptionTypeId: 0 } }), ['consent.communications.subscriptionTypeId']);
  assert.deepEqual(paths({ communications: { enabled: true, text: 'News', subscriptionTypeId: 3 } }), []);
});

test('privacy policy and terms links are https only', () => {
  assert.deepEqual(paths({ privacyPolicyUrl: 'https://shop.example/privacy', termsUrl: null }), []);
  for (const bad of ['http://shop.example/privacy', 'javascript:alert(1)', '//shop.example/p', '/privacy', 'https://user:pw@shop.example/', 'https://shop.example/a b', 42]) {
    assert.deepEqual(paths({ privacyPolicyUrl: bad }), ['consent.privacyPolicyUrl'], String(bad));
  }
  assert.deepEqual(paths({ termsUrl: 'data:text/html,hi' }), ['consent.termsUrl']);
});

test('explicit mode refuses a start until the visitor agreed; the other modes never do', () => {
  const consent = defaultConsent('en');
  const explicit = mergeConsent(consent, { dataProcessing: { mode: 'explicit', text: 'We keep it.' } });
  assert.equal(consentRefusal(explicit, false), 'consent_required');
  assert.equal(consentRefusal(explicit, true), null);
  assert.equal(consentRefusal(consent, false), null);
  assert.equal(consentRefusal(mergeConsent(consent, { dataProcessing: { mode: 'off', text: 'x' } }), false), null);
  assert.equal(explicit.cookie, consent.cookie, 'parts not sent stay');
});

test('a language change swaps the texts still at their defaults and keeps those written by hand', () => {
  const english = mergeConsent(defaultConsent('en'), { cookie: { enabled: true, when: 'beforeChat', text: 'Our own cookie words.' } });
  const finnish = consentInLanguage(english, 'en', 'fi');
  assert.equal(finnish.dataProcessing.text, defaultConsentTexts('fi').dataProcessing);
  assert.equal(finnish.communications.text, defaultConsentTexts('fi').communications);
  assert.equal(finnish.cookie.text, 'Our own cookie words.');
  assert.equal(finnish.dataProcessing.mode, english.dataProcessing.mode);
});
