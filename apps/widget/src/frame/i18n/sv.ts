import type { Strings } from './en';

/** Swedish (see en.ts for the keys and placeholders). */
const sv: Strings = {
  documentTitle: 'Chatt',
  minimize: 'Minimera chatten',
  endChat: 'Avsluta chatten',
  messages: 'Meddelanden',
  messageLabel: 'Meddelande',
  messagePlaceholder: 'Skriv ett meddelande…',
  send: 'Skicka',
  sending: 'Skickar…',
  retry: 'Försök igen',
  you: 'Du',
  tooLong: 'Meddelandet är för långt (högst {max} tecken)',
  typing: '{name} skriver…',
  ended: 'Chatten har avslutats.',
  endedInactive: 'Chatten avslutades eftersom inget hände på en stund.',
  writeToStartNew: 'Skriv ett meddelande för att starta en ny chatt.',
  connecting: 'Ansluter…',
  reconnecting: 'Återansluter…',
  loading: 'Läser in…',
  unavailable: 'Chatten är inte tillgänglig just nu. Försök igen senare.',
  endFailed: 'Chatten kunde inte avslutas. Försök igen.',
  sendFailed: 'Meddelandet kunde inte skickas.',
  rateLimited: 'Du skickar meddelanden för snabbt. Vänta en stund.',
  serverError: 'Något gick fel hos oss. Försök igen.',
  repliesInMinutes: 'Svarar vanligtvis inom några minuter',
  repliesInAnHour: 'Svarar vanligtvis inom en timme',
  repliesInADay: 'Svarar vanligtvis inom en dag',
  backAt: 'Vi är tillbaka {when}',
  queuePosition: 'Du är nummer {position} i kön',
  queueWait: 'Beräknad väntetid: cirka {duration}',
  previewNote: 'Förhandsvisning: meddelanden skickas inte.',
};

export default sv;
