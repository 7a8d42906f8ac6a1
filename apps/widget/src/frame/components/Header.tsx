import type { AgentPublic, HeadingPerson } from '@parley/protocol';
import { t } from '../i18n';
import { Avatar } from './Avatar';

interface HeaderProps {
  /** The chatflow's heading (W2): its title and the faces shown next to it. */
  title: string;
  people: HeadingPerson[];
  /**
   * The agent who joined, as the server presents them: under the brand's name and image when the
   * chatflow uses its branding as an alias. Their name replaces the title.
   */
  agent: AgentPublic | null;
  canEnd: boolean;
  onEnd(): void;
  onMinimize(): void;
}

/** Up to three faces side by side; more would crowd a 390 px header. */
const MAX_FACES = 3;

export function Header({ title, people, agent, canEnd, onEnd, onMinimize }: HeaderProps) {
  const name = agent?.name || title || t('documentTitle');
  const faces = agent ? [agent] : people.length > 0 ? people.slice(0, MAX_FACES) : [{ name, avatarUrl: null }];
  return (
    <header class="header">
      <span class="header-faces">
        {faces.map((person, i) => (
          <Avatar key={i} name={person.name} url={person.avatarUrl} />
        ))}
      </span>
      <h1 class="header-name">{name}</h1>
      {canEnd && (
        <button type="button" class="header-button" onClick={onEnd}>
          {t('endChat')}
        </button>
      )}
      <button type="button" class="header-button header-icon" aria-label={t('minimize')} onClick={onMinimize}>
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z" />
        </svg>
      </button>
    </header>
  );
}
