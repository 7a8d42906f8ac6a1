import type { Strings } from './en';

/** Finnish (see en.ts for the keys and placeholders). */
const fi: Strings = {
  documentTitle: 'Chat',
  minimize: 'Pienennä chat',
  endChat: 'Lopeta keskustelu',
  messages: 'Viestit',
  messageLabel: 'Viesti',
  messagePlaceholder: 'Kirjoita viesti…',
  send: 'Lähetä',
  sending: 'Lähetetään…',
  retry: 'Yritä uudelleen',
  you: 'Sinä',
  tooLong: 'Viesti on liian pitkä (enintään {max} merkkiä)',
  typing: '{name} kirjoittaa…',
  ended: 'Tämä keskustelu on päättynyt.',
  endedInactive: 'Tämä keskustelu päättyi, koska siinä ei ollut toimintaa vähään aikaan.',
  writeToStartNew: 'Kirjoita viesti aloittaaksesi uuden keskustelun.',
  connecting: 'Yhdistetään…',
  reconnecting: 'Yhdistetään uudelleen…',
  loading: 'Ladataan…',
  unavailable: 'Chat ei ole juuri nyt käytettävissä. Yritä myöhemmin uudelleen.',
  endFailed: 'Keskustelua ei voitu lopettaa. Yritä uudelleen.',
  sendFailed: 'Viestiä ei voitu lähettää.',
  rateLimited: 'Lähetät viestejä liian nopeasti. Odota hetki.',
  serverError: 'Jokin meni vikaan meidän päässämme. Yritä uudelleen.',
  repliesInMinutes: 'Vastaa yleensä muutamassa minuutissa',
  repliesInAnHour: 'Vastaa yleensä tunnin sisällä',
  repliesInADay: 'Vastaa yleensä vuorokauden sisällä',
  backAt: 'Palaamme {when}',
  queuePosition: 'Olet jonossa sijalla {position}',
  queueWait: 'Arvioitu odotusaika: noin {duration}',
  previewNote: 'Esikatselu: viestejä ei lähetetä.',
};

export default fi;
