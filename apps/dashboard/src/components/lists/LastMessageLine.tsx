import type { LastMessagePreview } from '@parley/protocol';

/**
 * "Sender: preview" under a list row's name (I8). The preview is the visitor's or an agent's
 * words: always a text node, never markup.
 */
export function LastMessageLine({ message }: { message: LastMessagePreview }) {
  return (
    <span class="item-preview">
      <span class="item-sender">{message.internal ? `${message.authorName} (note)` : message.authorName}:</span> <span class="item-preview-text">{message.text}</span>
    </span>
  );
}
