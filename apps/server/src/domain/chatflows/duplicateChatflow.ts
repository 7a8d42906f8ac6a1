/** A2: a copy of a chatflow to start from: unpublished, "<name> (copy)", shown after the site's others, its flow's cards with new ids. */
import { LIMITS, type Chatflow } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { insertChatflow } from './insertChatflow.js';
import { toChatflow } from './presenters.js';
import { copyFlow } from './chatflowFlow.js';
import { loadLiveChatflow, nextPriority } from './queries.js';

export async function duplicateChatflow(ctx: AppContext, workspaceId: number, chatflowId: number): Promise<Chatflow> {
  return inTransaction(ctx, async (uow) => {
    const source = toChatflow(await loadLiveChatflow(uow.trx, workspaceId, chatflowId));
    const suffix = ' (copy)';
    const row = await insertChatflow(
      uow.trx,
      {
        workspaceId,
        siteId: source.siteId,
        name: source.name.slice(0, LIMITS.nameMaxLength - suffix.length) + suffix,
        published: false,
        priority: await nextPriority(uow.trx, source.siteId),
        language: source.language,
        settings: source.settings,
        targeting: source.targeting,
        routing: source.routing,
        availability: source.availability,
        ticketDefaults: source.ticketDefaults,
        // The same cards with ids of their own, so no stored position can point into both.
        flow: copyFlow(source.flow),
      },
      uow.now,
    );
    const chatflow = toChatflow(row);
    uow.emit({ type: 'chatflow.updated', workspaceId, chatflow });
    return chatflow;
  });
}
