/**
 * Security headers (issue 8, hole 6). Every response gets nosniff, a referrer policy, HSTS when
 * Parley is served over https, and, unless its route set a page policy, a CSP that allows
 * nothing and no framing (JSON and errors are never documents to render or frame).
 *
 * Pages get their own policy: no inline script anywhere (every script is a built file from our
 * origin). The inbox may not be framed at all (a framed, signed-in inbox is a clickjacking
 * target); the widget frame only by the origins its site allows; the admin preview page only by
 * Parley's own pages; /demo by nobody.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { apiStubScript } from '@parley/protocol';
import type { AppContext } from '../domain/context.js';

const CSP = 'content-security-policy';

/** Directives every page shares: scripts only from files, no plugins, no <base> hijack. */
const PAGE_BASE = ["script-src 'self'", "object-src 'none'", "base-uri 'none'"];
/** Avatars may be any https image; data: is the inbox's empty favicon. */
const IMAGES = "img-src 'self' data: https:";

export const INBOX_CSP = [
  "default-src 'self'",
  ...PAGE_BASE,
  "style-src 'self'",
  IMAGES,
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOTHING_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Only exact `scheme://host[:port]` origins reach a header; anything else stored is ignored. */
function safeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/**
 * The chat frame's policy. `ancestors` are the site's allowed origins: an empty list means the
 * site allows any origin (as for the widget's API), null means no such site (nobody may frame).
 */
export function widgetFrameCsp(ancestors: string[] | null, publicOrigin: string): string {
  let frameAncestors = "'none'";
  if (ancestors && ancestors.length === 0) frameAncestors = '*';
  else if (ancestors) frameAncestors = ["'self'", publicOrigin, ...ancestors.map(safeOrigin).filter((o) => o !== null)].join(' ');
  // blob: shows sent images (W12), which the frame fetches with the visitor token (never in a URL).
  return ["default-src 'self'", ...PAGE_BASE, "style-src 'self'", `${IMAGES} blob:`, "connect-src 'self'", "form-action 'none'", `frame-ancestors ${frameAncestors}`].join('; ');
}

const API_STUB_SOURCE = `'sha256-${createHash('sha256').update(apiStubScript()).digest('base64')}'`;

/**
 * /demo embeds the widget like a customer page, from `widgetOrigin` (normally our own). The
 * launcher styles its shadow root with a <style> element, and the page has one: inline styles
 * are allowed there, inline scripts are not, except the snippet's `window.Parley` stub (W15),
 * allowed by its hash (as a customer with a script policy would).
 */
export function demoCsp(widgetOrigin: string): string {
  const from = `'self' ${widgetOrigin}`;
  return [
    "default-src 'self'",
    `script-src ${from} ${API_STUB_SOURCE}`,
    "object-src 'none'",
    "base-uri 'none'",
    "style-src 'self' 'unsafe-inline'",
    IMAGES,
    `connect-src ${from}`,
    `frame-src ${from}`,
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The admin preview page (W19): framed only by Parley's own pages, scripts and the chat frame
 * from this origin only, no requests at all (the dashboard posts it the config). Inline styles:
 * the page's own sheet and the loader's shadow-root <style>, as on a customer page.
 */
export const PREVIEW_CSP = [
  "default-src 'self'",
  ...PAGE_BASE,
  "style-src 'self' 'unsafe-inline'",
  IMAGES,
  "connect-src 'none'",
  "frame-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Marks a reply as a page with its own policy (the onSend hook then leaves framing alone). */
export function pagePolicy(reply: FastifyReply, csp: string, options: { deny: boolean; referrer?: string }): FastifyReply {
  reply.header(CSP, csp);
  if (options.deny) reply.header('x-frame-options', 'DENY');
  if (options.referrer) reply.header('referrer-policy', options.referrer);
  return reply;
}

export function registerSecurityHeaders(app: FastifyInstance, ctx: AppContext): void {
  const https = ctx.config.publicUrl.startsWith('https://');
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    // Only when people reach Parley over https: HSTS on a plain-http deployment would lock it out.
    if (https) reply.header('strict-transport-security', 'max-age=31536000');
    if (!reply.hasHeader(CSP)) {
      reply.header(CSP, NOTHING_CSP);
      reply.header('x-frame-options', 'DENY');
    }
    return payload;
  });
}
