/**
 * W10 consent settings of a chatflow: the defaults of a new one, what a PATCH may send, and which
 * text a recorded answer keeps. Data processing defaults to `legitimateInterest`: on (the text is
 * shown before the first message) without a click, so a chatflow keeps working as before until an
 * admin chooses `explicit`. The cookie banner is on by default, communications off.
 */
import {
  COOKIE_CONSENT_TIMINGS,
  DATA_PROCESSING_MODES,
  type ChatflowConsent,
  type ChatflowConsentPatch,
  type ChatflowLanguage,
  type ConsentKind,
} from '@parley/protocol';
import { defaultConsentTexts } from './consentTexts.js';
import { isObject, oneOf, text, unknownKeys, type Problem } from './validate.js';

export const CONSENT_LIMITS = { textMaxLength: 2000, urlMaxLength: 2048 } as const;

export function defaultConsent(language: ChatflowLanguage): ChatflowConsent {
  const texts = defaultConsentTexts(language);
  return {
    cookie: { enabled: true, when: 'beforeChat', text: texts.cookie },
    dataProcessing: { mode: 'legitimateInterest', text: texts.dataProcessing },
    communications: { enabled: false, text: texts.communications, subscriptionTypeId: null },
    privacyPolicyUrl: null,
    termsUrl: null,
  };
}

/** Stored consent over the defaults, part by part (a row written before consent existed reads as the defaults). */
export function mergeConsent(base: ChatflowConsent, patch: ChatflowConsentPatch): ChatflowConsent {
  return { ...base, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
}

/** The text a visitor was shown for one kind of consent. */
export function consentText(consent: ChatflowConsent, kind: ConsentKind): string {
  return consent[kind].text;
}

function boolean(value: unknown, path: string, what: string, problems: Problem[]): void {
  if (typeof value !== 'boolean') problems.push({ path, message: `${what} must be true or false.` });
}

function httpsUrl(value: unknown, path: string, what: string, problems: Problem[]): void {
  if (value === null) return;
  let ok = typeof value === 'string' && value.length <= CONSENT_LIMITS.urlMaxLength && !/\s/.test(value);
  if (ok) {
    try {
      const url = new URL(value as string);
      ok = url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
    } catch {
      ok = false;
    }
  }
  if (!ok) problems.push({ path, message: `${what} must be an https:// address (or none).` });
}

const PART_KEYS = {
  cookie: ['enabled', 'when', 'text'],
  dataProcessing: ['mode', 'text'],
  communications: ['enabled', 'text', 'subscriptionTypeId'],
} as const;
const CONSENT_KEYS = ['cookie', 'dataProcessing', 'communications', 'privacyPolicyUrl', 'termsUrl'] as const;

/**
 * `consent` as an admin sends it. With `partial` (a PATCH) parts may be missing; a part that is
 * present is checked whole. Subscription type ids are checked against the workspace by the server.
 */
export function validateConsent(value: unknown, partial: boolean): Problem[] {
  const path = 'consent';
  if (!isObject(value)) return [{ path, message: 'Consent must be an object.' }];
  const problems: Problem[] = [];
  unknownKeys(value, CONSENT_KEYS, path, problems);
  const max = CONSENT_LIMITS.textMaxLength;
  for (const key of CONSENT_KEYS) {
    const at = `${path}.${key}`;
    if (!Object.hasOwn(value, key)) {
      if (!partial) problems.push({ path: at, message: `"${key}" is missing.` });
      continue;
    }
    const field = value[key];
    if (key === 'privacyPolicyUrl' || key === 'termsUrl') {
      httpsUrl(field, at, key === 'termsUrl' ? 'The terms link' : 'The privacy policy link', problems);
      continue;
    }
    if (!isObject(field)) {
      problems.push({ path: at, message: `"${key}" must be an object.` });
      continue;
    }
    unknownKeys(field, PART_KEYS[key], at, problems);
    switch (key) {
      case 'cookie':
        boolean(field.enabled, `${at}.enabled`, 'The cookie banner\'s "enabled"', problems);
        oneOf(field.when, COOKIE_CONSENT_TIMINGS, `${at}.when`, 'When the cookie banner shows', problems);
        text(field.text, max, `${at}.text`, 'The cookie banner\'s text', problems);
        break;
      case 'dataProcessing':
        oneOf(field.mode, DATA_PROCESSING_MODES, `${at}.mode`, 'The data processing mode', problems);
        text(field.text, max, `${at}.text`, 'The data processing text', problems);
        break;
      case 'communications': {
        boolean(field.enabled, `${at}.enabled`, 'The communications checkbox\'s "enabled"', problems);
        text(field.text, max, `${at}.text`, 'The communications text', problems);
        const id = field.subscriptionTypeId;
        if (id !== null && (!Number.isSafeInteger(id) || (id as number) <= 0)) {
          problems.push({ path: `${at}.subscriptionTypeId`, message: 'The subscription type must be a subscription type\'s id (or none).' });
        } else if (field.enabled === true && id === null) {
          problems.push({ path: `${at}.subscriptionTypeId`, message: 'Choose the subscription type the communications checkbox subscribes to.' });
        }
        break;
      }
    }
  }
  return problems;
}

/** Whether a visitor's start needs a recorded "I agree" first. */
export function consentRefusal(consent: ChatflowConsent, dataProcessingGranted: boolean): 'consent_required' | null {
  return consent.dataProcessing.mode === 'explicit' && !dataProcessingGranted ? 'consent_required' : null;
}

/** The consent after a language change: texts still the old language's defaults become the new one's; texts written by hand stay. */
export function consentInLanguage(consent: ChatflowConsent, from: ChatflowLanguage, to: ChatflowLanguage): ChatflowConsent {
  const before = defaultConsentTexts(from);
  const after = defaultConsentTexts(to);
  const swap = (text: string, kind: keyof typeof before) => (text === before[kind] ? after[kind] : text);
  return {
    ...consent,
    cookie: { ...consent.cookie, text: swap(consent.cookie.text, 'cookie') },
    dataProcessing: { ...consent.dataProcessing, text: swap(consent.dataProcessing.text, 'dataProcessing') },
    communications: { ...consent.communications, text: swap(consent.communications.text, 'communications') },
  };
}
