/**
 * The chat heading a visitor sees (W2), resolved on the server for that visitor: the custom
 * branding, the listed users, or the visitor's contact owner. Users who were deactivated (or
 * deleted) drop out; when nobody is left the branding shows instead.
 */
import type { ChatflowLanguage, ChatflowWidgetSettings, WidgetHeading } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, VisitorRow } from '../../storage/schema.js';

type HeadingSettings = Pick<ChatflowWidgetSettings, 'headingMode' | 'headingName' | 'headingAvatarUrl' | 'headingUserIds'>;

export interface HeadingOptions {
  /** Only users of this workspace are shown (saved chatflows are checked already; this is defence in depth). */
  workspaceId?: number;
  /** How the names are joined ("Anna and Ben", "Anna ja Ben"). Default English. */
  language?: ChatflowLanguage;
}

function brandingHeading(settings: HeadingSettings): WidgetHeading {
  return { title: settings.headingName, people: [{ name: settings.headingName, avatarUrl: settings.headingAvatarUrl }] };
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** "Anna", "Anna and Ben", "Anna, Ben and Cleo" — in the chatflow's language. */
export function joinNames(names: string[], language: ChatflowLanguage = 'en'): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
}

async function activeUsers(db: Kysely<Database>, ids: number[], workspaceId: number | undefined) {
  if (ids.length === 0) return [];
  let query = db.selectFrom('users').select(['id', 'name', 'avatar_url']).where('id', 'in', ids).where('deactivated_at', 'is', null);
  if (workspaceId !== undefined) query = query.where('workspace_id', '=', workspaceId);
  const rows = await query.execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

export async function resolveWidgetHeading(
  db: Kysely<Database>,
  settings: HeadingSettings,
  visitor: VisitorRow | null,
  options: HeadingOptions = {},
): Promise<WidgetHeading> {
  const workspaceId = options.workspaceId ?? visitor?.workspace_id;
  if (settings.headingMode === 'users') {
    const users = await activeUsers(db, [...new Set(settings.headingUserIds)], workspaceId);
    if (users.length === 0) return brandingHeading(settings);
    return {
      title: joinNames(users.map((user) => firstName(user.name)), options.language),
      people: users.map((user) => ({ name: user.name, avatarUrl: user.avatar_url })),
    };
  }
  if (settings.headingMode === 'owner') {
    const ownerId = visitor?.owner_id ?? null;
    const [owner] = ownerId === null ? [] : await activeUsers(db, [ownerId], workspaceId);
    if (!owner) return brandingHeading(settings);
    return { title: firstName(owner.name), people: [{ name: owner.name, avatarUrl: owner.avatar_url }] };
  }
  return brandingHeading(settings);
}
