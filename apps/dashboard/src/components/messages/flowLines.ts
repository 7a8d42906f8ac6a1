import type { Message } from '@parley/protocol';

/**
 * W8 in the agent's thread: which answer the visitor picked for each question card, read from
 * their `flowAnswer` lines (a card is answered at most once, so the first answer is the answer).
 */
export function pickedAnswers(messages: readonly Message[]): ReadonlyMap<string, number> {
  const picked = new Map<string, number>();
  for (const message of messages) {
    const notice = message.notice;
    if (notice?.type === 'flowAnswer' && !picked.has(notice.cardId)) picked.set(notice.cardId, notice.answerIndex);
  }
  return picked;
}

export interface CapturedDetail {
  label: string;
  value: string;
}

/**
 * A filled capture card's line ("Sähköposti: a@b.example", one field a line, in the chatflow's
 * language) as label and value pairs; null when a line has no label, so the body shows as written.
 * A field's name never holds ": ", so the first one ends it and the rest is the visitor's value.
 */
export function capturedDetails(body: string): CapturedDetail[] | null {
  const details: CapturedDetail[] = [];
  for (const line of body.split('\n')) {
    const at = line.indexOf(': ');
    if (at <= 0) return null;
    details.push({ label: line.slice(0, at), value: line.slice(at + 2) });
  }
  return details;
}
