/**
 * Checks a chatflow config before the frame uses it. A `config:changed` comes over the bridge
 * from the host page, which anything on that page could imitate, so it is read like the
 * availability: a well-formed copy or null. Texts are only ever rendered as text; avatar URLs
 * must be http(s) or a path on the Parley origin; the accent is checked again where it is used.
 */
import { EMAIL_CAPTURE_MODES, LOGIN_ONLY_MODES, type HeadingPerson, type WidgetConfig } from '@parley/protocol';
import { isChatflowLanguage } from '../i18n';
import { readAvailability } from './availability';
import { consentField } from './consent';
import { flowOpeningField } from './flowOpening';

/** More would not fit the header anyway; a hostile page cannot make us draw thousands. */
const MAX_PEOPLE = 5;

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function readImageUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  return /^https?:\/\//i.test(value) ? value : null;
}

function readPeople(value: unknown): HeadingPerson[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isObject)
    .slice(0, MAX_PEOPLE)
    .map((person) => ({ name: text(person.name), avatarUrl: readImageUrl(person.avatarUrl) }));
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T => (values.includes(value as T) ? (value as T) : values[0]!);

/** W9 and login-only mode; unknown values read as off (the server enforces both anyway). */
function readVisitorGates(value: Raw): Pick<WidgetConfig, 'emailCapture' | 'loginOnly'> {
  const email = isObject(value.emailCapture) ? value.emailCapture : {};
  const login = isObject(value.loginOnly) ? value.loginOnly : {};
  const minutes = typeof email.minutes === 'number' && email.minutes > 0 ? email.minutes : 5;
  return {
    emailCapture: { mode: oneOf(EMAIL_CAPTURE_MODES, email.mode), minutes, prompt: text(email.prompt), visitorHasEmail: email.visitorHasEmail === true },
    loginOnly: { mode: oneOf(LOGIN_ONLY_MODES, login.mode), visitorIdentified: login.visitorIdentified === true },
  };
}

export function readWidgetConfig(value: unknown): WidgetConfig | null {
  if (!isObject(value)) return null;
  const { chatflowId, heading, availability } = value;
  // 0 is allowed: the admin's preview of a chatflow that is not saved yet has no id.
  if (typeof chatflowId !== 'number' || !Number.isSafeInteger(chatflowId) || chatflowId < 0) return null;
  const headingRaw = isObject(heading) ? heading : {};
  return {
    siteKey: text(value.siteKey),
    chatflowId,
    language: isChatflowLanguage(value.language) ? value.language : 'en',
    version: typeof value.version === 'number' ? value.version : 0,
    accentColor: text(value.accentColor),
    welcomeMessage: text(value.welcomeMessage),
    heading: { title: text(headingRaw.title), people: readPeople(headingRaw.people) },
    brandAsAgentAlias: value.brandAsAgentAlias === true,
    // The loader's business; the frame passes them on untouched and never reads them.
    display: value.display as WidgetConfig['display'],
    unreadSound: value.unreadSound === true,
    unreadTitleFlash: value.unreadTitleFlash === true,
    loaderStrings: value.loaderStrings as WidgetConfig['loaderStrings'],
    ...readVisitorGates(value),
    ...consentField(value.consent),
    ...flowOpeningField(value.flowOpening),
    availability: readAvailability(availability) ?? {
      state: 'available',
      hideLauncher: false,
      message: null,
      typicalReplyTime: null,
      returnsAt: null,
    },
  };
}
