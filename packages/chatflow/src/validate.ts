/**
 * Validation of what an admin sends for a chatflow: shape and sense, each problem with the path
 * of the bad part and a sentence that names what is wrong. The server refuses with these (and
 * changes nothing); the dashboard shows the same sentences before saving.
 */
import { CHATFLOW_LANGUAGES, EMAIL_CAPTURE_MODES, LOGIN_ONLY_MODES, URL_OPERATORS, type ChatflowLanguage } from '@parley/protocol';
import { EMAIL_CAPTURE_LIMITS } from './visitorGates.js';
import { CRITERION_KEYS } from './criteria.js';
import { validateCriterion } from './validateCriteria.js';

export interface Problem {
  /** Where, like `targeting.groups[0][1].value`. */
  path: string;
  message: string;
}

export const TARGETING_LIMITS = {
  groups: 10,
  rulesPerGroup: 20,
  exclusions: 20,
  valueMaxLength: 500,
} as const;

export const SETTINGS_LIMITS = {
  headingNameMaxLength: 80,
  welcomeMessageMaxLength: 1000,
  headingUsers: 20,
  avatarUrlMaxLength: 2048,
  secondsOnPageMax: 3600,
} as const;

export function isChatflowLanguage(value: unknown): value is ChatflowLanguage {
  return typeof value === 'string' && (CHATFLOW_LANGUAGES as readonly string[]).includes(value);
}

export type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const list = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** Refuses keys the contract does not have, so a typo is not silently dropped. */
export function unknownKeys(value: Fields, allowed: readonly string[], path: string, problems: Problem[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push({ path: `${path}.${key}`, message: `Unknown field "${key}"; allowed: ${list(allowed)}.` });
  }
}

export function oneOf(value: unknown, allowed: readonly string[], path: string, what: string, problems: Problem[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    problems.push({ path, message: `${what} must be one of ${list(allowed)}.` });
  }
}

/** A non-blank string of at most `max` characters. */
export function text(value: unknown, max: number, path: string, what: string, problems: Problem[]): void {
  if (typeof value !== 'string') problems.push({ path, message: `${what} must be text.` });
  else if (value.trim() === '') problems.push({ path, message: `${what} must not be empty.` });
  else if (value.length > max) problems.push({ path, message: `${what} must be at most ${max} characters (it has ${value.length}).` });
}

// ---- targeting ----

const RULE_KEYS: Record<string, readonly string[]> = {
  url: ['field', 'op', 'value'],
  query: ['field', 'name', 'value'],
  device: ['field', 'value'],
  ...CRITERION_KEYS,
};

