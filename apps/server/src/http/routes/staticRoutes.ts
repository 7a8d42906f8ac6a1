/**
 * Built front ends: the widget loader (/widget.js), the chat frame (/widget/frame/), the inbox
 * SPA (/inbox/), and the /demo page that embeds the widget like a customer site would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { embedSnippet } from '../embedSnippet.js';

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const widgetDist = path.join(appsDir, 'widget/dist');
const dashboardDist = path.join(appsDir, 'dashboard/dist');

export async function staticRoutes(app: FastifyInstance, ctx: AppContext, demoSiteKey: () => Promise<string | null>): Promise<void> {
  for (const dir of [widgetDist, dashboardDist]) {
    if (!fs.existsSync(dir)) ctx.log.warn({ dir }, 'front end not built; run `npm run build`');
  }
  await app.register(fastifyStatic, { root: path.join(widgetDist, 'frame'), prefix: '/widget/frame/', decorateReply: false, index: ['index.html'] });
  await app.register(fastifyStatic, { root: dashboardDist, prefix: '/inbox/', decorateReply: false, wildcard: false, index: ['index.html'] });

  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    const file = path.join(widgetDist, 'widget.js');
    if (!fs.existsSync(file)) return reply.status(404).type('text/plain').send('widget not built');
    reply.header('access-control-allow-origin', '*');
    reply.header('cache-control', 'public, max-age=300');
    return reply.type('application/javascript; charset=utf-8').send(fs.createReadStream(file));
  });

  // The inbox routes in the browser (/inbox/conversations/42, /inbox/invite?token=…) are SPA paths.
  app.get('/inbox/*', { schema: { hide: true } }, async (_request, reply) => {
    const index = path.join(dashboardDist, 'index.html');
    if (!fs.existsSync(index)) return reply.status(404).type('text/plain').send('inbox not built');
    return reply.type('text/html; charset=utf-8').send(fs.createReadStream(index));
  });
  app.get('/inbox', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/inbox/'));
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/inbox/'));

  app.get('/demo', { schema: { hide: true } }, async (request, reply) => {
    const siteKey = await demoSiteKey();
    if (!siteKey) return reply.status(404).type('text/plain').send('no site yet');
    // The demo is served by this node, so the widget comes from the address the browser used
    // (a plain host[:port] only; anything else falls back to the configured public URL).
    const origin = /^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(request.host) ? `${request.protocol}://${request.host}` : ctx.config.publicUrl;
    return reply.type('text/html; charset=utf-8').send(demoPage(embedSnippet(origin, siteKey)));
  });
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
