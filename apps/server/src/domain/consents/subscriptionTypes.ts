/**
 * W10 subscription types: what a visitor's communications consent subscribes them to (a
 * newsletter, product news). Admins manage them; names are unique in a workspace. They are not
 * deleted: a consent names the type it was given for, and a chatflow may point at one.
 */
import type { CreateSubscriptionTypeRequest, SubscriptionType, UpdateSubscriptionTypeRequest } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, SubscriptionTypeRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';

function present(row: SubscriptionTypeRow): SubscriptionType {
  return { id: Number(row.id), name: row.name, description: row.description, createdAt: Number(row.created_at) };
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new DomainError('validation_failed', 'name: a subscription type needs a name');
  return name;
}

async function uniqueName<T>(ctx: AppContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (ctx.storage.driver.isUniqueViolation(error)) throw new DomainError('subscription_type_taken');
    throw error;
  }
}

export async function listSubscriptionTypes(db: Kysely<Database>, workspaceId: number): Promise<SubscriptionType[]> {
  const rows = await db.selectFrom('subscription_types').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
  return rows.map(present);
}

export async function findSubscriptionType(db: Kysely<Database>, workspaceId: number, id: number): Promise<SubscriptionTypeRow | undefined> {
  return db.selectFrom('subscription_types').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export async function createSubscriptionType(ctx: AppContext, workspaceId: number, input: CreateSubscriptionTypeRequest): Promise<SubscriptionType> {
  const name = cleanName(input.name);
  const row = await uniqueName(ctx, () =>
    ctx.storage.db
      .insertInto('subscription_types')
      .values({ workspace_id: workspaceId, name, description: (input.description ?? '').trim(), created_at: ctx.clock() })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return present(row);
}

export async function updateSubscriptionType(ctx: AppContext, workspaceId: number, id: number, input: UpdateSubscriptionTypeRequest): Promise<SubscriptionType> {
  if (!(await findSubscriptionType(ctx.storage.db, workspaceId, id))) throw new DomainError('not_found');
  const changes = {
    ...(input.name !== undefined ? { name: cleanName(input.name) } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
  };
  if (Object.keys(changes).length === 0) return present((await findSubscriptionType(ctx.storage.db, workspaceId, id))!);
  const row = await uniqueName(ctx, () =>
    ctx.storage.db.updateTable('subscription_types').set(changes).where('id', '=', id).where('workspace_id', '=', workspaceId).returningAll().executeTakeFirstOrThrow(),
  );
  return present(row);
}
