/**
 * A visitor or a user sends a file (W12, I6): the same commands as a text message, with the file
 * as the message's attachment and its cleaned name as the body. So the rules of messages hold as
 * they are: a visitor's file starts a chat when none is open, a user's needs the conversation's
 * write rule (I3) and takes an unassigned chat, a note's file stays with the team, a resend under
 * the same client message id answers with the first message, and the write limits apply.
 */
import type { SendMessageResult } from '@parley/protocol';
import type { UserRow, VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { sendAgentMessage } from '../conversations/sendAgentMessage.js';
import { sendVisitorMessage } from '../conversations/sendVisitorMessage.js';
import { checkAttachment, withStoredBytes } from './storedAttachment.js';

export interface SendFileInput {
  name: string;
  clientMessageId: string;
  bytes: Buffer;
}

export async function sendVisitorAttachment(ctx: AppContext, visitor: VisitorRow, input: SendFileInput & { chatflowId?: number }): Promise<SendMessageResult> {
  const attachment = checkAttachment(ctx, input.name, input.bytes);
  return withStoredBytes(ctx, attachment, input.bytes, () =>
    sendVisitorMessage(ctx, visitor, { clientMessageId: input.clientMessageId, body: attachment.name, chatflowId: input.chatflowId, attachment }),
  );
}

export async function sendAgentAttachment(
  ctx: AppContext,
  user: UserRow,
  conversationId: number,
  input: SendFileInput & { internal?: boolean },
): Promise<SendMessageResult> {
  const attachment = checkAttachment(ctx, input.name, input.bytes);
  return withStoredBytes(ctx, attachment, input.bytes, () =>
    sendAgentMessage(ctx, user, conversationId, { clientMessageId: input.clientMessageId, body: attachment.name, internal: input.internal, attachment }),
  );
}
