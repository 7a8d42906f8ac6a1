/**
 * W9 in the frame: when the email prompt shows (pure, from the config and the thread's stored
 * message times, so a reload shows it again at the same moment) and sending the email.
 */
import { emailPromptDueAt, type TimedLine } from '@parley/chatflow';
import type { Message, WidgetConfig } from '@parley/protocol';
import { failure } from '../api';
import type { ThreadState } from './thread';

/** `blocking`: no message may be sent before the email; `offered`: the prompt shows above the composer. */
export type EmailPromptMode = 'none' | 'blocking' | 'offered';

const timedLine = (message: Message): TimedLine => ({
  author: message.author.kind === 'visitor' || message.author.kind === 'user' ? message.author.kind : 'other',
  createdAt: message.createdAt,
});

/** What the prompt does now, and when a `noReply` prompt becomes due (to wake up then). */
export function emailPromptState(
  gate: WidgetConfig['emailCapture'] | undefined,
  thread: ThreadState,
  captured: boolean,
  now: number,
): { mode: EmailPromptMode; dueAt: number | null } {
  const none = { mode: 'none' as const, dueAt: null };
  if (!gate || captured || gate.visitorHasEmail) return none;
  if (gate.mode === 'beforeFirstMessage') {
    // A chat already under way (started before the option was turned on) carries on.
    return thread.conversation?.status === 'open' ? none : { mode: 'blocking', dueAt: null };
  }
  if (gate.mode !== 'noReply') return none;
  const dueAt = emailPromptDueAt(gate.minutes, thread.messages.map(timedLine));
  if (dueAt === null) return none;
  return { mode: now >= dueAt ? 'offered' : 'none', dueAt };
}

/** POST /api/widget/email: links the visitor to a contact with this email (made if new). */
export async function postVisitorEmail(visitorToken: string, email: string): Promise<void> {
  const response = await fetch('/api/widget/email', {
    method: 'POST',
    headers: { authorization: `Bearer ${visitorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw await failure(response);
}
