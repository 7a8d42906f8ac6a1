import type { Strings } from './en';

/**
 * French (see en.ts for the keys and placeholders). A no-break space (\u00a0) goes before a
 * colon, as French typography wants, so the colon never starts a line.
 */
const fr: Strings = {
  documentTitle: 'Chat',
  minimize: 'Réduire le chat',
  endChat: 'Terminer le chat',
  messages: 'Messages',
  messageLabel: 'Message',
  messagePlaceholder: 'Écrivez un message…',
  send: 'Envoyer',
  sending: 'Envoi en cours…',
  retry: 'Réessayer',
  you: 'Vous',
  tooLong: 'Le message est trop long ({max} caractères maximum)',
  typing: '{name} est en train d’écrire…',
  ended: 'Ce chat est terminé.',
  endedInactive: 'Ce chat a pris fin faute d’activité pendant un moment.',
  writeToStartNew: 'Écrivez un message pour démarrer un nouveau chat.',
  connecting: 'Connexion en cours…',
  reconnecting: 'Reconnexion en cours…',
  loading: 'Chargement…',
  unavailable: 'Le chat n’est pas disponible pour le moment. Veuillez réessayer plus tard.',
  endFailed: 'Impossible de terminer le chat. Veuillez réessayer.',
  sendFailed: 'Impossible d’envoyer le message.',
  rateLimited: 'Vous envoyez des messages trop rapidement. Veuillez patienter un instant.',
  serverError: 'Un problème est survenu de notre côté. Veuillez réessayer.',
  repliesInMinutes: 'Répond généralement en quelques minutes',
  repliesInAnHour: 'Répond généralement en une heure',
  repliesInADay: 'Répond généralement dans la journée',
  backAt: 'Nous serons de retour {when}',
  queuePosition: 'Votre position dans la file d’attente\u00a0: {position}',
  queueWait: 'Attente estimée\u00a0: environ {duration}',
  previewNote: 'Aperçu\u00a0: les messages ne sont pas envoyés.',
  joined: '{name} a rejoint le chat',
  agentClosed: '{name} a fermé le chat',
  visitorEnded: 'Vous avez mis fin au chat',
  inactive: 'Le chat s’est terminé après une période d’inactivité',
  seen: 'Vu',
  endConfirm: 'Terminer ce chat\u00a0?',
  cancel: 'Annuler',
};

export default fr;
