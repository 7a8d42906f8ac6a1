/**
 * A visitor writes. The message goes to the visitor's open conversation on this site; when there
 * is none (first message, or the last one was closed) a new conversation starts (W3, W13): the
 * chatflow's welcome message and its flow's opening come first, as the widget showed them, then
 * the visitor's line, then the flow runs on (W8); routing starts at its live-chat card (R1). The
 * new conversation runs in the chatflow the widget showed when that one is published on the
 * visitor's site, else in the site's first published chatflow by priority. A chatflow in
 * login-only mode refuses the start to a visitor who is not identified (identification_required),
 * and one that captures the email before the first message to a visitor without one
 * (email_required). A chatflow asking for explicit data processing consent refuses it until the
 * visitor agreed (consent_required).
 */
import { startRefusal } from '@parley/chatflow';
import type { SendMessageResult } from '@parley/protocol';
import { inTransaction, type UnitOfWork } from '../../events/unitOfWork.js';
import type { VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { DomainError } from '../errors.js';
import { parseWidgetSettings } from '../chatflows/chatflowSettings.js';
import { firstPublishedChatflow, publishedChatflowOfSite } from '../chatflows/queries.js';
import { deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';
import { parseRouting } from '../routing/routingSettings.js';
import { appendMessage, appendToOpenConversation, dedupeKey, findByDedupeKey, validateBody, type NewMessage } from './appendMessage.js';
import { chatflowFlow, runCards, runOpening, type FlowRun } from '../flows/runFlow.js';
import { loadSummary } from './presenters.js';
import { retryOnConflict } from './retryOnConflict.js';
import { startingTicketProperties } from '../ticketProperties/chatflowDefaults.js';
import { wakeOnVisitorMessage } from './snooze.js';
import { limitMessage } from '../limits/writeLimits.js';
import type { NewAttachment } from '../attachments/storedAttachment.js';
import { visitorStanding } from '../widget/visitorStanding.js';
import { consentRefusal } from '@parley/chatflow';
import { parseConsent } from '../consents/chatflowConsent.js';
import { dataProcessingGranted } from '../consents/consentRecords.js';
import { parseLanguage } from '../chatflows/presenters.js';

export async function sendVisitorMessage(
  ctx: AppContext,
  visitor: VisitorRow,
  input: { clientMessageId: string; body: string; chatflowId?: number; attachment?: NewAttachment },
): Promise<SendMessageResult> {
  validateBody(input.body);
  // Before any query: a sender over its allowance costs the node nothing.
  limitMessage(ctx, { kind: 'visitor', id: visitor.id });
  const author = { kind: 'visitor' as const, visitorId: visitor.id };
  return retryOnConflict(ctx, (attempt) =>
    inTransaction(ctx, async (uow) => {
      // A resent message is rare: the first attempt relies on the unique index on the client
      // message id to refuse it, and only a retry after that looks it up (one query less for
      // every message).
      const existing = attempt > 1 ? await findByDedupeKey(uow, dedupeKey(author, input.clientMessageId)) : null;
      if (existing) return { message: existing, duplicate: true };
      const line = { author, body: input.body, clientMessageId: input.clientMessageId, attachment: input.attachment };
      const appended = await appendToOpenConversation(uow, visitor, line);
      // A visitor writing wakes a snoozed chat at once (I3), in the message's transaction.
      if (appended) await wakeOnVisitorMessage(uow, appended.conversationId);
      const message = appended ?? (await startWithMessage(uow, visitor, input.chatflowId, line));
      return { message, duplicate: false };
    }),
  );
}

/**
 * A new conversation with the visitor's first line between the flow's opening and the rest of the
 * flow (W8); when the opening ends with a question, the chat waits there (the visitor may still
 * pick an answer after writing).
 */
async function startWithMessage(uow: UnitOfWork, visitor: VisitorRow, wantedChatflowId: number | undefined, line: NewMessage) {
  const run = await startConversation(uow, visitor, wantedChatflowId);
  const { question, rest } = await runOpening(uow, run);
  const message = await appendMessage(uow, run.conversationId, line);
  if (!question) await runCards(uow, run, rest, false);
  return message;
}

/** A new conversation in the `bot` routing state, with its welcome line; its flow is the caller's to run. */
export async function startConversation(uow: UnitOfWork, visitor: VisitorRow, wantedChatflowId: number | undefined) {
  const { trx, now } = uow;
  const wanted = wantedChatflowId === undefined ? undefined : await publishedChatflowOfSite(trx, visitor.site_id, wantedChatflowId);
  const chatflow = wanted ?? (await firstPublishedChatflow(trx, visitor.site_id));
  if (!chatflow) throw new DomainError('site_not_found', 'the site has no published chatflow');
  const settings = parseWidgetSettings(chatflow.settings);
  const refusal = startRefusal(settings, await visitorStanding(trx, visitor.id));
  if (refusal) throw new DomainError(refusal);
  const consent = parseConsent(chatflow.consent, parseLanguage(chatflow.language));
  // Read only when it matters: most chatflows never ask for the click.
  const agreed = consent.dataProcessing.mode === 'explicit' && (await dataProcessingGranted(trx, visitor.id, chatflow.id));
  const unconsented = consentRefusal(consent, agreed);
  if (unconsented) throw new DomainError(unconsented);
  // Priority, category and custom properties start as the chatflow's defaults (issue 12).
  const ticket = await startingTicketProperties(trx, chatflow);
  const flow = chatflowFlow(chatflow);
  const created = await trx
    .insertInto('conversations')
    .values({
      workspace_id: visitor.workspace_id,
      site_id: visitor.site_id,
      chatflow_id: chatflow.id,
      visitor_id: visitor.id,
      status: 'open',
      channel: 'chat',
      assignee_id: null,
      version: 1,
      last_seq: 0,
      created_at: now,
      updated_at: now,
      last_message_at: null,
      first_agent_reply_at: null,
      closed_at: null,
      close_reason: null,
      // The flow runs first; routing starts at its live-chat card (W8).
      routing_state: 'bot',
      last_activity_at: now,
      ...ticket,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The inactivity timeout is a durable deadline from the first moment (R6), as routing is from
  // the hand-off: if this node dies right after the commit, another one (or this one after a
  // restart) acts on the chat.
  const routing = parseRouting(chatflow.routing);
  await scheduleDeadline(
    trx,
    { key: deadlineKeys.inactivity(created.id), kind: 'inactivity', workspaceId: visitor.workspace_id, dueAt: now + routing.inactivityTimeoutMinutes * 60_000, payload: { conversationId: created.id } },
    now,
  );
  const summary = await loadSummary(trx, created.id);
  uow.emit({ type: 'conversation.created', workspaceId: visitor.workspace_id, conversation: summary });
  if (settings.welcomeMessage.trim()) {
    await appendMessage(uow, created.id, { author: { kind: 'bot', name: settings.headingName }, body: settings.welcomeMessage });
  }
  return { conversationId: created.id, workspaceId: visitor.workspace_id, chatflow, flow } satisfies FlowRun;
}
