/**
 * Read receipts (W12): `conversation.read` from the visitor or a user raises that side's read
 * mark to a message seq and tells the other side live. Marks only go up: a lower or equal seq
 * changes nothing (tabs and reconnects report out of order), and a seq past the conversation's
 * last message is refused (`read_beyond_last_message`), since nobody can have read it.
 *
 * "Delivered" is not stored apart: the realtime feed is gap-free and resumable (docs/realtime.md),
 * so a stored message reaches every connected client of its audience; what the other side cannot
 * know without being told is whether a person saw it, and that is this mark.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../events/unitOfWork.js';
import type { AppContext } from '../context.js';
import type { ConversationRow, Database, UserRow, VisitorRow } from '../../storage/schema.js';
import { DomainError } from '../errors.js';
import { loadConversationRow } from './loadConversation.js';
import { assertCanRead } from './policies.js';

export type ReadSide = 'visitor' | 'agent';
export type Reader = { kind: 'visitor'; visitor: Pick<VisitorRow, 'id'> } | { kind: 'user'; user: Pick<UserRow, 'id' | 'role' | 'workspace_id'> };

/**
 * Authorizes the reader and checks the seq; returns the side to raise, or null when the mark is
 * already there (nothing to write). Throws before anything is queued, so errors reach the ack.
 */
export async function checkReadReceipt(db: Kysely<Database>, reader: Reader, conversationId: number, seq: number): Promise<ReadSide | null> {
  const conversation = await loadConversationRow(db, conversationId);
  let side: ReadSide;
  if (reader.kind === 'visitor') {
    // Someone else's conversation looks exactly like a missing one.
    if (!conversation || conversation.visitor_id !== reader.visitor.id) throw new DomainError('not_found');
    side = 'visitor';
  } else {
    assertCanRead(reader.user, conversation);
    side = 'agent';
  }
  if (seq > conversation.last_seq) throw new DomainError('read_beyond_last_message', `the last message is seq ${conversation.last_seq}`);
  return seq > readSeq(conversation, side) ? side : null;
}

function readSeq(conversation: Pick<ConversationRow, 'visitor_read_seq' | 'agent_read_seq'>, side: ReadSide): number {
  return side === 'visitor' ? conversation.visitor_read_seq : conversation.agent_read_seq;
}

/** Raises the mark if it is still lower (a conditional update, safe against concurrent writers) and announces it. */
export async function writeReadMark(ctx: AppContext, conversationId: number, side: ReadSide, seq: number): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const update = uow.trx.updateTable('conversations').where('id', '=', conversationId).where('last_seq', '>=', seq);
    const result =
      side === 'visitor'
        ? await update.set({ visitor_read_seq: seq }).where('visitor_read_seq', '<', seq).executeTakeFirst()
        : await update.set({ agent_read_seq: seq }).where('agent_read_seq', '<', seq).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return;
    const row = await uow.trx
      .selectFrom('conversations')
      .select(['workspace_id', 'visitor_id', 'assignee_id', 'visitor_read_seq', 'agent_read_seq'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    uow.emit({
      type: 'conversation.read',
      workspaceId: row.workspace_id,
      conversationId,
      visitorId: row.visitor_id,
      assigneeId: row.assignee_id,
      visitorReadSeq: row.visitor_read_seq,
      agentReadSeq: row.agent_read_seq,
    });
  });
}
