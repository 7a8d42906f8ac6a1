/**
 * A user replies from the inbox. Replying to an unassigned conversation assigns it to the
 * replier first (Klaviyo's rule), so the visitor sees who answered. With `internal` the message is
 * a note for users only: it neither assigns nor reaches the visitor.
 */
import type { SendMessageResult } from '@parley/protocol';
import { inTransaction } from '../../events/unitOfWork.js';
import type { UserRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { appendMessage, dedupeKey, findByDedupeKey, validateBody } from './appendMessage.js';
import { setAssignee } from './assignConversation.js';
import { loadConversationRow } from './loadConversation.js';
import { assertCanAct } from './policies.js';
import { retryOnConflict } from './retryOnConflict.js';
import { limitMessage } from '../limits/writeLimits.js';
import type { NewAttachment } from '../attachments/storedAttachment.js';

export async function sendAgentMessage(
  ctx: AppContext,
  user: UserRow,
  conversationId: number,
  input: { clientMessageId: string; body: string; internal?: boolean; attachment?: NewAttachment },
): Promise<SendMessageResult> {
  validateBody(input.body);
  // Before any query: a sender over its allowance costs the node nothing.
  limitMessage(ctx, { kind: 'user', id: user.id });
  const author = { kind: 'user' as const, userId: user.id };
  return retryOnConflict(ctx, () =>
    inTransaction(ctx, async (uow) => {
      // Looked up first (unlike a visitor's message): a resend must be answered as a duplicate
      // even when the chat has meanwhile moved to someone else and a new write would be refused.
      const existing = await findByDedupeKey(uow, dedupeKey(author, input.clientMessageId));
      if (existing) return { message: existing, duplicate: true };
      const conversation = await loadConversationRow(uow.trx, conversationId);
      assertCanAct(user, conversation);
      const internal = input.internal === true;
      // A note is not a reply: leaving one does not take the chat.
      if (conversation.assignee_id === null && !internal) {
        await setAssignee(uow, conversationId, null, user.id, user.workspace_id);
      }
      const message = await appendMessage(uow, conversationId, { author, body: input.body, clientMessageId: input.clientMessageId, internal, attachment: input.attachment });
      return { message, duplicate: false };
    }),
  );
}
