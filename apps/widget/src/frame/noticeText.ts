/**
 * The words of a system line in the chatflow's language (W16). The server stores what the line
 * means (`notice`) next to an English body; the frame words the notice with the active strings
 * and falls back to the body for lines stored before notices existed, or a kind it does not know.
 */
import type { Message } from '@parley/protocol';
import { t } from './i18n';

export function noticeText(message: Pick<Message, 'body' | 'notice'>): string {
  const notice = message.notice;
  switch (notice?.type) {
    case 'joined':
      return t('joined', { name: notice.name });
    case 'agentClosed':
      return t('agentClosed', { name: notice.name });
    case 'visitorEnded':
      return t('visitorEnded');
    case 'inactive':
      return t('inactive');
    case 'flowLeadCreated':
      return t('flowLeadCreated');
    default:
      return message.body;
  }
}
