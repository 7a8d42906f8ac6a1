/**
 * What the loader tells the frame through its URL:
 * `?site=SITE_KEY&host=ORIGIN&flow=CHATFLOW_ID&lang=LANGUAGE[&preview=1]`.
 *
 * - `host` is the origin of the embedding page; the bridge trusts and posts to that origin only.
 * - `flow` is the chatflow the loader's targeting chose; the config is asked for that one. An
 *   older loader sends none and the server answers with the site's first published chatflow.
 * - `lang` lets the frame fetch its language chunk while the config is still on its way.
 * - `preview=1`: the admin's preview (W19), with no visitor, socket or API call at all.
 */
import type { ChatflowLanguage } from '@parley/protocol';
import { isChatflowLanguage } from './i18n';

export interface FrameParams {
  siteKey: string;
  /** Normalised origin of the host page, or null when missing or malformed (no bridge then). */
  hostOrigin: string | null;
  /** A positive integer, or null when absent or malformed. */
  chatflowId: number | null;
  /** null when absent; anything that is not one of our languages counts as English. */
  language: ChatflowLanguage | null;
  preview: boolean;
}

function readOrigin(host: string | null): string | null {
  if (!host) return null;
  try {
    const parsed = new URL(host);
    // An origin, not a URL: anything with a path or credentials is not what the loader sends.
    if (parsed.origin === host && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) return host;
  } catch {
    // not a URL
  }
  return null;
}

function readChatflowId(flow: string | null): number | null {
  if (!flow || !/^[1-9][0-9]*$/.test(flow)) return null;
  const id = Number(flow);
  return Number.isSafeInteger(id) ? id : null;
}

export function readFrameParams(search: string = location.search): FrameParams {
  const query = new URLSearchParams(search);
  const lang = query.get('lang');
  return {
    siteKey: query.get('site') ?? '',
    hostOrigin: readOrigin(query.get('host')),
    chatflowId: readChatflowId(query.get('flow')),
    language: lang === null ? null : isChatflowLanguage(lang) ? lang : 'en',
    preview: query.get('preview') === '1',
  };
}
