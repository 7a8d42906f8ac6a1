/**
 * A2: deleting a chatflow hides it everywhere (lists, the widget, new chats) at once. The row
 * stays (`deleted_at`), because conversations that started in it keep routing by its settings
 * and their history names it. Its version moves, so open widgets showing it re-decide.
 */
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { loadLiveChatflow } from './queries.js';
import { nextVersion } from './version.js';

export async function deleteChatflow(ctx: AppContext, workspaceId: number, chatflowId: number): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const existing = await loadLiveChatflow(uow.trx, workspaceId, chatflowId);
    await uow.trx
      .updateTable('chatflows')
      .set({ deleted_at: uow.now, published: 0, updated_at: nextVersion(existing, uow.now) })
      .where('id', '=', chatflowId)
      .execute();
    uow.emit({ type: 'chatflow.deleted', workspaceId, chatflowId, siteId: existing.site_id });
  });
}
