/**
 * Built front-end files served from memory, compressed once. Each file is read, hashed (ETag)
 * and compressed with brotli and gzip a single time per process, on a thread-pool thread, and
 * then every request is a negotiation and a buffer write: no per-request compression, no disk.
 * The cache is per process (module level), so several in-process nodes share it, and keyed by
 * path, size and mtime, so a rebuilt file is loaded again by the next node that starts.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface Asset {
  type: string;
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  /** Strong validator of the content; each encoding gets its own suffix (they are different bytes). */
  hash: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

const compressible = (type: string) => /^text\/|json|svg|manifest/.test(type);

/** Builds an asset from bytes: compressed forms are kept only when they are smaller. */
export async function makeAsset(identity: Buffer, type: string): Promise<Asset> {
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  if (!compressible(type) || identity.length < 200) return { type, identity, br: null, gzip: null, hash };
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip(identity, { level: 9 }),
  ]);
  return { type, identity, br: br.length < identity.length ? br : null, gzip: gz.length < identity.length ? gz : null, hash };
}

const loaded = new Map<string, Promise<Asset>>();

function loadFile(file: string, stat: fs.Stats): Promise<Asset> {
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  let asset = loaded.get(key);
  if (!asset) {
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    asset = fs.promises.readFile(file).then((bytes) => makeAsset(bytes, type));
    loaded.set(key, asset);
  }
  return asset;
}

/**
 * The files under a built directory, listed once when the node starts. Requests are looked up
 * in this list, so no request path ever reaches the file system (no traversal to guard).
 */
export class AssetDir {
  private readonly files = new Map<string, { file: string; stat: fs.Stats }>();

  constructor(readonly root: string) {
    if (!fs.existsSync(root)) return;
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      this.files.set(path.relative(root, file).split(path.sep).join('/'), { file, stat: fs.statSync(file) });
    }
    // Compress everything now, off the event loop, so the first visitor does not wait for it.
    for (const { file, stat } of this.files.values()) loadFile(file, stat).catch(() => {});
  }

  get built(): boolean {
    return this.files.size > 0;
  }

  has(relative: string): boolean {
    return this.files.has(relative);
  }

  get(relative: string): Promise<Asset> | null {
    const entry = this.files.get(relative);
    return entry ? loadFile(entry.file, entry.stat) : null;
  }
}

/** Vite names emitted files `name-<hash>.ext` under assets/: their content never changes. */
export function isHashed(relative: string): boolean {
  return /(^|\/)assets\/.+-[\w-]{8,}\.\w+$/.test(relative);
}

/** The best encoding the client accepts (brotli, then gzip), honouring q=0. */
function pickEncoding(acceptEncoding: string | undefined, asset: Asset): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (asset.br && (accepted.has('br') || accepted.has('*'))) return 'br';
  if (asset.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return null;
}

/** Sends an asset in the best accepted encoding, with its ETag; 304 when the client has it. */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  const encoding = pickEncoding(request.headers['accept-encoding'], asset);
  const etag = `"${asset.hash}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`;
  reply.header('cache-control', cacheControl).header('etag', etag).type(asset.type);
  if (asset.br || asset.gzip) reply.header('vary', 'accept-encoding');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))) {
    return reply.status(304).send();
  }
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.identity);
}
