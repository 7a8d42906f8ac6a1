/** A1: the setup wizard was finished (or skipped): admins are no longer sent to it. Idempotent. */
import type { WorkspaceSummary } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database, WorkspaceRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';

export function toWorkspaceSummary(workspace: Pick<WorkspaceRow, 'id' | 'name' | 'setup_completed_at' | 'agents_see_all'>): WorkspaceSummary {
  return { id: workspace.id, name: workspace.name, setupCompleted: workspace.setup_completed_at !== null, agentsSeeAll: workspace.agents_see_all === 1 };
}

export async function loadWorkspaceSummary(db: Kysely<Database>, workspaceId: number): Promise<WorkspaceSummary> {
  return toWorkspaceSummary(await db.selectFrom('workspaces').select(['id', 'name', 'setup_completed_at', 'agents_see_all']).where('id', '=', workspaceId).executeTakeFirstOrThrow());
}

export async function completeSetup(ctx: AppContext, workspaceId: number): Promise<WorkspaceSummary> {
  await ctx.storage.db.updateTable('workspaces').set({ setup_completed_at: ctx.clock() }).where('id', '=', workspaceId).where('setup_completed_at', 'is', null).execute();
  return loadWorkspaceSummary(ctx.storage.db, workspaceId);
}
