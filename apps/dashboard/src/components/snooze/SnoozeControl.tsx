import type { ConversationSummary } from '@parley/protocol';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { snoozeApi } from '../../api/snoozeEndpoints.js';
import '../../styles/snooze.css';
import { parseLocalDateTime, SNOOZE_PRESETS, snoozeTimeText, toLocalDateTime } from './snoozeTimes.js';

type Run = (action: () => Promise<{ conversation: ConversationSummary }>) => Promise<void>;

/**
 * "Snooze" in the thread header (I3): a disclosure with presets (local time) and a custom time;
 * "Unsnooze" while snoozed. `run` is the header's action runner (busy state, errors, list update).
 * Other buttons here avoid the word "snooze" so the contract name "Snooze" stays unambiguous.
 */
export function SnoozeControl({ conversation, busy, run }: { conversation: ConversationSummary; busy: boolean; run: Run }) {
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState('');
  const [customError, setCustomError] = useState<string | null>(null);
  const panelId = useId();
  const customId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  // Another conversation opened, or the snooze changed: start closed.
  useEffect(() => {
    setOpen(false);
    setCustomError(null);
  }, [conversation.id, conversation.snoozedUntil]);

  if (conversation.snoozedUntil !== null) {
    return (
      <button type="button" class="button" aria-disabled={busy} onClick={() => busy || void run(() => snoozeApi.unsnooze(conversation.id))}>
        Unsnooze
      </button>
    );
  }

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const snoozeUntil = (until: number) => {
    if (busy) return;
    void run(() => snoozeApi.snooze(conversation.id, until));
  };
  const submitCustom = (event: Event) => {
    event.preventDefault();
    const until = parseLocalDateTime(custom);
    if (until === null) return setCustomError('Choose a date and time.');
    if (until <= Date.now()) return setCustomError('Choose a time in the future.');
    setCustomError(null);
    snoozeUntil(until);
  };
  const now = new Date();

  return (
    <div class="snooze" onKeyDown={(event) => event.key === 'Escape' && open && close()}>
      <button ref={toggle} type="button" class="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Snooze
      </button>
      {open && (
        <div id={panelId} class="snooze-panel" role="group" aria-label="Snooze until">
          <ul class="snooze-presets">
            {SNOOZE_PRESETS.map((preset) => {
              const until = preset.until(now);
              return (
                <li key={preset.label}>
                  <button type="button" class="button subtle snooze-preset" aria-disabled={busy} onClick={() => snoozeUntil(until)}>
                    <span>{preset.label}</span>
                    <span class="snooze-preset-time">{snoozeTimeText(until)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <form class="snooze-custom" onSubmit={submitCustom} noValidate>
            <label for={customId}>Custom time</label>
            <input
              id={customId}
              type="datetime-local"
              value={custom}
              min={toLocalDateTime(Date.now())}
              aria-invalid={customError !== null}
              aria-describedby={customError ? `${customId}-error` : undefined}
              onInput={(event) => setCustom(event.currentTarget.value)}
            />
            <button type="submit" class="button" aria-disabled={busy}>
              Set time
            </button>
            {customError && (
              <p id={`${customId}-error`} class="form-error" role="alert">
                {customError}
              </p>
            )}
          </form>
        </div>
      )}
    </div>
  );
}

/** "Snoozed until Wed, Nov 25, 9:00 AM" for the header's status line; nothing when awake. */
export function SnoozedUntil({ conversation }: { conversation: ConversationSummary }) {
  if (conversation.snoozedUntil === null || conversation.status !== 'open') return null;
  return <span class="snoozed-until">Snoozed until {snoozeTimeText(conversation.snoozedUntil)}</span>;
}
