/**
 * W8 running the flow. Every new conversation runs its chatflow's flow: it starts in the `bot`
 * routing state and its cards run in order. The flow's opening (its leading message cards and a
 * question right after them, which the widget showed before the visitor wrote) is stored before
 * the visitor's first line; the rest runs after it. Message cards are bot lines; a question or a
 * capture card is a bot line the conversation then waits at (`flow_card_id`), until the visitor
 * answers (flowCommands.ts); the live-chat card hands off to routing with its online message and
 * wait time, or runs its offline message and branch when nobody can take the chat
 * (flowOffline.ts). The stored card id is the whole position, so a reload, another tab or a
 * restarted node continues from the database alone.
 */
import { splitOpening } from '@parley/chatflow';
import type { FlowBranch, FlowCard, LiveChatCard, QuestionCard } from '@parley/protocol';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import type { ChatflowRow } from '../../storage/schema.js';
import { sql } from 'kysely';
import { widgetAvailability } from '../availability/widgetAvailability.js';
import { loadSummary } from '../conversations/presenters.js';
import { scheduleNewConversationEmail } from '../notifications/emailDeadlines.js';
import { parseFlow } from '../chatflows/chatflowFlow.js';
import { parseWidgetSettings } from '../chatflows/chatflowSettings.js';
import { parseLanguage } from '../chatflows/presenters.js';
import { appendMessage } from '../conversations/appendMessage.js';
import { deadlineKeys, scheduleDeadline } from '../deadlines/deadlineStore.js';
import { fallBack } from '../routing/fallback.js';
import { parseRouting } from '../routing/routingSettings.js';

export function chatflowFlow(chatflow: ChatflowRow): FlowBranch {
  return parseFlow(chatflow, parseLanguage(chatflow.language));
}

/** What the runner needs of a conversation and its chatflow. */
export interface FlowRun {
  conversationId: number;
  workspaceId: number;
  chatflow: ChatflowRow;
  flow: FlowBranch;
}

export async function loadFlowRun(uow: UnitOfWork, conversationId: number): Promise<FlowRun & { flowCardId: string | null; answers: Record<string, string> }> {
  const row = await uow.trx
    .selectFrom('conversations')
    .select(['workspace_id', 'chatflow_id', 'flow_card_id', 'flow_answers'])
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  const chatflow = await uow.trx.selectFrom('chatflows').selectAll().where('id', '=', row.chatflow_id).executeTakeFirstOrThrow();
  return { conversationId, workspaceId: row.workspace_id, chatflow, flow: chatflowFlow(chatflow), flowCardId: row.flow_card_id, answers: parseAnswers(row.flow_answers) };
}

