import { useState } from 'preact/hooks';
import { initials } from '../format';

interface AvatarProps {
  name: string;
  url: string | null;
}

/** Decorative (alt=""): the name is always written next to it. Falls back to initials. */
export function Avatar({ name, url }: AvatarProps) {
  const [failed, setFailed] = useState<string | null>(null);
  if (url && failed !== url) {
    return <img class="avatar" src={url} alt="" onError={() => setFailed(url)} />;
  }
  return (
    <span class="avatar avatar-initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
