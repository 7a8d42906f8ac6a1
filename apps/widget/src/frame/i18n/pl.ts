import type { Strings } from './en';

/**
 * Polish (see en.ts for the keys and placeholders). Numbers stand after a colon where a noun
 * next to them would need a plural form ("5 minut", "2 minuty").
 */
const pl: Strings = {
  documentTitle: 'Czat',
  minimize: 'Zminimalizuj czat',
  endChat: 'Zakończ czat',
  messages: 'Wiadomości',
  messageLabel: 'Wiadomość',
  messagePlaceholder: 'Napisz wiadomość…',
  send: 'Wyślij',
  sending: 'Wysyłanie…',
  retry: 'Spróbuj ponownie',
  you: 'Ty',
  tooLong: 'Wiadomość jest za długa (limit znaków: {max})',
  typing: '{name} pisze…',
  ended: 'Ten czat został zakończony.',
  endedInactive: 'Ten czat został zakończony z powodu braku aktywności.',
  writeToStartNew: 'Napisz wiadomość, aby rozpocząć nowy czat.',
  connecting: 'Łączenie…',
  reconnecting: 'Ponowne łączenie…',
  loading: 'Ładowanie…',
  unavailable: 'Czat jest teraz niedostępny. Spróbuj ponownie później.',
  endFailed: 'Nie udało się zakończyć czatu. Spróbuj ponownie.',
  sendFailed: 'Nie udało się wysłać wiadomości.',
  rateLimited: 'Wysyłasz wiadomości zbyt szybko. Poczekaj chwilę.',
  serverError: 'Wystąpił błąd po naszej stronie. Spróbuj ponownie.',
  repliesInMinutes: 'Zwykle odpowiada w ciągu kilku minut',
  repliesInAnHour: 'Zwykle odpowiada w ciągu godziny',
  repliesInADay: 'Zwykle odpowiada w ciągu dnia',
  backAt: 'Wracamy: {when}',
  queuePosition: 'Twoje miejsce w kolejce: {position}',
  queueWait: 'Szacowany czas oczekiwania: {duration}',
  previewNote: 'Podgląd: wiadomości nie są wysyłane.',
  joined: '{name} dołączył(a) do czatu',
  agentClosed: '{name} zakończył(a) czat',
  visitorEnded: 'Czat został zakończony przez Ciebie',
  inactive: 'Czat zakończył się z powodu braku aktywności',
  seen: 'Wyświetlono',
  endConfirm: 'Zakończyć ten czat?',
  cancel: 'Anuluj',
};

export default pl;
