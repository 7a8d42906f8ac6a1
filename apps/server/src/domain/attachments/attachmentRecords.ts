/**
 * Attachment rows: written in the message's unit of work, and presented as the message's
 * `attachment` (the same shape in HTTP answers, realtime events, snapshots and replays).
 */
import { ATTACHMENTS_PATH, type MessageAttachment } from '@parley/protocol';
import type { UnitOfWork } from '../../events/unitOfWork.js';
import { isInlineImage } from './attachmentType.js';
import type { NewAttachment } from './storedAttachment.js';

/** Records the file in its conversation; returns the row id the message points to. */
export async function recordAttachment(
  uow: UnitOfWork,
  conversation: { id: number; workspace_id: number },
  attachment: NewAttachment,
  internal: boolean,
): Promise<number> {
  const row = await uow.trx
    .insertInto('attachments')
    .values({
      workspace_id: conversation.workspace_id,
      conversation_id: conversation.id,
      key: attachment.key,
      name: attachment.name,
      content_type: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      internal: internal ? 1 : 0,
      created_at: uow.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The joined columns messageQuery selects (all null on text messages). */
export interface AttachmentColumns {
  attachment_key?: string | null;
  attachment_name?: string | null;
  attachment_size?: number | null;
  attachment_content_type?: string | null;
}

export function toAttachment(row: AttachmentColumns): MessageAttachment | null {
  if (!row.attachment_key) return null;
  const contentType = row.attachment_content_type ?? 'application/octet-stream';
  return {
    id: row.attachment_key,
    name: row.attachment_name ?? '',
    size: Number(row.attachment_size ?? 0),
    contentType,
    isImage: isInlineImage(contentType),
    url: `${ATTACHMENTS_PATH}${row.attachment_key}`,
  };
}

export function attachmentColumns(attachment: NewAttachment | undefined): AttachmentColumns {
  if (!attachment) return {};
  return { attachment_key: attachment.key, attachment_name: attachment.name, attachment_size: attachment.size, attachment_content_type: attachment.contentType };
}
