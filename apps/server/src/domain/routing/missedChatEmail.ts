/**
 * The text of the failed-action email (R3) for a chat nobody accepted in time. Plain text only:
 * visitor name, page and message are untrusted, and as text they cannot carry markup or links
 * disguised as ours. They can still carry line breaks, which in a header would start new headers
 * and in one-line body fields would fake lines of ours, so those are flattened.
 */

export interface MissedChatEmailInput {
  workspaceName: string;
  chatflowName: string;
  conversationId: number;
  visitorName: string;
  pageUrl: string | null;
  firstMessage: string | null;
  createdAt: number;
  /** Full link to the conversation in the inbox. */
  inboxUrl: string;
}

/** Enough of a long first message to decide whether to pick the chat up; the rest is in the inbox. */
const MAX_QUOTE_CHARS = 1000;
const MAX_LINE_CHARS = 200;

// C0 controls (CR, LF, tab, …), DEL, C1 controls and the Unicode line/paragraph separators.
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** One line: every control character becomes a space, runs of spaces collapse, long text is cut. */
export function oneLine(value: string, fallback: string): string {
  const flat = value.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();
  if (!flat) return fallback;
  return flat.length > MAX_LINE_CHARS ? `${flat.slice(0, MAX_LINE_CHARS - 1)}…` : flat;
}

/** The message as a "> " quote, so nothing in it reads as our own text. */
export function quote(message: string): string {
  let text = message.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(CONTROL_EXCEPT_NEWLINE, ' ').trim();
  if (text.length > MAX_QUOTE_CHARS) text = `${text.slice(0, MAX_QUOTE_CHARS - 1)}…`;
  return text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

/** UTC, spelled out: the recipients' time zones are unknown, and "UTC" keeps it unambiguous. */
export function formatTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The names a chat email speaks of, each flattened to one safe line. */
export function chatNames(input: Pick<MissedChatEmailInput, 'visitorName' | 'chatflowName' | 'workspaceName'>) {
  return {
    visitor: oneLine(input.visitorName, 'a visitor'),
    chatflow: oneLine(input.chatflowName, 'your chat'),
    workspace: oneLine(input.workspaceName, 'Parley'),
  };
}

/** Who, where, when and which conversation: the same block in every email about a chat. */
export function chatDetailLines(input: Pick<MissedChatEmailInput, 'visitorName' | 'pageUrl' | 'createdAt' | 'conversationId'>): string[] {
  return [
    `Visitor: ${oneLine(input.visitorName, 'a visitor')}`,
    `Page: ${input.pageUrl === null ? 'unknown' : oneLine(input.pageUrl, 'unknown')}`,
    `Started: ${formatTime(input.createdAt)}`,
    `Conversation: #${input.conversationId}`,
  ];
}

export function composeMissedChatEmail(input: MissedChatEmailInput): { subject: string; text: string } {
  const { visitor, chatflow, workspace } = chatNames(input);
  const message = input.firstMessage === null ? '' : quote(input.firstMessage);

  const text = [
    `Nobody accepted a chat from ${visitor} on ${chatflow} (${workspace}) in time.`,
    'The conversation is waiting in Unassigned for someone to pick it up.',
    '',
    ...chatDetailLines(input),
    '',
    ...(message ? ['First message:', message, ''] : ['The visitor has not written a message yet.', '']),
    `Open the conversation: ${input.inboxUrl}`,
    '',
  ].join('\n');

  return { subject: `Missed chat from ${visitor} on ${chatflow}`, text };
}
