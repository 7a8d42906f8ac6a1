/**
 * W16: the default texts of a new chatflow and the loader's few strings, in every chatflow
 * language. The server puts the loader strings in the config, so the loader downloads only the
 * active language.
 */
import type { ChatflowLanguage, LoaderStrings } from '@parley/protocol';

export interface ChatflowTexts {
  headingName: string;
  welcomeMessage: string;
  /** What the visitor reads when nobody can take the chat (R3): the routing's fallback message. */
  fallbackMessage: string;
  /** W9: the line above the widget's email field. */
  emailCapturePrompt: string;
}

const DEFAULT_TEXTS: Record<ChatflowLanguage, ChatflowTexts> = {
  en: {
    headingName: 'Support team',
    welcomeMessage: 'Hi! How can we help you today?',
    fallbackMessage: "Sorry, nobody could take your chat right now. We'll get back to you as soon as possible.",
    emailCapturePrompt: 'Leave your email so we can get back to you.',
  },
  fi: {
    headingName: 'Asiakaspalvelu',
    welcomeMessage: 'Hei! Miten voimme auttaa sinua tänään?',
    fallbackMessage: 'Valitettavasti kukaan ei juuri nyt ehtinyt vastata chattiisi. Palaamme asiaan mahdollisimman pian.',
    emailCapturePrompt: 'Jätä sähköpostiosoitteesi, niin voimme vastata sinulle.',
  },
  sv: {
    headingName: 'Kundtjänst',
    welcomeMessage: 'Hej! Hur kan vi hjälpa dig i dag?',
    fallbackMessage: 'Tyvärr kunde ingen ta emot din chatt just nu. Vi återkommer så snart vi kan.',
    emailCapturePrompt: 'Lämna din e-postadress så att vi kan återkomma till dig.',
  },
  it: {
    headingName: 'Assistenza clienti',
    welcomeMessage: 'Ciao! Come possiamo aiutarti oggi?',
    fallbackMessage: 'Ci dispiace, al momento nessuno può rispondere alla tua chat. Ti ricontatteremo il prima possibile.',
    emailCapturePrompt: 'Lasciaci la tua email così potremo risponderti.',
  },
  pl: {
    headingName: 'Zespół wsparcia',
    welcomeMessage: 'Cześć! Jak możemy Ci dziś pomóc?',
    fallbackMessage: 'Przepraszamy, nikt nie może teraz odebrać Twojego czatu. Odezwiemy się najszybciej, jak to możliwe.',
    emailCapturePrompt: 'Zostaw swój adres e-mail, abyśmy mogli Ci odpowiedzieć.',
  },
  de: {
    headingName: 'Support-Team',
    welcomeMessage: 'Hallo! Wie können wir Ihnen heute helfen?',
    fallbackMessage: 'Leider kann gerade niemand Ihren Chat annehmen. Wir melden uns so bald wie möglich bei Ihnen.',
    emailCapturePrompt: 'Hinterlassen Sie Ihre E-Mail-Adresse, damit wir Ihnen antworten können.',
  },
  // French typography puts a no-break space before "!" and "?".
  fr: {
    headingName: 'Service client',
    welcomeMessage: 'Bonjour\u00a0! Comment pouvons-nous vous aider aujourd’hui\u00a0?',
    fallbackMessage: 'Désolés, personne ne peut répondre à votre chat pour le moment. Nous reviendrons vers vous dès que possible.',
    emailCapturePrompt: 'Laissez-nous votre adresse e-mail pour que nous puissions vous répondre.',
  },
  es: {
    headingName: 'Equipo de soporte',
    welcomeMessage: '¡Hola! ¿En qué podemos ayudarte hoy?',
    fallbackMessage: 'Lo sentimos, ahora mismo nadie puede atender tu chat. Te responderemos lo antes posible.',
    emailCapturePrompt: 'Déjanos tu correo electrónico para que podamos responderte.',
  },
};

// "Unread messages: {count}" rather than "{count} unread messages": one form reads right for
// every count in every language, with no plural rules to carry in the loader. The flashing page
// title (W17) is "({count}) " + newMessage for the same reason.
const LOADER_STRINGS: Record<ChatflowLanguage, LoaderStrings> = {
  en: { openChat: 'Open chat', closeChat: 'Close chat', dismissPrompt: 'Dismiss message', unread: 'Unread messages: {count}', newMessage: 'New message' },
  fi: { openChat: 'Avaa chat', closeChat: 'Sulje chat', dismissPrompt: 'Sulje viesti', unread: 'Lukemattomia viestejä: {count}', newMessage: 'Uusi viesti' },
  sv: { openChat: 'Öppna chatten', closeChat: 'Stäng chatten', dismissPrompt: 'Stäng meddelandet', unread: 'Olästa meddelanden: {count}', newMessage: 'Nytt meddelande' },
  it: { openChat: 'Apri la chat', closeChat: 'Chiudi la chat', dismissPrompt: 'Chiudi il messaggio', unread: 'Messaggi non letti: {count}', newMessage: 'Nuovo messaggio' },
  pl: { openChat: 'Otwórz czat', closeChat: 'Zamknij czat', dismissPrompt: 'Zamknij wiadomość', unread: 'Nieprzeczytane wiadomości: {count}', newMessage: 'Nowa wiadomość' },
  de: { openChat: 'Chat öffnen', closeChat: 'Chat schließen', dismissPrompt: 'Nachricht schließen', unread: 'Ungelesene Nachrichten: {count}', newMessage: 'Neue Nachricht' },
  fr: { openChat: 'Ouvrir le chat', closeChat: 'Fermer le chat', dismissPrompt: 'Masquer le message', unread: 'Messages non lus\u00a0: {count}', newMessage: 'Nouveau message' },
  es: { openChat: 'Abrir el chat', closeChat: 'Cerrar el chat', dismissPrompt: 'Descartar el mensaje', unread: 'Mensajes sin leer: {count}', newMessage: 'Nuevo mensaje' },
};

/** The heading name, welcome message and fallback message a new chatflow in `language` starts with. */
export function defaultChatflowTexts(language: ChatflowLanguage): ChatflowTexts {
  return { ...(DEFAULT_TEXTS[language] ?? DEFAULT_TEXTS.en) };
}

/** The launcher's and prompt's strings in `language` (English for a language we do not know). */
export function loaderStrings(language: ChatflowLanguage): LoaderStrings {
  return { ...(LOADER_STRINGS[language] ?? LOADER_STRINGS.en) };
}
