/**
 * A file in the thread (W12, I6): images as a thumbnail that opens full size in a new tab, other
 * files as a download link with name and size. The inbox is on Parley's origin, so the session
 * cookie authorizes the request; the name is text, never markup.
 */
import type { MessageAttachment as Attachment } from '@parley/protocol';
import { formatFileSize } from '../../format/fileSize.js';

export function MessageAttachment({ attachment }: { attachment: Attachment }) {
  const size = formatFileSize(attachment.size);
  if (attachment.isImage) {
    return (
      <a class="attachment-image" href={attachment.url} target="_blank" rel="noopener" title={`${attachment.name} (${size})`}>
        <img src={attachment.url} alt={attachment.name} loading="lazy" />
      </a>
    );
  }
  return (
    <a class="attachment-file" href={attachment.url} download={attachment.name}>
      <span class="attachment-name">{attachment.name}</span> <span class="attachment-size">{size}</span>
    </a>
  );
}
