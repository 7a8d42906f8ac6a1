/**
 * A file in the thread (W12): an image as a thumbnail that opens full size, anything else as a
 * download link with its name and size. The bytes come through state/attachments.ts (fetched
 * with the visitor token, shown through an object URL). Names are text, never markup.
 */
import type { MessageAttachment } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { formatFileSize } from '../fileSize';
import { objectUrlFor } from '../state/attachments';

function useObjectUrl(attachment: MessageAttachment, load: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!load) return;
    let live = true;
    objectUrlFor(attachment).then((next) => live && setUrl(next), () => {});
    return () => {
      live = false;
    };
  }, [attachment.id, load]);
  return url;
}

export function AttachmentView({ attachment }: { attachment: MessageAttachment }) {
  const [wanted, setWanted] = useState(attachment.isImage);
  const url = useObjectUrl(attachment, wanted);
  const label = `${attachment.name} (${formatFileSize(attachment.size)})`;

  if (attachment.isImage) {
    return (
      <a class="attachment-image" href={url ?? undefined} target="_blank" rel="noopener" title={label}>
        {url ? <img src={url} alt={attachment.name} /> : <span class="attachment-placeholder">{attachment.name}</span>}
      </a>
    );
  }

  // Fetched on the first click (a file may be large); the download then starts by itself.
  const onClick = (event: MouseEvent) => {
    if (url) return;
    event.preventDefault();
    setWanted(true);
    objectUrlFor(attachment).then((objectUrl) => {
      const link = document.createElement('a');
      link.href = objectUrl;
      link.download = attachment.name;
      link.click();
    }, () => {});
  };
  return (
    <a class="attachment-file" href={url ?? attachment.url} download={attachment.name} onClick={onClick}>
      <span class="attachment-name">{attachment.name}</span> <span class="attachment-size">{formatFileSize(attachment.size)}</span>
    </a>
  );
}
