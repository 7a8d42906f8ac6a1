/**
 * W8: the flow a chatflow starts with, which behaves as a chatflow did before flows: the hand-off
 * to a person right after the welcome (a setting of its own, said before any card), with the
 * routing's fallback message when nobody can take the chat and no offline branch.
 */
import type { ChatflowLanguage, FlowBranch } from '@parley/protocol';
import { defaultChatflowTexts } from './texts.js';

/** How long the default live-chat card waits for a person before its offline message. */
export const DEFAULT_WAIT_SECONDS = 180;

/** The live-chat card's online message, in every chatflow language. */
const ONLINE_MESSAGES: Record<ChatflowLanguage, string> = {
  en: 'Connecting you with our team. Someone will be with you shortly.',
  fi: 'Yhdistämme sinut tiimillemme. Joku on kanssasi hetken kuluttua.',
  sv: 'Vi kopplar dig till vårt team. Någon är med dig inom kort.',
  it: 'Ti stiamo mettendo in contatto con il nostro team. Qualcuno sarà da te a breve.',
  pl: 'Łączymy Cię z naszym zespołem. Ktoś zaraz się Tobą zajmie.',
  de: 'Wir verbinden Sie mit unserem Team. Gleich ist jemand für Sie da.',
  fr: 'Nous vous mettons en relation avec notre équipe. Quelqu’un va vous répondre dans un instant.',
  es: 'Te estamos poniendo en contacto con nuestro equipo. Alguien te atenderá en breve.',
};

export interface DefaultFlowTexts {
  /** The routing's fallback message (its language's default when left out). */
  offlineMessage?: string;
}

/** A live-chat card, with texts in `language` unless given. */
export function defaultFlow(language: ChatflowLanguage, texts: DefaultFlowTexts = {}): FlowBranch {
  const defaults = defaultChatflowTexts(language);
  return [
    {
      id: 'live-chat',
      type: 'liveChat',
      onlineMessage: ONLINE_MESSAGES[language] ?? ONLINE_MESSAGES.en,
      offlineMessage: texts.offlineMessage ?? defaults.fallbackMessage,
      waitSeconds: DEFAULT_WAIT_SECONDS,
      offline: [],
    },
  ];
}
