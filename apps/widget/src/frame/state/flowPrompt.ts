/**
 * W8: the card a running flow waits at, read from the thread itself: the newest bot line asking
 * a question or for details, unless the visitor's line answering that card came after it. The
 * thread is what every tab, a reload and a reconnect share, so they all show the same buttons or
 * form; the server decides (a second answer to the same card changes nothing there).
 */
import type { Message, SendMessageResult } from '@parley/protocol';
import { failure } from '../api';

export type FlowPrompt = { kind: 'question'; cardId: string; answers: string[] } | { kind: 'capture'; cardId: string; fields: string[] };

export function pendingFlowPrompt(messages: readonly Message[]): FlowPrompt | null {
  const answered = new Set<string>();
  for (let i = messages.length - 1; i >= 0; i--) {
    const notice = messages[i]!.notice;
    if (!notice) continue;
    if (notice.type === 'flowAnswer' || notice.type === 'flowCaptured') answered.add(notice.cardId);
    if (notice.type === 'flowQuestion') return answered.has(notice.cardId) ? null : { kind: 'question', cardId: notice.cardId, answers: notice.answers };
    if (notice.type === 'flowCapture') return answered.has(notice.cardId) ? null : { kind: 'capture', cardId: notice.cardId, fields: notice.fields };
  }
  return null;
}

async function postAsVisitor(visitorToken: string, path: string, body: unknown): Promise<Response> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${visitorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response;
}

/** POST one of the flow commands of the visitor's conversation (answer or capture). */
export async function postFlowStep(visitorToken: string, conversationId: number, step: 'answer' | 'capture', body: unknown): Promise<void> {
  await postAsVisitor(visitorToken, `/api/widget/conversations/${conversationId}/flow/${step}`, body);
}

export interface FlowStartBody {
  chatflowId?: number;
  cardId: string;
  answerIndex: number;
  /** The same id for a retry of the same pick: the server then answers the first one's line. */
  clientMessageId: string;
}

/** POST /api/widget/flow/start: the conversation starts with an answer to the flow's opening question. */
export async function postFlowStart(visitorToken: string, body: FlowStartBody): Promise<SendMessageResult> {
  return (await (await postAsVisitor(visitorToken, '/api/widget/flow/start', body)).json()) as SendMessageResult;
}
