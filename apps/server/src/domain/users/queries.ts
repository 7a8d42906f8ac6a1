import type { UserSummary } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { toUserSummary, userSummaryQuery } from './presenters.js';

export async function listUsers(ctx: AppContext, workspaceId: number): Promise<UserSummary[]> {
  const rows = await userSummaryQuery(ctx.storage.db, ctx.clock()).where('users.workspace_id', '=', workspaceId).where('users.deleted_at', 'is', null).orderBy('users.name').execute();
  return rows.map((row) => toUserSummary(row, Boolean(row.connected)));
}
