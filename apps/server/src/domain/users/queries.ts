import type { UserSummary } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { toUserSummary } from './presenters.js';

export async function listUsers(ctx: AppContext, workspaceId: number): Promise<UserSummary[]> {
  const rows = await ctx.storage.db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  return rows.map(toUserSummary);
}
