/**
 * A6 macros: canned replies. Everyone manages their own personal macros; shared ones (no owner)
 * are the admins'. A user sees the shared macros and their own, never a colleague's personal
 * ones: a macro another user may not see answers not_found, so ids reveal nothing.
 * No realtime event: macros are read when the inbox opens the picker or the Macros page.
 */
import type { CreateMacroRequest, Macro, UpdateMacroRequest } from '@parley/protocol';
import { MACRO_TITLE_MAX_LENGTH } from '@parley/protocol';
import type { Selectable } from 'kysely';
import type { MacrosTable, UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';

type MacroRow = Selectable<MacrosTable>;

function present(row: MacroRow): Macro {
  return { id: row.id, shortcut: row.shortcut, title: row.title, body: row.body, ownerUserId: row.owner_user_id, createdAt: row.created_at, updatedAt: row.updated_at };
}

function cleanTitle(raw: string): string {
  const title = raw.trim();
  if ([...title].length < 1 || [...title].length > MACRO_TITLE_MAX_LENGTH) throw new DomainError('validation_failed', `title must be 1–${MACRO_TITLE_MAX_LENGTH} characters`);
  return title;
}

/** Trailing spaces and newlines are dropped so an inserted macro does not end in blank lines. */
function cleanBody(raw: string): string {
  const body = raw.trimEnd();
  if (!body.trim()) throw new DomainError('validation_failed', 'body must not be blank');
  return body;
}

function assertMayManage(user: UserRow, ownerUserId: number | null): void {
  if (ownerUserId === null && user.role !== 'admin') throw new DomainError('forbidden', 'only admins manage shared macros');
}

/** Both scopes have a unique index; a clash on either becomes the same clear code. */
async function refuseDuplicates<T>(ctx: AppContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (ctx.storage.driver.isUniqueViolation(error)) throw new DomainError('macro_shortcut_taken');
    throw error;
  }
}

/** Shared macros first, then mine; each by shortcut. */
export async function listMacros(ctx: AppContext, user: UserRow): Promise<Macro[]> {
  const rows = await ctx.storage.db
    .selectFrom('macros')
    .selectAll()
    .where('workspace_id', '=', user.workspace_id)
    .where((eb) => eb.or([eb('owner_user_id', 'is', null), eb('owner_user_id', '=', user.id)]))
    .orderBy('shortcut')
    .orderBy('id')
    .execute();
  return rows.sort((a, b) => Number(a.owner_user_id !== null) - Number(b.owner_user_id !== null)).map(present);
}

async function loadVisible(ctx: AppContext, user: UserRow, id: number): Promise<MacroRow> {
  const row = await ctx.storage.db.selectFrom('macros').selectAll().where('id', '=', id).where('workspace_id', '=', user.workspace_id).executeTakeFirst();
  if (!row || (row.owner_user_id !== null && row.owner_user_id !== user.id)) throw new DomainError('not_found');
  return row;
}

export async function createMacro(ctx: AppContext, user: UserRow, input: CreateMacroRequest): Promise<Macro> {
  const ownerUserId = input.shared ? null : user.id;
  assertMayManage(user, ownerUserId);
  const title = cleanTitle(input.title);
  const body = cleanBody(input.body);
  const now = ctx.clock();
  const row = await refuseDuplicates(ctx, () =>
    ctx.storage.db
      .insertInto('macros')
      .values({ workspace_id: user.workspace_id, owner_user_id: ownerUserId, shortcut: input.shortcut, title, body, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return present(row);
}

export async function updateMacro(ctx: AppContext, user: UserRow, id: number, input: UpdateMacroRequest): Promise<Macro> {
  const current = await loadVisible(ctx, user, id);
  assertMayManage(user, current.owner_user_id);
  const changes = {
    ...(input.shortcut !== undefined ? { shortcut: input.shortcut } : {}),
    ...(input.title !== undefined ? { title: cleanTitle(input.title) } : {}),
    ...(input.body !== undefined ? { body: cleanBody(input.body) } : {}),
    updated_at: ctx.clock(),
  };
  const row = await refuseDuplicates(ctx, () => ctx.storage.db.updateTable('macros').set(changes).where('id', '=', id).returningAll().executeTakeFirst());
  if (!row) throw new DomainError('not_found');
  return present(row);
}

export async function deleteMacro(ctx: AppContext, user: UserRow, id: number): Promise<void> {
  const current = await loadVisible(ctx, user, id);
  assertMayManage(user, current.owner_user_id);
  await ctx.storage.db.deleteFrom('macros').where('id', '=', id).execute();
}
