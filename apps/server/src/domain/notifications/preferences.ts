/**
 * I8: a user's notification choices. Stored whole as JSON (017); a missing row, or a field a
 * later version added, reads as the default, so nobody has to choose before anything works.
 */
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';

type Group = keyof NotificationPreferences;

/** Stored JSON over the defaults, field by field; anything that is not a boolean is ignored. */
export function parsePreferences(json: string | null | undefined): NotificationPreferences {
  let stored: Record<string, unknown> = {};
  try {
    if (json) stored = JSON.parse(json) as Record<string, unknown>;
  } catch {
    // Unreadable choices (never written by Parley) fall back to the defaults.
  }
  const result = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
  for (const group of Object.keys(result) as Group[]) {
    const saved = stored[group];
    if (typeof saved !== 'object' || saved === null) continue;
    const target = result[group] as Record<string, boolean>;
    for (const kind of Object.keys(target)) {
      const value = (saved as Record<string, unknown>)[kind];
      if (typeof value === 'boolean') target[kind] = value;
    }
  }
  return result;
}

export async function loadPreferences(db: Kysely<Database>, userId: number): Promise<NotificationPreferences> {
  const row = await db.selectFrom('notification_prefs').select('settings').where('user_id', '=', userId).executeTakeFirst();
  return parsePreferences(row?.settings);
}

/** Several users' choices at once (email recipients), defaults for those who never chose. */
export async function loadPreferencesOf(db: Kysely<Database>, userIds: number[]): Promise<Map<number, NotificationPreferences>> {
  const rows = userIds.length === 0 ? [] : await db.selectFrom('notification_prefs').select(['user_id', 'settings']).where('user_id', 'in', userIds).execute();
  const byUser = new Map(rows.map((row) => [Number(row.user_id), row.settings]));
  return new Map(userIds.map((id) => [id, parsePreferences(byUser.get(id))]));
}

/** Replaces my choices (the schema already checked the shape); answers what is now stored. */
export async function savePreferences(ctx: AppContext, user: UserRow, preferences: NotificationPreferences): Promise<NotificationPreferences> {
  // Re-read through the parser so only known fields are stored, whatever the caller passed.
  const settings = JSON.stringify(parsePreferences(JSON.stringify(preferences)));
  const now = ctx.clock();
  await ctx.storage.db
    .insertInto('notification_prefs')
    .values({ user_id: user.id, settings, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ settings, updated_at: now }))
    .execute();
  return parsePreferences(settings);
}
