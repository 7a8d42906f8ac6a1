import type { ConversationSummary } from '@parley/protocol';
import type { ComponentChildren } from 'preact';
import { visitorLocalTime } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { OwnerSelect } from './OwnerSelect.js';
import { ContactSidebar } from './contactSidebar/ContactSidebar.js';
import { contactSidebar } from '../state/contactSidebar.js';
import { useStore } from '../state/store.js';

/**
 * What the visitor is looking at and where they are (I6), then who they are: the contact sidebar
 * (I7). Until the visitor is a contact the owner is set here; a contact's owner is a field of the
 * contact (it becomes its visitors' owner).
 */
export function VisitorPanel({ conversation }: { conversation: ConversationSummary }) {
  const now = useNow();
  const { visitor } = conversation;
  const { context } = visitor;
  const isContact = useStore(contactSidebar, (state) => state.conversationId === conversation.id && !!state.data?.contact);
  return (
    <div class="visitor-panel">
      <section class="visitor-facts" aria-labelledby="visitor-title">
        <h2 id="visitor-title">Visitor</h2>
        <dl class="facts">
          <Fact label="Name">{visitor.name}</Fact>
          <Fact label="Current page">
            <ExternalUrl url={context.pageUrl} />
          </Fact>
          <Fact label="Page title">{context.pageTitle}</Fact>
          <Fact label="Referrer">
            <ExternalUrl url={context.referrer} />
          </Fact>
          <Fact label="Browser">{context.browser}</Fact>
          <Fact label="Operating system">{context.os}</Fact>
          <Fact label="Language">{context.language}</Fact>
          <Fact label="Local time">{visitorLocalTime(context.timeZone, now)}</Fact>
        </dl>
        {!isContact && <OwnerSelect conversation={conversation} />}
      </section>
      <ContactSidebar conversation={conversation} />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{empty ? <span class="unknown">Unknown</span> : children}</dd>
    </div>
  );
}

/**
 * Visitor-supplied URLs are untrusted: only http(s) become links (no `javascript:` or `data:`),
 * and links open without giving the page a handle on the inbox.
 */
function ExternalUrl({ url }: { url: string | null }) {
  if (!url) return <span class="unknown">Unknown</span>;
  if (!/^https?:\/\//i.test(url)) return <span class="url">{url}</span>;
  return (
    <a class="url" href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  );
}
