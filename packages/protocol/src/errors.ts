import type { FlowProblem } from './flow.js';

/**
 * The error catalogue. Codes are stable: clients branch on `code`, never on `message`.
 * `status` is the HTTP status the same error carries on HTTP routes.
 */
export const ERRORS = {
  bad_request: { status: 400, message: 'The request is malformed.' },
  validation_failed: { status: 400, message: 'The request does not match the expected schema.' },
  invalid_frame: { status: 400, message: 'The frame is not a JSON object of the form {ref, cmd, data}.' },
  unknown_command: { status: 400, message: 'Unknown command.' },
  message_empty: { status: 400, message: 'A message needs some text.' },
  message_too_long: { status: 400, message: 'The message is longer than the allowed maximum.' },
  read_beyond_last_message: { status: 400, message: 'A read receipt cannot be past the conversation\'s last message.' },
  invalid_cursor: { status: 400, message: 'The list cursor is malformed or belongs to another view or filter; start from the first page.' },
  invalid_snooze_time: { status: 400, message: 'Snooze until a time in the future, at most a year ahead.' },
  unknown_ticket_property: { status: 400, message: 'There is no ticket property with this name.' },
  invalid_ticket_property_value: { status: 400, message: 'This value is not one of the ticket property\'s options.' },
  invalid_flow: { status: 400, message: 'The chatflow\'s flow is not valid; `cardId` names the offending card and `problems` lists what is wrong.' },
  invalid_ticket_property_definitions: { status: 400, message: 'The ticket property definitions are not valid.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  file_empty: { status: 400, message: 'The file is empty.' },
  unsupported_file_type: { status: 400, message: 'Only PNG, JPEG, GIF and WebP images can be uploaded.' },
  file_too_large: { status: 413, message: 'The file is larger than the upload limit.' },
  attachment_type_not_allowed: { status: 400, message: 'This kind of file cannot be sent: images (PNG, JPEG, GIF, WebP), PDF, plain text, ZIP and Office documents only.' },
  unauthorized: { status: 401, message: 'Sign in first.' },
  invalid_credentials: { status: 401, message: 'Email or password is wrong.' },
  invalid_visitor_token: { status: 401, message: 'The visitor token is unknown.' },
  not_resumed: { status: 401, message: 'Send session.resume before any other command.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  all_view_disabled: { status: 403, message: 'This workspace shows the All view to admins only.' },
  not_team_member: { status: 403, message: 'Only members of the team see its view.' },
  origin_not_allowed: { status: 403, message: 'This site does not allow the widget on this origin.' },
  not_found: { status: 404, message: 'Not found.' },
  site_not_found: { status: 404, message: 'Unknown site key.' },
  conversation_closed: { status: 409, message: 'The conversation is closed; it cannot be changed.' },
  flow_card_not_waiting: { status: 409, message: 'The chat is not waiting at this card of its flow: the flow moved on or the card is gone.' },
  offer_unavailable: { status: 409, message: 'The offer is no longer open: it was accepted, declined, expired or withdrawn.' },
  subscription_type_taken: { status: 409, message: 'A subscription type with this name already exists.' },
  macro_shortcut_taken: { status: 409, message: 'A macro with this shortcut already exists here.' },
  contact_email_taken: { status: 409, message: 'Another contact already has this email.' },
  contact_already_linked: { status: 409, message: 'This visitor is a contact already; edit that contact instead.' },
  identity_hash_invalid: { status: 403, message: 'The identity hash does not match; nothing was changed.' },
  identity_verification_required: { status: 403, message: 'This site requires a verified identity (hash) to identify visitors.' },
  identification_required: { status: 403, message: 'This chat is for signed-in visitors: sign in on the site to start one.' },
  email_required: { status: 403, message: 'Leave your email address before the first message.' },
  consent_required: { status: 403, message: 'Agree to the processing of your data before the first message.' },
  identity_conflict: { status: 409, message: 'The identity cannot be linked as given; nothing was changed.' },
  email_taken: { status: 409, message: 'A user with this email already exists.' },
  weak_password: { status: 400, message: 'Choose a stronger password.' },
  wrong_current_password: { status: 403, message: 'The current password is wrong.' },
  reset_token_invalid: { status: 400, message: 'The password reset link is unknown, used or expired. Ask for a new one.' },
  cannot_delete_self: { status: 400, message: 'You cannot delete your own account.' },
  invite_invalid: { status: 410, message: 'The invitation is unknown, used or expired.' },
  resync_required: { status: 409, message: 'Too far behind to replay; load a fresh snapshot.' },
  rate_limited: { status: 429, message: 'Too many requests; slow down.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  not_ready: { status: 503, message: 'The server is not ready.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Optional detail, e.g. which field failed validation. */
  detail?: string;
  /** With `rate_limited`: how long to wait before the next attempt can succeed (HTTP also sends `retry-after`). */
  retryAfterMs?: number;
  /** With `invalid_flow`: the first offending card's id (null for the root branch), and every problem found. */
  cardId?: string | null;
  problems?: FlowProblem[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}
