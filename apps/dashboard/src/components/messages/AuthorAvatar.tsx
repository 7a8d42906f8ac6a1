import { useState } from 'preact/hooks';
import { initials } from '../../format/initials.js';

/**
 * A colleague's picture beside the first of their consecutive messages, or their initials when
 * they have none (or it fails to load). Decorative: the name is written on the message.
 */
export function AuthorAvatar({ name, url }: { name: string; url: string | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (url && failed !== url) {
    return <img class="message-avatar" src={url} alt="" width={32} height={32} onError={() => setFailed(url)} />;
  }
  return (
    <span class="message-avatar initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
