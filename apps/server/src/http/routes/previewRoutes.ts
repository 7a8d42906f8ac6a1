/**
 * The admin preview page (W19) at /widget/preview/: a neutral stand-in for a customer's page with
 * the preview build of the loader (apps/widget/dist/preview/), which draws the unsaved chatflow
 * the dashboard posts to it. Only Parley's own pages may frame it (the dashboard's device
 * frames); it fetches nothing, and frames only the chat window from this origin.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { pagePolicy, PREVIEW_CSP } from '../securityHeaders.js';
import { AssetDir, sendAsset } from '../staticAssets.js';

const previewDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../widget/dist/preview');

export async function previewRoutes(app: FastifyInstance): Promise<void> {
  const files = new AssetDir(previewDist);

  app.get('/widget/preview/*', { schema: { hide: true } }, async (request, reply) => {
    const relative = ((request.params as Record<string, string | undefined>)['*'] ?? '') || 'index.html';
    const asset = files.get(relative);
    if (!asset) return reply.status(404).type('text/plain; charset=utf-8').send(files.built ? `not found: ${relative}` : 'preview not built');
    if (relative.endsWith('.html')) pagePolicy(reply, PREVIEW_CSP, { deny: false }).header('x-frame-options', 'SAMEORIGIN');
    // Neither file is content-hashed: revalidated with the ETag on every load.
    return sendAsset(request, reply, await asset, 'no-cache');
  });
  app.get('/widget/preview', { schema: { hide: true } }, async (request, reply) =>
    reply.redirect(`/widget/preview/${request.url.slice('/widget/preview'.length)}`),
  );
}
