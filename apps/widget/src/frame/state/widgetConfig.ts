/**
 * Checks a chatflow config before the frame uses it. A `config:changed` comes over the bridge
 * from the host page, which anything on that page could imitate, so it is read like the
 * availability: a well-formed copy or null. Texts are only ever rendered as text; avatar URLs
 * must be http(s) or a path on the Parley origin; the accent is checked again where it is used.
 */
import type { HeadingPerson, WidgetConfig } from '@parley/protocol';
import { isChatflowLanguage } from '../i18n';
import { readAvailability } from './availability';

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
    availability: readAvailability(availability) ?? {
      state: 'available',
      hideLauncher: false,
      message: null,
      typicalReplyTime: null,
      returnsAt: null,
    },
  };
}
