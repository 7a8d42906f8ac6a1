/**
 * A2: a new chatflow on a site. Unless the request says otherwise it is unpublished (so nothing
 * changes on the site until the business publishes it), shown after the site's other chatflows,
 * in English, with the heading, welcome and fallback messages of its language, on every page.
 */
import { defaultChatflowTexts, defaultFlow } from '@parley/chatflow';
import type { Chatflow, CreateChatflowRequest } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { DEFAULT_ROUTING } from '../routing/routingSettings.js';
import { defaultWidgetSettings, mergeWidgetSettings } from './chatflowSettings.js';
import { checkHeadingUsers, checkRouting } from './checkRouting.js';
import { insertChatflow } from './insertChatflow.js';
import { toChatflow } from './presenters.js';
import { storeConsent } from '../consents/chatflowConsent.js';
import { nextPriority } from './queries.js';
import { validateChatflowInput } from './validateChatflowInput.js';
import { checkTicketDefaults } from '../ticketProperties/chatflowDefaults.js';
import { checkFlow } from './chatflowFlow.js';

export async function createChatflow(ctx: AppContext, workspaceId: number, input: CreateChatflowRequest): Promise<Chatflow> {
  validateChatflowInput(input);
  const checkedFlow = input.flow !== undefined ? checkFlow(input.flow, null) : undefined;
  return inTransaction(ctx, async (uow) => {
    const site = await uow.trx.selectFrom('sites').select('id').where('id', '=', input.siteId).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!site) throw new DomainError('validation_failed', 'siteId: no such site in this workspace');
    const language = input.language ?? 'en';
    // Left out, the routing is today's default with the fallback message in the chatflow's
    // language (W16: the visitor reads it). Changing the language later keeps what is stored.
    const routing = input.routing
      ? await checkRouting(uow.trx, workspaceId, input.routing)
      : { ...DEFAULT_ROUTING, fallbackMessage: defaultChatflowTexts(language).fallbackMessage };
    await checkHeadingUsers(uow.trx, workspaceId, input.settings?.headingUserIds);
    const ticketDefaults = input.ticketDefaults ? await checkTicketDefaults(uow.trx, workspaceId, input.ticketDefaults) : undefined;
    const settings = mergeWidgetSettings(defaultWidgetSettings(language), input.settings);
    // Left out, the flow is live chat right after the welcome, with this chatflow's texts.
    const flow = checkedFlow ?? defaultFlow(language, { offlineMessage: routing.fallbackMessage });
    const row = await insertChatflow(
      uow.trx,
      {
        workspaceId,
        siteId: site.id,
        name: input.name,
        published: input.published ?? false,
        priority: input.priority ?? (await nextPriority(uow.trx, site.id)),
        language,
        settings,
        targeting: input.targeting,
        routing,
        availability: input.availability,
        ticketDefaults,
        flow,
      },
      uow.now,
    );
    const chatflow = toChatflow(await storeConsent(uow.trx, workspaceId, row, input.consent));
    uow.emit({ type: 'chatflow.updated', workspaceId, chatflow });
    return chatflow;
  });
}
