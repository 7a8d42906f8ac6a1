/**
 * The opaque cursor of the inbox lists (I3): where the previous page ended in the list's keyset
 * order (sort key, then id), and a fingerprint of the view and filters it was made for, so a
 * cursor is never silently applied to another list. Clients must treat it as a black box.
 */
import { DomainError } from '../errors.js';

/** Open lists sort by activity, Closed by closing time, Snoozed by wake-up time. */
export type ListOrder = 'activity' | 'closed' | 'wake';

export interface ListCursor {
  order: ListOrder;
  /** The sort key (epoch ms) and id of the last row of the previous page. */
  key: number;
  id: number;
  /** Which view and filters it belongs to. */
  scope: string;
}

const ORDERS: readonly ListOrder[] = ['activity', 'closed', 'wake'];

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.key, cursor.id, cursor.scope]), 'utf8').toString('base64url');
}

/** Anything but a cursor this list handed out is refused with invalid_cursor. */
export function decodeCursor(text: string, expected: { order: ListOrder; scope: string }): ListCursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('invalid_cursor', 'not a list cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw new DomainError('invalid_cursor', 'not a list cursor');
  const [order, key, id, scope] = parsed as unknown[];
  if (!ORDERS.includes(order as ListOrder) || !isWhole(key) || !isWhole(id) || (id as number) < 1 || typeof scope !== 'string') {
    throw new DomainError('invalid_cursor', 'not a list cursor');
  }
  if (order !== expected.order || scope !== expected.scope) throw new DomainError('invalid_cursor', 'the cursor belongs to another view or other filters');
  return { order: order as ListOrder, key: key as number, id: id as number, scope };
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