function validateRule(rule: unknown, path: string, problems: Problem[]): void {
  if (!isObject(rule)) {
    problems.push({ path, message: 'A rule must be an object with a "field".' });
    return;
  }
  if (typeof rule.field !== 'string' || !Object.hasOwn(RULE_KEYS, rule.field)) {
    problems.push({ path: `${path}.field`, message: `The rule's field must be one of ${list(Object.keys(RULE_KEYS))}.` });
    return;
  }
  unknownKeys(rule, RULE_KEYS[rule.field], path, problems);
  const max = TARGETING_LIMITS.valueMaxLength;
  switch (rule.field) {
    case 'url':
      oneOf(rule.op, URL_OPERATORS, `${path}.op`, 'A URL rule\'s operator', problems);
      text(rule.value, max, `${path}.value`, 'A URL rule\'s value', problems);
      // The query and the fragment are not part of what URL rules compare, so such a value
      // could never match; say so instead of saving a rule that silently does nothing.
      if (typeof rule.value === 'string' && /[?#]/.test(rule.value)) {
        problems.push({
          path: `${path}.value`,
          message: 'A URL rule compares the address without its query and fragment; remove the "?…" or "#…" part and use a query rule for parameters.',
        });
      }
      break;
    case 'query':
      text(rule.name, max, `${path}.name`, 'A query rule\'s parameter name', problems);
      text(rule.value, max, `${path}.value`, 'A query rule\'s value (use "*" for any value)', problems);
      break;
    case 'device':
      oneOf(rule.value, ['desktop', 'mobile'], `${path}.value`, 'A device rule\'s value', problems);
      break;
    case 'visitor':
    case 'contact':
    case 'contactProperty':
      // Its keys were checked above; the criterion's own check says the rest.
      problems.push(...validateCriterion(rule, path).filter((problem) => !problems.some((known) => known.path === problem.path)));
      break;
  }
}

function validateRules(rules: unknown, max: number, path: string, what: string, problems: Problem[]): void {
  if (!Array.isArray(rules)) {
    problems.push({ path, message: `${what} must be a list of rules.` });
    return;
  }
  if (rules.length > max) problems.push({ path, message: `${what} can have at most ${max} rules (it has ${rules.length}).` });
  rules.slice(0, max).forEach((rule, index) => validateRule(rule, `${path}[${index}]`, problems));
}

/**
 * `{ groups: rule[][], exclusions: rule[] }` exactly as the contract has it: at most 10 groups of
 * 1–20 rules, at most 20 exclusions, values non-empty and at most 500 characters.
 */
export function validateTargeting(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const path = 'targeting';
  if (!isObject(value)) return [{ path, message: 'Targeting must be an object with "groups" and "exclusions".' }];
  unknownKeys(value, ['groups', 'exclusions'], path, problems);
  const { groups, exclusions } = value;
  if (!Array.isArray(groups)) {
    problems.push({ path: `${path}.groups`, message: 'Targeting groups must be a list of groups (an empty list shows on every page).' });
  } else {
    if (groups.length > TARGETING_LIMITS.groups) {
      problems.push({ path: `${path}.groups`, message: `Targeting can have at most ${TARGETING_LIMITS.groups} groups (it has ${groups.length}).` });
    }
    groups.slice(0, TARGETING_LIMITS.groups).forEach((group, index) => {
      const groupPath = `${path}.groups[${index}]`;
      if (Array.isArray(group) && group.length === 0) {
        problems.push({ path: groupPath, message: `Group ${index + 1} has no rules; add a rule or remove the group.` });
      } else {
        validateRules(group, TARGETING_LIMITS.rulesPerGroup, groupPath, `Group ${index + 1}`, problems);
      }
    });
  }
  validateRules(exclusions, TARGETING_LIMITS.exclusions, `${path}.exclusions`, 'Exclusions', problems);
  return problems;
}

// ---- settings ----

const SETTINGS_KEYS = [
  'accentColor',
  'headingMode',
  'headingName',
  'headingAvatarUrl',
  'headingUserIds',
  'brandAsAgentAlias',
  'welcomeMessage',
  'display',
  'unreadSound',
  'unreadTitleFlash',
  'emailCapture',
  'emailCaptureMinutes',
  'emailCapturePrompt',
  'loginOnly',
] as const;

function validateAvatarUrl(value: unknown, path: string, problems: Problem[]): void {
  if (value === null) return;
  // An uploaded image Parley serves (`/files/…`) or an http(s) address: never `javascript:`,
  // `data:` or a protocol-relative `//host`, which would load from wherever it says.
  const ok =
    typeof value === 'string' &&
    value.length <= SETTINGS_LIMITS.avatarUrlMaxLength &&
    ((value.startsWith('/') && !value.startsWith('//')) || /^https?:\/\/[^\s]+$/i.test(value));
  if (!ok) problems.push({ path, message: 'The heading image must be an uploaded image\'s address (or none).' });
}

function validateUserIds(value: unknown, path: string, problems: Problem[]): void {
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'Heading users must be a list of user ids.' });
    return;
  }
  if (value.length > SETTINGS_LIMITS.headingUsers) {
    problems.push({ path, message: `The heading can show at most ${SETTINGS_LIMITS.headingUsers} users (it has ${value.length}).` });
  }
  value.forEach((id, index) => {
    if (!Number.isSafeInteger(id) || (id as number) <= 0) problems.push({ path: `${path}[${index}]`, message: 'A heading user id must be a positive whole number.' });
  });
  if (new Set(value).size !== value.length) problems.push({ path, message: 'Heading users must not repeat.' });
}

function wholeNumberOrNull(value: unknown, min: number, max: number, path: string, what: string, problems: Problem[]): void {
  if (value === null) return;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    problems.push({ path, message: `${what} must be a whole number from ${min} to ${max}, or null for off.` });
  }
}

