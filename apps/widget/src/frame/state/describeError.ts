/**
 * Turns a refused command into text for the visitor, in the chatflow's language (W16). The code
 * decides the wording, never the server's English `message`; codes a visitor can meet get their
 * own sentence, anything else a general one.
 */
import { CommandError, LIMITS, isErrorCode, type ErrorCode } from '@parley/protocol';
import { formatNumber } from '../format';
import { t, type StringKey } from '../i18n';
import { HttpError } from '../api';

function textFor(code: ErrorCode | null, fallback: StringKey): string {
  switch (code) {
    case 'message_too_long':
      return t('tooLong', { max: formatNumber(LIMITS.messageMaxLength) });
    case 'rate_limited':
      return t('rateLimited');
    case 'conversation_closed':
      return t('ended');
    case 'file_too_large':
      return t('fileTooLarge');
    case 'attachment_type_not_allowed':
      return t('fileTypeNotAllowed');
    case 'file_empty':
      return t('fileEmpty');
    case 'identification_required':
      return t('signInToChat');
    case 'email_required':
      return t('emailRequired');
    case 'consent_required':
      return t('consentRequired');
    case 'internal_error':
    case 'not_ready':
      return t('serverError');
    default:
      return t(fallback);
  }
}

/** `fallback`: the sentence for anything without one of its own (what could not be done). */
export function describeError(error: unknown, fallback: StringKey = 'sendFailed'): { code: ErrorCode | null; text: string } {
  // Commands answer over the socket; a file is sent over HTTP (state/attachments.ts).
  const code = error instanceof CommandError && isErrorCode(error.error.code) ? error.error.code : error instanceof HttpError ? error.code : null;
  return { code, text: textFor(code, fallback) };
}
