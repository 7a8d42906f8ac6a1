/**
 * Validation of visitor-information criteria (known / unknown, a contact field or custom
 * property), the same in targeting rules (W6) and custom routing rules (R1): keys, operator, and
 * a value that fits the operator.
 */
import { CONTACT_ATTRIBUTES, CONTACT_LIMITS, CONTACT_OPERATORS } from '@parley/protocol';
import { CRITERION_KEYS } from './criteria.js';
import { isObject, list, oneOf, text, unknownKeys, type Problem } from './validate.js';


const NO_VALUE_OPERATORS: Record<string, string> = { isSet: 'is set', isNotSet: 'is not set' };

export function validateCriterion(value: unknown, path: string): Problem[] {
  if (!isObject(value)) return [{ path, message: 'A criterion must be an object with a "field".' }];
  const fields: readonly string[] = Object.keys(CRITERION_KEYS);
  if (typeof value.field !== 'string' || !fields.includes(value.field)) {
    return [{ path: `${path}.field`, message: `The criterion's field must be one of ${list(fields)}.` }];
  }
  const problems: Problem[] = [];
  unknownKeys(value, CRITERION_KEYS[value.field as keyof typeof CRITERION_KEYS], path, problems);
  if (value.field === 'visitor') {
    oneOf(value.value, ['known', 'unknown'], `${path}.value`, "A visitor rule's value", problems);
    return problems;
  }
  if (value.field === 'contact') oneOf(value.attribute, CONTACT_ATTRIBUTES, `${path}.attribute`, "A contact rule's field", problems);
  else text(value.name, CONTACT_LIMITS.propertyKeyMaxLength, `${path}.name`, "A contact property rule's property name", problems);
  oneOf(value.op, CONTACT_OPERATORS, `${path}.op`, "A contact rule's operator", problems);
  const op = typeof value.op === 'string' ? value.op : '';
  const valuePath = `${path}.value`;
  if (Object.hasOwn(NO_VALUE_OPERATORS, op)) {
    // "Is set" compares nothing; a leftover value would read as if it mattered.
    if (value.value !== '') problems.push({ path: valuePath, message: `A contact rule with "${NO_VALUE_OPERATORS[op]}" takes no value; leave the value empty.` });
    return problems;
  }
  if (value.field === 'contact' && value.attribute === 'owner') {
    if (op === 'contains') problems.push({ path: `${path}.op`, message: 'The contact owner is a user: use "is", "is not", "is set" or "is not set".' });
    if (typeof value.value !== 'string' || !/^[1-9][0-9]{0,14}$/.test(value.value)) {
      problems.push({ path: valuePath, message: "A contact owner rule's value must be a user id." });
    }
    return problems;
  }
  text(value.value, CONTACT_LIMITS.propertyValueMaxLength, valuePath, "A contact rule's value", problems);
  return problems;
}

/**
 * The criteria among custom routing rules' conditions (`routing.rules[i].conditions[j]`); the
 * other condition kinds (page URL, language, visitor property) are checked by their schema.
 */
export function validateRoutingCriteria(rules: ReadonlyArray<{ conditions: ReadonlyArray<{ field: string }> }>): Problem[] {
  return rules.flatMap((rule, r) =>
    rule.conditions.flatMap((condition, c) =>
      Object.hasOwn(CRITERION_KEYS, condition.field) ? validateCriterion(condition, `routing.rules[${r}].conditions[${c}]`) : [],
    ),
  );
}
