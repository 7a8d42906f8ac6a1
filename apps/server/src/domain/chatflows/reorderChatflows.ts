/**
 * A2: the order in which a site's chatflows are considered (first match shows). The request must
 * name every live chatflow of the site exactly once; they get priorities 0..n-1 in that order.
 */
import type { Chatflow } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { toChatflow } from './presenters.js';
import { liveChatflowsOfSite } from './queries.js';
import { nextVersion } from './version.js';

export async function reorderChatflows(ctx: AppContext, workspaceId: number, siteId: number, chatflowIds: number[]): Promise<Chatflow[]> {
  return inTransaction(ctx, async (uow) => {
    const site = await uow.trx.selectFrom('sites').select('id').where('id', '=', siteId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!site) throw new DomainError('not_found', 'no such site');
    const live = await liveChatflowsOfSite(uow.trx, siteId);
    const liveIds = new Set(live.map((c) => c.id));
    const sameSet = chatflowIds.length === liveIds.size && new Set(chatflowIds).size === chatflowIds.length && chatflowIds.every((id) => liveIds.has(id));
    if (!sameSet) {
      throw new DomainError('validation_failed', `chatflowIds: list every chatflow of the site exactly once (${[...liveIds].join(', ')})`);
    }
    const byId = new Map(live.map((c) => [c.id, c]));
    const result: Chatflow[] = [];
    for (const [priority, id] of chatflowIds.entries()) {
      const row = byId.get(id)!;
      if (row.priority === priority) {
        result.push(toChatflow(row));
        continue;
      }
      const updated = await uow.trx
        .updateTable('chatflows')
        .set({ priority, updated_at: nextVersion(row, uow.now) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const chatflow = toChatflow(updated);
      uow.emit({ type: 'chatflow.updated', workspaceId, chatflow });
      result.push(chatflow);
    }
    return result;
  });
}
