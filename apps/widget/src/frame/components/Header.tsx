import { STRINGS } from '../strings';
import { Avatar } from './Avatar';

interface HeaderProps {
  /** Heading name, or the assigned agent's name once someone joined (W2). */
  name: string;
  avatarUrl: string | null;
  canEnd: boolean;
  onEnd(): void;
  onMinimize(): void;
}

export function Header({ name, avatarUrl, canEnd, onEnd, onMinimize }: HeaderProps) {
  return (
    <header class="header">
      <Avatar name={name} url={avatarUrl} />
      <h1 class="header-name">{name}</h1>
      {canEnd && (
        <button type="button" class="header-button" onClick={onEnd}>
          {STRINGS.endChat}
        </button>
      )}
      <button type="button" class="header-button header-icon" aria-label={STRINGS.minimize} onClick={onMinimize}>
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z" />
        </svg>
      </button>
    </header>
  );
}
