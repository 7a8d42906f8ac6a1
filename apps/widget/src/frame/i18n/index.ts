/**
 * The frame's active language (W16). Strings live in one module per language (en.ts, fi.ts, …)
 * loaded with a dynamic `import()`, so the build emits one chunk per language and a visitor
 * downloads only the one the chatflow uses. Components read strings through `t()` at render
 * time; main.tsx re-renders after a language switch.
 */
import { CHATFLOW_LANGUAGES, type ChatflowLanguage } from '@parley/protocol';
import type { StringKey, Strings } from './en';

export type { StringKey, Strings } from './en';

/** Literal `import()` calls, one per language, so the bundler can split each into its chunk. */
const LOADERS: Record<ChatflowLanguage, () => Promise<{ default: Strings }>> = {
  en: () => import('./en'),
  fi: () => import('./fi'),
  sv: () => import('./sv'),
  it: () => import('./it'),
  pl: () => import('./pl'),
  de: () => import('./de'),
  fr: () => import('./fr'),
  es: () => import('./es'),
};

export function isChatflowLanguage(value: unknown): value is ChatflowLanguage {
  return typeof value === 'string' && (CHATFLOW_LANGUAGES as readonly string[]).includes(value);
}

let active: { language: ChatflowLanguage; strings: Strings } | null = null;
/** The language asked for last: an older request that answers later must not win. */
let wanted: ChatflowLanguage | null = null;

/** True once some language is loaded; until then the frame draws nothing. */
export function stringsReady(): boolean {
  return active !== null;
}

/** The language strings and dates are shown in (also the Intl locale). */
export function activeLanguage(): ChatflowLanguage {
  return active?.language ?? 'en';
}

/** Replaces `{name}` placeholders; an unknown placeholder stays as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function t(key: StringKey, values?: Record<string, string | number>): string {
  const template = active?.strings[key] ?? '';
  return values ? fill(template, values) : template;
}

/** Makes `strings` the active table (tests, and the end of `switchLanguage`). */
export function setStrings(language: ChatflowLanguage, strings: Strings): void {
  active = { language, strings };
}

/**
 * Loads and activates a language; resolves to whether the active language changed. A chunk that
 * fails to load (a deploy replaced it, the network dropped) falls back to English so the chat
 * still works; if even that fails the previous language stays.
 */
export async function switchLanguage(language: ChatflowLanguage): Promise<boolean> {
  wanted = language;
  if (active?.language === language) return false;
  let loaded: { language: ChatflowLanguage; strings: Strings };
  try {
    loaded = { language, strings: (await LOADERS[language]()).default };
  } catch (error) {
    console.warn(`[parley] language ${language} not loaded:`, error);
    if (language === 'en' || active) return false;
    try {
      loaded = { language: 'en', strings: (await LOADERS.en()).default };
    } catch {
      return false;
    }
  }
  if (wanted !== language) return false;
  setStrings(loaded.language, loaded.strings);
  return true;
}
