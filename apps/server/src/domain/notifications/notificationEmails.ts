/**
 * The text of the I8 emails: a new chat, and a chat assigned to you while you were away. Plain
 * text with the same safety rules as the missed-chat email (untrusted names flattened to one line,
 * the visitor's words quoted), and a line on where to change the choice.
 */
import { chatDetailLines, chatNames, quote, type MissedChatEmailInput } from '../routing/missedChatEmail.js';

export type ChatEmailInput = Omit<MissedChatEmailInput, 'firstMessage'> & {
  /** The visitor's words to quote (first message for a new chat, the latest for an assignment). */
  message: string | null;
  /** Where the Notifications page is, to change these emails. */
  preferencesUrl: string;
};

function body(input: ChatEmailInput, opening: string[], messageLabel: string): string {
  return [
    ...opening,
    '',
    ...chatDetailLines(input),
    '',
    ...(input.message === null ? ['The visitor has not written a message yet.', ''] : [messageLabel, quote(input.message), '']),
    `Open the conversation: ${input.inboxUrl}`,
    '',
    `You get this email because you chose it on the Notifications page and were away or not signed in to the inbox. Change it there: ${input.preferencesUrl}`,
    '',
  ].join('\n');
}

export function composeNewConversationEmail(input: ChatEmailInput): { subject: string; text: string } {
  const { visitor, chatflow, workspace } = chatNames(input);
  const opening = [`${visitor} started a chat on ${chatflow} (${workspace}).`];
  return { subject: `New chat from ${visitor} on ${chatflow}`, text: body(input, opening, 'First message:') };
}

export function composeAssignedEmail(input: ChatEmailInput): { subject: string; text: string } {
  const { visitor, chatflow, workspace } = chatNames(input);
  const opening = [`A chat from ${visitor} on ${chatflow} (${workspace}) was assigned to you while you were away.`, 'The visitor is waiting for your answer.'];
  return { subject: `Chat from ${visitor} assigned to you`, text: body(input, opening, 'Latest message from the visitor:') };
}