export function parseAnswers(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function botLine(uow: UnitOfWork, run: FlowRun, body: string, notice: Parameters<typeof appendMessage>[2]['notice'] = null) {
  return appendMessage(uow, run.conversationId, { author: { kind: 'bot', name: parseWidgetSettings(run.chatflow.settings).headingName }, body, notice });
}

async function waitAt(uow: UnitOfWork, run: FlowRun, cardId: string | null): Promise<void> {
  await uow.trx.updateTable('conversations').set({ flow_card_id: cardId }).where('id', '=', run.conversationId).execute();
}

/**
 * The hand-off: the chat leaves the bot and is routed (R1, R6); the team hears of it now, not
 * while the bot still talks (the new-chat email, and the inbox's alert on the state change).
 */
export async function startRouting(uow: UnitOfWork, run: FlowRun): Promise<void> {
  await leaveBot(uow, run);
  await scheduleDeadline(uow.trx, { key: deadlineKeys.route(run.conversationId), kind: 'route', workspaceId: run.workspaceId, dueAt: uow.now, payload: { conversationId: run.conversationId } }, uow.now);
}

/** From `bot` to `routing`, announced with the new state; a chat that left the bot already is left as it is. */
async function leaveBot(uow: UnitOfWork, run: FlowRun): Promise<void> {
  const left = await uow.trx
    .updateTable('conversations')
    .set({ routing_state: 'routing', version: sql<number>`version + 1`, updated_at: uow.now })
    .where('id', '=', run.conversationId)
    .where('routing_state', '=', 'bot')
    .executeTakeFirst();
  if (Number(left.numUpdatedRows) === 0) return;
  await scheduleNewConversationEmail(uow, run.workspaceId, run.conversationId);
  uow.emit({ type: 'conversation.updated', workspaceId: run.workspaceId, conversation: await loadSummary(uow.trx, run.conversationId) });
}

/** The opening cards, said before the visitor's first line: the leading messages, then the question after them (which the chat then waits at). */
export async function runOpening(uow: UnitOfWork, run: FlowRun): Promise<{ question: QuestionCard | null; rest: FlowCard[] }> {
  const { messages, question, rest } = splitOpening(run.flow);
  for (const card of messages) await botLine(uow, run, card.text);
  if (question) await askQuestion(uow, run, question);
  return { question, rest };
}

async function askQuestion(uow: UnitOfWork, run: FlowRun, card: QuestionCard): Promise<void> {
  await waitAt(uow, run, card.id ?? null);
  await botLine(uow, run, card.text, { type: 'flowQuestion', cardId: card.id ?? '', answers: card.answers.map((a) => a.label) });
}

/**
 * Runs `cards` in order until one waits for the visitor or hands off. Past the last card the
 * flow is over: a path without a live-chat card is routed as usual, unless it was an offline
 * branch (the hand-off already failed; the chat stays in Unassigned).
 */
export async function runCards(uow: UnitOfWork, run: FlowRun, cards: FlowCard[], inOffline: boolean): Promise<void> {
  for (const card of cards) {
    switch (card.type) {
      case 'message':
        await botLine(uow, run, card.text);
        break;
      case 'question':
        await askQuestion(uow, run, card);
        return;
      case 'capture':
        await waitAt(uow, run, card.id ?? null);
        await botLine(uow, run, card.text, { type: 'flowCapture', cardId: card.id ?? '', fields: [...card.fields] });
        return;
      case 'liveChat':
        await handOff(uow, run, card);
        return;
    }
  }
  await waitAt(uow, run, null);
  if (!inOffline) await startRouting(uow, run);
}

/**
 * The live-chat card: with someone to take the chat, its online message and routing, and a
 * durable `flow-offline:<id>` deadline after its wait time; with everyone offline or away, its
 * offline branch at once (through the fallback, which marks the chat missed as routing would).
 */
async function handOff(uow: UnitOfWork, run: FlowRun, card: LiveChatCard): Promise<void> {
  // Someone took the chat by hand while the flow ran: the hand-off has happened already.
  const taken = await uow.trx.selectFrom('conversations').select('assignee_id').where('id', '=', run.conversationId).executeTakeFirstOrThrow();
  if (taken.assignee_id !== null) return waitAt(uow, run, null);
  await waitAt(uow, run, card.id ?? null);
  const { state } = await widgetAvailability(uow.trx, run.chatflow, uow.now);
  if (state === 'away' || state === 'offline') {
    await leaveBot(uow, run);
    await fallBack(uow, run.conversationId, parseRouting(run.chatflow.routing));
    return;
  }
  if (card.onlineMessage.trim()) await botLine(uow, run, card.onlineMessage);
  await startRouting(uow, run);
  await scheduleDeadline(
    uow.trx,
    {
      key: deadlineKeys.flowOffline(run.conversationId),
      kind: 'flow_offline',
      workspaceId: run.workspaceId,
      dueAt: uow.now + card.waitSeconds * 1000,
      payload: { conversationId: run.conversationId, cardId: card.id ?? '' },
    },
    uow.now,
  );
}

/** The offline branch of the live-chat card the conversation waits at: its offline message, then its cards. */
export async function runOfflineBranch(uow: UnitOfWork, run: FlowRun, card: LiveChatCard): Promise<void> {
  if (card.offlineMessage.trim()) await botLine(uow, run, card.offlineMessage);
  await runCards(uow, run, card.offline, true);
}
