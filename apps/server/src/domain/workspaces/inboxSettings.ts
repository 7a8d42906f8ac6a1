/** Workspace settings of the inbox (I3): whether agents get the All view. Admins change them. */
import type { InboxSettings } from '@parley/protocol';
import type { AppContext } from '../context.js';
import { agentsSeeAll } from '../conversations/listAccess.js';

export async function loadInboxSettings(ctx: AppContext, workspaceId: number): Promise<InboxSettings> {
  return { agentsSeeAll: await agentsSeeAll(ctx.storage.db, workspaceId) };
}

/**
 * Takes effect on the next list or counts request of each agent (both read the setting every
 * time); the inbox drops the All view when the counts it refreshes on every change lack it.
 */
export async function saveInboxSettings(ctx: AppContext, workspaceId: number, settings: InboxSettings): Promise<InboxSettings> {
  await ctx.storage.db.updateTable('workspaces').set({ agents_see_all: settings.agentsSeeAll ? 1 : 0 }).where('id', '=', workspaceId).execute();
  return loadInboxSettings(ctx, workspaceId);
}
