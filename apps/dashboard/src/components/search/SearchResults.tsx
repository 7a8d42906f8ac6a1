import type { SearchResponse } from '@parley/protocol';
import { hrefFor, onLinkClick } from '../../router.js';
import { Highlighted } from './Highlighted.js';

interface Props {
  id: string;
  results: SearchResponse;
  /** A result was chosen: the panel closes. */
  onPick(): void;
  /** Arrow keys move between results; Escape goes back to the box. */
  onKeyDown(event: KeyboardEvent): void;
}

/** Conversations (best matching message) and contacts; each entry is a link into the inbox. */
export function SearchResults({ id, results, onPick, onKeyDown }: Props) {
  const { conversations, contacts } = results;
  const pick = (event: MouseEvent) => {
    onLinkClick(event);
    onPick();
  };
  return (
    <div id={id} class="search-results" onKeyDown={onKeyDown}>
      {conversations.length > 0 && (
        <section aria-labelledby={`${id}-conversations`}>
          <h2 id={`${id}-conversations`} class="search-group-title">
            Conversations
          </h2>
          <ul class="search-list">
            {conversations.map((hit) => (
              <li key={hit.conversationId}>
                <a class="search-hit" href={hrefFor({ name: 'conversation', id: hit.conversationId })} onClick={pick}>
                  <span class="search-hit-top">
                    <span class="search-hit-name">{hit.visitorName}</span>
                    <span class="search-hit-meta">
                      {hit.status === 'closed' ? 'Closed' : hit.assigneeName ? hit.assigneeName : 'Unassigned'}
                    </span>
                  </span>
                  <span class="search-hit-snippet">
                    {hit.authorKind === 'user' ? 'Agent: ' : ''}
                    <Highlighted text={hit.snippet} ranges={hit.highlights} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {contacts.length > 0 && (
        <section aria-labelledby={`${id}-contacts`}>
          <h2 id={`${id}-contacts`} class="search-group-title">
            Contacts
          </h2>
          <ul class="search-list">
            {contacts.map((contact) => {
              const body = (
                <>
                  <span class="search-hit-name">
                    <Highlighted text={contact.name} ranges={contact.nameHighlights} />
                  </span>
                  {contact.email && (
                    <span class="search-hit-snippet">
                      <Highlighted text={contact.email} ranges={contact.emailHighlights} />
                    </span>
                  )}
                  {contact.pageUrl && <span class="search-hit-meta search-hit-page">{contact.pageUrl}</span>}
                </>
              );
              return (
                <li key={contact.visitorId}>
                  {contact.conversationId === null ? (
                    <div class="search-hit search-hit-static">{body}</div>
                  ) : (
                    <a class="search-hit" href={hrefFor({ name: 'conversation', id: contact.conversationId })} onClick={pick}>
                      {body}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
