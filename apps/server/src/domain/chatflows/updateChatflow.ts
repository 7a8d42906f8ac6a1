/**
 * A2/A7: an editor changes a chatflow: name, Published, priority, language, widget settings
 * (merged field by field into the stored ones), targeting, routing or availability. Everything is
 * validated before the transaction, references (users, teams) inside it, so a refused change
 * writes nothing. Queued chats are woken, as new routing rules may place them.
 */
import type { Chatflow, UpdateChatflowRequest } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { scheduleDrain } from '../routing/triggers.js';
import { mergeWidgetSettings, parseWidgetSettings } from './chatflowSettings.js';
import { checkHeadingUsers, checkRouting } from './checkRouting.js';
import { toChatflow } from './presenters.js';
import { loadLiveChatflow } from './queries.js';
import { nextVersion } from './version.js';
import { storeConsent } from '../consents/chatflowConsent.js';
import { validateChatflowInput } from './validateChatflowInput.js';
import { checkTicketDefaults } from '../ticketProperties/chatflowDefaults.js';
import { checkFlow, parseFlow } from './chatflowFlow.js';
import { parseLanguage } from './presenters.js';

export async function updateChatflow(ctx: AppContext, workspaceId: number, chatflowId: number, input: UpdateChatflowRequest): Promise<Chatflow> {
  validateChatflowInput(input);
  return inTransaction(ctx, async (uow) => {
    const existing = await loadLiveChatflow(uow.trx, workspaceId, chatflowId);
    const routing = input.routing ? await checkRouting(uow.trx, workspaceId, input.routing) : undefined;
    await checkHeadingUsers(uow.trx, workspaceId, input.settings?.headingUserIds);
    const ticketDefaults = input.ticketDefaults ? await checkTicketDefaults(uow.trx, workspaceId, input.ticketDefaults) : undefined;
    const settings = input.settings ? mergeWidgetSettings(parseWidgetSettings(existing.settings), input.settings) : undefined;
    const flow = input.flow !== undefined ? checkFlow(input.flow, parseFlow(existing, parseLanguage(existing.language))) : undefined;
    const row = await uow.trx
      .updateTable('chatflows')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.published !== undefined ? { published: input.published ? 1 : 0 } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(settings ? { settings: JSON.stringify(settings) } : {}),
        ...(input.targeting ? { targeting: JSON.stringify(input.targeting) } : {}),
        ...(routing ? { routing: JSON.stringify(routing) } : {}),
        ...(input.availability ? { availability: JSON.stringify(input.availability) } : {}),
        ...(ticketDefaults ? { ticket_defaults: JSON.stringify(ticketDefaults) } : {}),
        ...(flow ? { flow: JSON.stringify(flow) } : {}),
        updated_at: nextVersion(existing, uow.now),
      })
      .where('id', '=', chatflowId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const chatflow = toChatflow(await storeConsent(uow.trx, workspaceId, row, input.consent));
    uow.emit({ type: 'chatflow.updated', workspaceId, chatflow });
    await scheduleDrain(uow, workspaceId, `chatflow:${chatflowId}:${uow.now}`);
    return chatflow;
  });
}
