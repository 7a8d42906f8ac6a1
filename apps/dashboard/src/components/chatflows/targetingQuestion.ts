/**
 * W19 "Would this chatflow show?": the engine's own decision (the one the server makes for a
 * page view) over the site's chatflows with the unsaved one in place of its saved self, and the
 * sentences that explain it.
 */
import { chooseChatflow, explainChoice, type ChatflowCandidate } from '@parley/chatflow';
import type { Device } from '@parley/protocol';

export interface TargetingAnswer {
  shows: boolean;
  sentences: string[];
}

/**
 * Resolves what the admin typed against the site's address: `/privacy`, `shop.example/help`
 * and full URLs all work. Null when it cannot be a page address.
 */
export function pageUrl(input: string, siteOrigin: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    if (text.startsWith('/')) return new URL(text, siteOrigin).href;
    if (/^https?:\/\//i.test(text)) return new URL(text).href;
    return new URL(`https://${text}`).href;
  } catch {
    return null;
  }
}

/**
 * The answer for `draft` among `siteChatflows`. An unpublished draft is answered as if it were
 * published (the question is where it would show), and the answer says so.
 */
export function answerTargeting(
  draft: ChatflowCandidate,
  siteChatflows: readonly ChatflowCandidate[],
  situation: { url: string; device: Device; known: boolean },
): TargetingAnswer {
  const self = { ...draft, published: true };
  const candidates = [...siteChatflows.filter((chatflow) => chatflow.id !== draft.id), self];
  const choice = chooseChatflow(candidates, situation);
  const shows = choice.chosen?.id === draft.id;
  const sentences = explainChoice(choice);
  if (choice.chosen && !shows) {
    // It never got a turn; say what its own rules would have decided.
    const alone = explainChoice(chooseChatflow([self], situation))[0];
    sentences.push(`"${choice.chosen.name}" comes first by priority and shows instead. On its own: ${alone}`);
  }
  if (!draft.published) sentences.push('This chatflow is not published yet: it shows nowhere until it is. The answer above is for when it is.');
  return { shows, sentences };
}
