import type { Contact, LeadKind } from '@parley/protocol';
import { useRef, useState } from 'preact/hooks';
import { LeadForm } from './LeadForm.js';

/**
 * "Create lead" and "Create deal" (Pipedrive): each opens a small form; creating one leaves a
 * timestamped line in the thread and never closes the chat.
 */
export function PipelineActions({ conversationId, contact }: { conversationId: number; contact: Contact | null }) {
  const [open, setOpen] = useState<LeadKind | null>(null);
  const [done, setDone] = useState('');
  // The form goes away on save or cancel: focus returns to the button that opened it.
  const buttons = useRef<Partial<Record<LeadKind, HTMLButtonElement | null>>>({});
  const toggle = (kind: LeadKind) => {
    setDone('');
    setOpen((current) => (current === kind ? null : kind));
  };
  return (
    <div class="pipeline-actions">
      <div class="contact-actions">
        {(['lead', 'deal'] as const).map((kind) => (
          <button
            key={kind}
            ref={(element) => {
              buttons.current[kind] = element;
            }}
            type="button"
            class="button small"
            aria-expanded={open === kind}
            onClick={() => toggle(kind)}
          >
            {kind === 'lead' ? 'Create lead' : 'Create deal'}
          </button>
        ))}
      </div>
      {open && (
        <LeadForm
          key={open}
          conversationId={conversationId}
          kind={open}
          contact={contact}
          onDone={(created) => {
            buttons.current[open]?.focus();
            setOpen(null);
            setDone(created ?? '');
          }}
        />
      )}
      <p role="status" class="field-hint">
        {done}
      </p>
    </div>
  );
}
