/**
 * W15 identity verification: the site's backend signs the user's id with the site secret,
 * `hash = hex(HMAC-SHA256(secret, id))`, and the widget passes it along. The server recomputes
 * it and compares in constant time, so neither the answer nor its timing tells how close a
 * guess was.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function identityHash(secret: string, externalId: string): string {
  return createHmac('sha256', secret).update(externalId, 'utf8').digest('hex');
}

export function isValidIdentityHash(secret: string, externalId: string, hash: string): boolean {
  const expected = Buffer.from(identityHash(secret, externalId), 'utf8');
  // Upper-case hex is the same number; anything else simply fails to match.
  const given = Buffer.from(hash.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A fresh site secret: 256 random bits, URL-safe. */
export function newSiteSecret(): string {
  return randomBytes(32).toString('base64url');
}
