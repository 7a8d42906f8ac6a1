/**
 * Idempotency key for message.send. `crypto.randomUUID` exists only in secure contexts, and a
 * self-hosted server may well be reached over plain http on a LAN; fall back to random bytes.
 */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
