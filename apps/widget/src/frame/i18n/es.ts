import type { Strings } from './en';

/** Spanish, addressing the visitor as tú (see en.ts for the keys and placeholders). */
const es: Strings = {
  documentTitle: 'Chat',
  minimize: 'Minimizar el chat',
  endChat: 'Finalizar el chat',
  messages: 'Mensajes',
  messageLabel: 'Mensaje',
  messagePlaceholder: 'Escribe un mensaje…',
  send: 'Enviar',
  sending: 'Enviando…',
  retry: 'Reintentar',
  you: 'Tú',
  tooLong: 'El mensaje es demasiado largo (máximo {max} caracteres)',
  typing: '{name} está escribiendo…',
  ended: 'Este chat ha finalizado.',
  endedInactive: 'Este chat finalizó porque no hubo actividad durante un tiempo.',
  writeToStartNew: 'Escribe un mensaje para iniciar un nuevo chat.',
  connecting: 'Conectando…',
  reconnecting: 'Reconectando…',
  loading: 'Cargando…',
  unavailable: 'El chat no está disponible en este momento. Inténtalo de nuevo más tarde.',
  endFailed: 'No se pudo finalizar el chat. Inténtalo de nuevo.',
  sendFailed: 'No se pudo enviar el mensaje.',
  rateLimited: 'Estás enviando mensajes demasiado rápido. Espera un momento.',
  serverError: 'Algo salió mal por nuestra parte. Inténtalo de nuevo.',
  repliesInMinutes: 'Suele responder en unos minutos',
  repliesInAnHour: 'Suele responder en una hora',
  repliesInADay: 'Suele responder en un día',
  backAt: 'Volvemos el {when}',
  queuePosition: 'Eres el número {position} en la cola',
  queueWait: 'Espera estimada: aprox. {duration}',
  previewNote: 'Vista previa: los mensajes no se envían.',
};

export default es;
