import type { Strings } from './en';

/** Italian (see en.ts for the keys and placeholders). */
const it: Strings = {
  documentTitle: 'Chat',
  minimize: 'Riduci la chat',
  endChat: 'Termina la chat',
  messages: 'Messaggi',
  messageLabel: 'Messaggio',
  messagePlaceholder: 'Scrivi un messaggio…',
  send: 'Invia',
  sending: 'Invio in corso…',
  retry: 'Riprova',
  you: 'Tu',
  tooLong: 'Il messaggio è troppo lungo (massimo {max} caratteri)',
  typing: '{name} sta scrivendo…',
  ended: 'Questa chat è terminata.',
  endedInactive: 'Questa chat è terminata per inattività.',
  writeToStartNew: 'Scrivi un messaggio per iniziare una nuova chat.',
  connecting: 'Connessione in corso…',
  reconnecting: 'Riconnessione in corso…',
  loading: 'Caricamento…',
  unavailable: 'La chat non è disponibile in questo momento. Riprova più tardi.',
  endFailed: 'Non è stato possibile terminare la chat. Riprova.',
  sendFailed: 'Non è stato possibile inviare il messaggio.',
  rateLimited: 'Stai inviando messaggi troppo velocemente. Attendi un momento.',
  serverError: 'Si è verificato un problema da parte nostra. Riprova.',
  repliesInMinutes: 'Di solito risponde in pochi minuti',
  repliesInAnHour: "Di solito risponde entro un'ora",
  repliesInADay: 'Di solito risponde entro un giorno',
  backAt: 'Torniamo {when}',
  queuePosition: 'Sei il numero {position} in coda',
  queueWait: 'Attesa stimata: circa {duration}',
  previewNote: 'Anteprima: i messaggi non vengono inviati.',
};

export default it;
