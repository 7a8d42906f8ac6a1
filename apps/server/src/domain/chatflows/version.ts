import type { ChatflowRow } from '../../storage/schema.js';

/**
 * `updated_at` is also the widget config's version: the availability stream tells loaders to
 * fetch again when it changes. Two writes in the same millisecond must still give two versions.
 */
export function nextVersion(row: Pick<ChatflowRow, 'updated_at'>, now: number): number {
  return Math.max(now, row.updated_at + 1);
}
