/**
 * Built front ends: the widget loader (/widget.js) and its lazy chunks (/widget/loader/), the chat frame (/widget/frame/), the inbox
 * SPA (/inbox/), and the /demo page that embeds the widget like a customer site would.
 *
 * Caching: Vite's hashed files never change, so browsers keep them for a year without asking;
 * pages and widget.js keep their URL across releases, so they are revalidated with their ETag
 * (a 304 costs a round trip, not the bytes). All of it is sent brotli- or gzip-compressed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import { allowedOrigins } from '../../domain/sites/origins.js';
import { findSiteByKey } from '../../domain/sites/queries.js';
import { embedSnippet } from '../embedSnippet.js';
import { demoCsp, INBOX_CSP, pagePolicy, widgetFrameCsp } from '../securityHeaders.js';
import { AssetDir, isHashed, makeAsset, sendAsset, type Asset } from '../staticAssets.js';
import { previewRoutes } from './previewRoutes.js';

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const widgetDist = path.join(appsDir, 'widget/dist');
const dashboardDist = path.join(appsDir, 'dashboard/dist');

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Customer pages load widget.js on every view: five minutes without asking, then the ETag. */
const LOADER = 'public, max-age=300';

export async function staticRoutes(app: FastifyInstance, ctx: AppContext, demoSiteKey: () => Promise<string | null>): Promise<void> {
  const loader = new AssetDir(widgetDist);
  const frame = new AssetDir(path.join(widgetDist, 'frame'));
  const inbox = new AssetDir(dashboardDist);
  for (const dir of [frame, inbox]) {
    if (!dir.built) ctx.log.warn({ dir: dir.root }, 'front end not built; run `npm run build`');
  }
  const publicOrigin = new URL(ctx.config.publicUrl).origin;
  const notBuilt = (reply: FastifyReply, what: string) => reply.status(404).type('text/plain; charset=utf-8').send(`${what} not built`);

  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => {
    const asset = loader.get('widget.js');
    if (!asset) return notBuilt(reply, 'widget');
    reply.header('access-control-allow-origin', '*');
    return sendAsset(request, reply, await asset, LOADER);
  });

  // The loader's lazy chunks (apps/widget/vite.lazy.config.ts), imported by widget.js on
  // customer pages: module scripts are fetched with CORS, and every name carries a content hash.
  app.get('/widget/loader/*', { schema: { hide: true } }, async (request, reply) => {
    const relative = `loader/${wildcard(request)}`;
    const asset = relative.endsWith('.js') ? loader.get(relative) : undefined;
    if (!asset) return notFound(reply, relative);
    reply.header('access-control-allow-origin', '*');
    return sendAsset(request, reply, await asset, IMMUTABLE);
  });

  await previewRoutes(app);

  app.get('/widget/frame/*', { schema: { hide: true } }, async (request, reply) => {
    const relative = wildcard(request) || 'index.html';
    const asset = frame.get(relative);
    if (!asset) return notFound(reply, relative);
    if (relative.endsWith('.html')) {
      pagePolicy(reply, widgetFrameCsp(await frameAncestors(ctx, request), publicOrigin), { deny: false });
    }
    return sendAsset(request, reply, await asset, isHashed(relative) ? IMMUTABLE : REVALIDATE);
  });

  // The inbox routes in the browser (/inbox/conversations/42, /inbox/invite?token=…) are SPA
  // paths: anything that is not a built file gets index.html, except under assets/ (a missing
  // script must be a 404, not HTML the browser then refuses to run).
  app.get('/inbox/*', { schema: { hide: true } }, async (request, reply) => {
    let relative = wildcard(request);
    if (!inbox.has(relative)) {
      if (relative.startsWith('assets/')) return notFound(reply, relative);
      relative = 'index.html';
    }
    const asset = inbox.get(relative);
    if (!asset) return notBuilt(reply, 'inbox');
    // The inbox's URLs can carry an invitation token: they are never sent as a referrer.
    if (relative.endsWith('.html')) pagePolicy(reply, INBOX_CSP, { deny: true, referrer: 'no-referrer' });
    return sendAsset(request, reply, await asset, isHashed(relative) ? IMMUTABLE : REVALIDATE);
  });
  app.get('/inbox', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/inbox/'));
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/inbox/'));

  const demoPages = new Map<string, Promise<Asset>>();
  app.get('/demo', { schema: { hide: true } }, async (request, reply) => {
    const siteKey = await demoSiteKey();
    if (!siteKey) return reply.status(404).type('text/plain; charset=utf-8').send('no site yet');
    // The demo is served by this node, so the widget comes from the address the browser used
    // (a plain host[:port] only; anything else falls back to the configured public URL).
    const origin = /^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(request.host) ? `${request.protocol}://${request.host}` : publicOrigin;
    const key = `${origin} ${siteKey}`;
    let page = demoPages.get(key);
    if (!page) {
      // A handful of entries at most (one per address the node is reached on); bounded anyway.
      if (demoPages.size >= 32) demoPages.clear();
      page = makeAsset(Buffer.from(demoPage(embedSnippet(origin, siteKey))), 'text/html; charset=utf-8');
      demoPages.set(key, page);
    }
    pagePolicy(reply, demoCsp(origin), { deny: true });
    return sendAsset(request, reply, await page, REVALIDATE);
  });
}

function wildcard(request: FastifyRequest): string {
  return ((request.params as Record<string, string | undefined>)['*'] ?? '').replace(/^\/+/, '');
}

function notFound(reply: FastifyReply, relative: string): FastifyReply {
  return reply.status(404).type('text/plain; charset=utf-8').send(`not found: ${relative}`);
}

/**
 * Who may frame the chat window: the allowed origins of the site named by `?site=` (an empty
 * list allows any origin), or nobody when the key is missing or unknown.
 */
async function frameAncestors(ctx: AppContext, request: FastifyRequest): Promise<string[] | null> {
  const siteKey = (request.query as Record<string, unknown>).site;
  if (typeof siteKey !== 'string' || siteKey === '' || siteKey.length > 100) return null;
  try {
    return allowedOrigins(await findSiteByKey(ctx, siteKey));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

function demoPage(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Parley demo shop</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f}</style></head>
<body>
<header><h1>Demo shop</h1></header>
<main><p>This page embeds the Parley chat widget exactly as a customer's site would. Open the chat in the corner, write, and answer from the <a href="/inbox/">inbox</a>.</p></main>
${snippet}
</body>
</html>`;
}
