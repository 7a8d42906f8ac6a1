import type { Strings } from './en';

/** German, addressing the visitor formally (see en.ts for the keys and placeholders). */
const de: Strings = {
  documentTitle: 'Chat',
  minimize: 'Chat minimieren',
  endChat: 'Chat beenden',
  messages: 'Nachrichten',
  messageLabel: 'Nachricht',
  messagePlaceholder: 'Nachricht schreiben…',
  send: 'Senden',
  sending: 'Wird gesendet…',
  retry: 'Erneut versuchen',
  you: 'Sie',
  tooLong: 'Die Nachricht ist zu lang (höchstens {max} Zeichen)',
  typing: '{name} schreibt…',
  ended: 'Dieser Chat wurde beendet.',
  endedInactive: 'Dieser Chat wurde beendet, weil eine Weile nichts geschrieben wurde.',
  writeToStartNew: 'Schreiben Sie eine Nachricht, um einen neuen Chat zu beginnen.',
  connecting: 'Verbindung wird hergestellt…',
  reconnecting: 'Verbindung wird wiederhergestellt…',
  loading: 'Wird geladen…',
  unavailable: 'Der Chat ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.',
  endFailed: 'Der Chat konnte nicht beendet werden. Bitte versuchen Sie es erneut.',
  sendFailed: 'Die Nachricht konnte nicht gesendet werden.',
  rateLimited: 'Sie senden Nachrichten zu schnell. Bitte warten Sie einen Moment.',
  serverError: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
  repliesInMinutes: 'Antwortet normalerweise innerhalb weniger Minuten',
  repliesInAnHour: 'Antwortet normalerweise innerhalb einer Stunde',
  repliesInADay: 'Antwortet normalerweise innerhalb eines Tages',
  backAt: 'Wieder erreichbar: {when}',
  queuePosition: 'Sie sind Nummer {position} in der Warteschlange',
  queueWait: 'Geschätzte Wartezeit: etwa {duration}',
  previewNote: 'Vorschau: Nachrichten werden nicht gesendet.',
};

export default de;
