import { CONTACT_LIMITS } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { retentionApi } from '../../api/customerEndpoints.js';
import { errorText } from '../../api/request.js';
import { NumberField } from '../fields/NumberField.js';

/** The workspace's A10 retention policy (admins): closed conversations older than N days are deleted. */
export function RetentionSection() {
  const [days, setDays] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    retentionApi.get().then(
      ({ retentionDays }) => setDays(retentionDays === null ? '' : String(retentionDays)),
      (error: unknown) => setMessage({ error: true, text: `The retention setting could not be loaded: ${errorText(error)}` }),
    );
  }, []);

  const typed = (days ?? '').trim();
  const valid = typed === '' || (/^\d+$/.test(typed) && Number(typed) >= 1 && Number(typed) <= CONTACT_LIMITS.retentionMaxDays);

  async function save(event: Event) {
    event.preventDefault();
    if (busy || days === null) return;
    if (!valid) {
      setMessage({ error: true, text: `Enter a whole number of days from 1 to ${CONTACT_LIMITS.retentionMaxDays}, or leave it empty.` });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const { retentionDays } = await retentionApi.set(typed === '' ? null : Number(typed));
      setDays(retentionDays === null ? '' : String(retentionDays));
      setMessage({ error: false, text: retentionDays === null ? 'Saved: closed conversations are kept forever.' : `Saved: closed conversations are deleted after ${retentionDays} days.` });
    } catch (error) {
      setMessage({ error: true, text: `Not saved: ${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card retention-section" aria-labelledby="retention-title">
      <h2 id="retention-title" class="card-title">
        Data retention
      </h2>
      <form aria-labelledby="retention-title" onSubmit={(event) => void save(event)}>
        <NumberField
          label="Delete closed conversations after N days"
          value={days ?? ''}
          onInput={(value) => setDays(value)}
          min={1}
          max={CONTACT_LIMITS.retentionMaxDays}
          required={false}
          invalid={!valid}
          hint="Empty keeps them forever. Deleted conversations take their messages and attachments with them."
        />
        {message && (
          <p class={message.error ? 'form-error' : 'form-status'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled={busy || days === null}>
            Save retention
          </button>
        </div>
      </form>
    </section>
  );
}