function validateDisplay(value: unknown, path: string, problems: Problem[]): void {
  if (!isObject(value)) {
    problems.push({ path, message: 'Display must be an object with "desktop", "mobile" and "triggers".' });
    return;
  }
  unknownKeys(value, ['desktop', 'mobile', 'triggers'], path, problems);
  oneOf(value.desktop, ['prompt', 'launcher', 'promptThenOpen'], `${path}.desktop`, 'The desktop display', problems);
  if (value.mobile === 'promptThenOpen') {
    problems.push({ path: `${path}.mobile`, message: 'On mobile the chat never opens by itself: the mobile display must be "prompt" or "launcher".' });
  } else {
    oneOf(value.mobile, ['prompt', 'launcher'], `${path}.mobile`, 'The mobile display', problems);
  }
  const triggers = value.triggers;
  const triggersPath = `${path}.triggers`;
  if (!isObject(triggers)) {
    problems.push({ path: triggersPath, message: 'Triggers must be an object with "exitIntent", "secondsOnPage" and "scrollPercent".' });
    return;
  }
  unknownKeys(triggers, ['exitIntent', 'secondsOnPage', 'scrollPercent'], triggersPath, problems);
  if (typeof triggers.exitIntent !== 'boolean') problems.push({ path: `${triggersPath}.exitIntent`, message: 'Exit intent must be true or false.' });
  wholeNumberOrNull(triggers.secondsOnPage, 0, SETTINGS_LIMITS.secondsOnPageMax, `${triggersPath}.secondsOnPage`, 'Seconds on page', problems);
  wholeNumberOrNull(triggers.scrollPercent, 1, 100, `${triggersPath}.scrollPercent`, 'Percent scrolled', problems);
}

/**
 * A chatflow's widget settings. With `partial` (a PATCH) top-level fields may be missing; a field
 * that is present is checked whole (`display` with its desktop, mobile and all three triggers),
 * so a shallow merge with the stored settings is always complete.
 */
export function validateSettings(value: unknown, partial: boolean): Problem[] {
  const path = 'settings';
  if (!isObject(value)) return [{ path, message: 'Settings must be an object.' }];
  const problems: Problem[] = [];
  unknownKeys(value, SETTINGS_KEYS, path, problems);
  for (const key of SETTINGS_KEYS) {
    const at = `${path}.${key}`;
    if (!Object.hasOwn(value, key)) {
      if (!partial) problems.push({ path: at, message: `"${key}" is missing.` });
      continue;
    }
    const field = value[key];
    switch (key) {
      case 'accentColor':
        if (typeof field !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(field)) {
          problems.push({ path: at, message: 'The accent colour must be a hex colour like "#2f6fdf".' });
        }
        break;
      case 'headingMode':
        oneOf(field, ['branding', 'users', 'owner'], at, 'The heading mode', problems);
        break;
      case 'headingName':
        text(field, SETTINGS_LIMITS.headingNameMaxLength, at, 'The heading name', problems);
        break;
      case 'headingAvatarUrl':
        validateAvatarUrl(field, at, problems);
        break;
      case 'headingUserIds':
        validateUserIds(field, at, problems);
        break;
      case 'brandAsAgentAlias':
        if (typeof field !== 'boolean') problems.push({ path: at, message: '"Use the branding as an alias for agents" must be true or false.' });
        break;
      case 'welcomeMessage':
        text(field, SETTINGS_LIMITS.welcomeMessageMaxLength, at, 'The welcome message', problems);
        break;
      case 'display':
        validateDisplay(field, at, problems);
        break;
      case 'unreadSound':
        if (typeof field !== 'boolean') problems.push({ path: at, message: '"Play a sound for a new message" must be true or false.' });
        break;
      case 'unreadTitleFlash':
        if (typeof field !== 'boolean') problems.push({ path: at, message: '"Flash the page title for a new message" must be true or false.' });
        break;
      case 'emailCapture':
        oneOf(field, EMAIL_CAPTURE_MODES, at, 'Email capture', problems);
        break;
      case 'emailCaptureMinutes': {
        const { minutesMin, minutesMax } = EMAIL_CAPTURE_LIMITS;
        if (!Number.isInteger(field) || (field as number) < minutesMin || (field as number) > minutesMax) {
          problems.push({ path: at, message: `The minutes before asking for an email must be a whole number from ${minutesMin} to ${minutesMax}.` });
        }
        break;
      }
      case 'emailCapturePrompt':
        text(field, EMAIL_CAPTURE_LIMITS.promptMaxLength, at, 'The email prompt', problems);
        break;
      case 'loginOnly':
        oneOf(field, LOGIN_ONLY_MODES, at, 'Login-only mode', problems);
        break;
    }
  }
  return problems;
}
