/**
 * Reading a sent file back (W12, I6), authorized exactly like its conversation: a visitor gets
 * only files of its own conversations and never one from an internal note; a user only files of
 * conversations they may read (I3). Anything else is `not_found` or `forbidden` as for the
 * conversation itself, so a key alone opens nothing.
 */
import type { UserRow, VisitorRow } from '../../storage/schema.js';
import type { AppContext } from '../context.js';
import { assertCanRead } from '../conversations/policies.js';
import { DomainError } from '../errors.js';

export interface AttachmentDownload {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export type Downloader = { kind: 'visitor'; visitor: VisitorRow } | { kind: 'user'; user: UserRow };

/** Keys are 24 random bytes in base64url; anything else cannot be a stored file. */
const KEY = /^[A-Za-z0-9_-]{32}$/;

export async function downloadAttachment(ctx: AppContext, who: Downloader, key: string): Promise<AttachmentDownload> {
  if (!KEY.test(key)) throw new DomainError('not_found');
  const { db, driver } = ctx.storage;
  const row = await db
    .selectFrom('attachments')
    .innerJoin('conversations', 'conversations.id', 'attachments.conversation_id')
    .select(['attachments.name', 'attachments.content_type', 'attachments.internal', 'conversations.workspace_id', 'conversations.assignee_id', 'conversations.status', 'conversations.visitor_id'])
    .where('attachments.key', '=', key)
    .executeTakeFirst();
  if (who.kind === 'visitor') {
    if (!row || row.visitor_id !== who.visitor.id || row.internal === 1) throw new DomainError('not_found');
  } else {
    assertCanRead(who.user, row);
  }
  const bytes = await driver.attachmentBytes.get(db, key);
  if (!bytes) throw new DomainError('not_found');
  return { name: row!.name, contentType: row!.content_type, bytes };
}
