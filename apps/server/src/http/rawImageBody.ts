/**
 * Image uploads (branding images, avatars) and chat attachments arrive as the raw bytes, whatever
 * type the client claims: the domain sniffs the type. Registered in a route's own scope, so the
 * JSON API keeps its parsers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';

/** Every body in `scope` becomes a Buffer of at most `maxBytes` (more: 413 file_too_large). */
export function acceptRawImageBodies(scope: FastifyInstance, maxBytes: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (request, payload, done) => {
    readLimited(request, payload, maxBytes).then(
      (bytes) => done(null, bytes),
      (error: Error) => done(error, undefined),
    );
  });
}

/** The body read by acceptRawImageBodies; no body at all is an empty buffer (file_empty later). */
export function rawBody(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/**
 * Reads the raw body up to `limit` bytes. A longer one is refused as soon as it is known (from
 * content-length, or while reading) instead of being buffered first.
 */
function readLimited(request: FastifyRequest, payload: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new DomainError('file_too_large', `at most ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    payload.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(new DomainError('file_too_large', `at most ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks, size));
    });
    payload.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}
