/**
 * W10: the subscription types a chatflow's communications consent checkbox subscribes visitors
 * to (admins). Names are unique in the workspace; a type is renamed rather than deleted, since
 * consents already given name it.
 */
import type { SubscriptionType } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { errorText, request } from '../../api/request.js';
import { TextField } from '../TextField.js';

function SubscriptionTypeForm({ initial, submitLabel, onSave }: { initial: { name: string; description: string }; submitLabel: string; onSave: (value: { name: string; description: string }) => Promise<void> }) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) return setProblem('Give the subscription type a name.');
    setBusy(true);
    try {
      await onSave({ name: name.trim(), description: description.trim() });
      setProblem(null);
    } catch (caught) {
      setProblem(`Not saved: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="subscription-type-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      <TextField label="Name" value={name} onInput={setName} maxLength={200} />
      <TextField label="Description" value={description} onInput={setDescription} maxLength={2000} />
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="button primary" aria-disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

export function SubscriptionTypesPage() {
  const [types, setTypes] = useState<SubscriptionType[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [added, setAdded] = useState(0);

  async function load() {
    setLoadError(null);
    try {
      setTypes((await request<{ subscriptionTypes: SubscriptionType[] }>('GET', '/api/admin/subscription-types')).subscriptionTypes);
    } catch (caught) {
      setLoadError(errorText(caught));
    }
  }
  useEffect(() => void load(), []);

  return (
    <div class="page">
      <h1 class="pane-title" tabIndex={-1}>
        Subscription types
      </h1>
      <p class="field-hint">What a chatflow's communications consent checkbox subscribes visitors to (Options tab of a chatflow).</p>
      {loadError && (
        <div class="list-message" role="alert">
          <p>Could not load the subscription types: {loadError}</p>
          <button type="button" class="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {!types && !loadError && <p role="status">Loading subscription types…</p>}
      {types && (
        <>
          {types.length === 0 ? (
            <p class="field-hint">No subscription types yet.</p>
          ) : (
            <ul class="subscription-types">
              {types.map((type) => (
                <li key={type.id}>
                  {editing === type.id ? (
                    <SubscriptionTypeForm
                      initial={type}
                      submitLabel={`Save ${type.name}`}
                      onSave={async (value) => {
                        await request('PATCH', `/api/admin/subscription-types/${type.id}`, { body: value });
                        setEditing(null);
                        await load();
                      }}
                    />
                  ) : (
                    <>
                      <strong>{type.name}</strong> {type.description && <span class="field-hint">{type.description}</span>}{' '}
                      <button type="button" class="button small" aria-label={`Edit ${type.name}`} onClick={() => setEditing(type.id)}>
                        Edit
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h2>Add a subscription type</h2>
          <SubscriptionTypeForm
            key={added}
            initial={{ name: '', description: '' }}
            submitLabel="Add subscription type"
            onSave={async (value) => {
              await request('POST', '/api/admin/subscription-types', { body: value });
              setAdded((n) => n + 1);
              await load();
            }}
          />
        </>
      )}
    </div>
  );
}
