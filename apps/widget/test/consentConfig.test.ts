/** W10: the frame reads the config's consent like the rest: links https only, texts as given, an unknown mode asks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consentField, readConsent } from '../src/frame/state/consent';

test('policy links must be https; anything else is no link', () => {
  for (const bad of ['javascript:alert(1)', 'http://shop.example/p', '//shop.example/p', 'data:text/html,x', 42]) {
    assert.equal(readConsent({ privacyPolicyUrl: bad, termsUrl: bad })?.privacyPolicyUrl, null, String(bad));
  }
  const good = readConsent({ privacyPolicyUrl: 'https://shop.example/privacy', termsUrl: 'https://shop.example/terms' });
  assert.equal(good?.privacyPolicyUrl, 'https://shop.example/privacy');
  assert.equal(good?.termsUrl, 'https://shop.example/terms');
});

test('an unknown data processing mode reads as explicit; flags are true only when true', () => {
  const consent = readConsent({ dataProcessing: { mode: 'whatever', text: '<b>x</b>' }, cookieApplies: 'yes', dataProcessingGranted: 1 });
  assert.equal(consent?.dataProcessing.mode, 'explicit');
  assert.equal(consent?.dataProcessing.text, '<b>x</b>');
  assert.equal(consent?.cookieApplies, false);
  assert.equal(consent?.dataProcessingGranted, false);
  assert.deepEqual(consentField(undefined), {});
  assert.deepEqual(consentField('x'), {});
});
