import { OriginsField } from '../sites/OriginsField.js';

/** Step 7: where the widget may run (optional), then Publish. */
export function PublishStep({ siteName, value, onChange }: { siteName: string; value: string; onChange: (value: string) => void }) {
  return (
    <div class="wizard-fields">
      <p>
        Optionally limit <strong>{siteName}</strong> to your own website. Publishing makes the chat live wherever the
        snippet is pasted.
      </p>
      <OriginsField value={value} onInput={onChange} />
    </div>
  );
}
