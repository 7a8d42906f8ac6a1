/** Visitor-information criteria (W6 targeting, R1 routing): known / unknown and contact fields and properties. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContactAttribute, ContactFacts, ContactOperator, TargetingRule } from '@parley/protocol';
import { criterionMatches, decideTargeting, describeRule, emailDomain, ruleMatches } from '@parley/chatflow';
import { at, targeting, visitor } from './helpers';

const acme: ContactFacts = {
  email: 'Ann@Acme.Example',
  firstName: 'Ann',
  lastName: null,
  phone: '   ',
  organization: 'Acme',
  ownerId: 7,
  properties: { plan: 'Enterprise', seats: '', tier: ' gold ' },
};

const contact = (attribute: ContactAttribute, op: ContactOperator, value = ''): TargetingRule => ({ field: 'contact', attribute, op, value });
const property = (name: string, op: ContactOperator, value = ''): TargetingRule => ({ field: 'contactProperty', name, op, value });
const linked = { ...at('https://shop.example/'), known: true, contact: acme };
const anonymous = at('https://shop.example/');

const rows: [rule: TargetingRule, withAcme: boolean, anonymousToo: boolean][] = [
  [contact('organization', 'is', 'Acme'), true, false],
  [contact('organization', 'is', ' acme '), true, false], // case and surrounding blanks ignored
  [contact('organization', 'is', 'Acme Ltd'), false, false],
  [contact('organization', 'isNot', 'Globex'), true, true], // no contact: not Globex either
  [contact('organization', 'isNot', 'ACME'), false, true],
  [contact('organization', 'contains', 'cm'), true, false],
  [contact('organization', 'isSet'), true, false],
  [contact('organization', 'isNotSet'), false, true],
  [contact('email', 'contains', '@acme.'), true, false],
  [contact('emailDomain', 'is', 'acme.example'), true, false],
  [contact('emailDomain', 'is', 'example'), false, false],
  [contact('firstName', 'is', 'ann'), true, false],
  [contact('lastName', 'isNotSet'), true, true], // null
  [contact('phone', 'isSet'), false, false], // only blanks = not set
  [contact('owner', 'is', '7'), true, false],
  [contact('owner', 'isNot', '7'), false, true],
  [contact('owner', 'is', '8'), false, false],
  [property('plan', 'is', 'enterprise'), true, false],
  [property('plan', 'contains', 'PRISE'), true, false],
  [property('plan', 'isNot', 'free'), true, true],
  [property('seats', 'isSet'), false, false], // empty value = not set
  [property('seats', 'isNotSet'), true, true],
  [property('tier', 'is', 'gold'), true, false],
  [property('missing', 'isNotSet'), true, true],
  [property('toString', 'isSet'), false, false], // only own keys, never inherited ones
  [property('Plan', 'isSet'), false, false], // keys are exact
];

for (const [rule, withAcme, anonymousToo] of rows) {
  test(`${describeRule(rule)}: Acme contact ${withAcme}, anonymous ${anonymousToo}`, () => {
    assert.equal(ruleMatches(rule, linked), withAcme);
    assert.equal(ruleMatches(rule, anonymous), anonymousToo);
    // A situation with an explicit null contact reads the same as one without.
    assert.equal(ruleMatches(rule, { ...anonymous, contact: null }), anonymousToo);
  });
}

test('known means linked to a contact; unknown the opposite', () => {
  assert.equal(criterionMatches({ field: 'visitor', value: 'known' }, { known: true, contact: acme }), true);
  assert.equal(criterionMatches({ field: 'visitor', value: 'known' }, { known: false }), false);
  assert.equal(criterionMatches({ field: 'visitor', value: 'unknown' }, { known: false }), true);
  assert.equal(criterionMatches({ field: 'visitor', value: 'unknown' }, { known: true, contact: acme }), false);
});

test('a group of known + organization shows only to the Acme contact; an exclusion on a property wins', () => {
  const shownToAcme = targeting([[visitor('known'), contact('organization', 'is', 'Acme')]]);
  assert.equal(decideTargeting(shownToAcme, linked).shown, true);
  assert.equal(decideTargeting(shownToAcme, anonymous).shown, false);
  assert.equal(decideTargeting(shownToAcme, { ...linked, contact: { ...acme, organization: 'Globex' } }).shown, false);
  const notForEnterprise = targeting([], [property('plan', 'is', 'enterprise')]);
  assert.deepEqual(decideTargeting(notForEnterprise, linked), { shown: false, reason: 'excluded', rule: property('plan', 'is', 'enterprise') });
  assert.equal(decideTargeting(notForEnterprise, anonymous).shown, true);
});

test('the email domain is the part after the last @', () => {
  assert.equal(emailDomain('a@b@c.example'), 'c.example');
  assert.equal(emailDomain('no-at-sign'), null);
  assert.equal(emailDomain(null), null);
});

test('descriptions name the field, the operator and the value', () => {
  assert.equal(describeRule(contact('emailDomain', 'is', 'acme.example')), 'contact email domain is "acme.example"');
  assert.equal(describeRule(property('plan', 'isSet')), 'contact property "plan" is set');
  assert.equal(describeRule(contact('organization', 'isNot', 'Acme')), 'contact organization is not "Acme"');
});
