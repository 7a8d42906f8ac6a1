import { useId, useState } from 'preact/hooks';
import { api } from '../../api/endpoints.js';
import { errorText } from '../../api/request.js';

/** The server refuses anything bigger; saying so before the upload saves the wait. */
const MAX_BYTES = 1024 * 1024;
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

interface BrandingImageFieldProps {
  value: string | null;
  onChange: (url: string | null) => void;
}

/**
 * The custom branding image (W2): uploaded to Parley (which sniffs the type and keeps the file),
 * shown as a preview, removable. Only the returned URL goes into the draft.
 */
export function BrandingImageField({ value, onChange }: BrandingImageFieldProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError('The image is larger than 1 MB. Choose a smaller one.');
      input.value = '';
      return;
    }
    setBusy(true);
    try {
      const { file: stored } = await api.uploadImage(file);
      onChange(stored.url);
    } catch (caught) {
      setError(`Not uploaded: ${errorText(caught)}`);
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  return (
    <div class="field branding-image">
      <label for={id}>Branding image</label>
      <div class="branding-image-row">
        {value ? (
          <img class="branding-preview" src={value} alt="The current branding image" width={48} height={48} />
        ) : (
          <span class="branding-preview empty" aria-hidden="true" />
        )}
        <input
          id={id}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${id}-hint`}
          aria-busy={busy || undefined}
          onChange={(event) => void upload(event.currentTarget)}
        />
        {value && (
          <button type="button" class="button small" onClick={() => onChange(null)}>
            Remove image
          </button>
        )}
      </div>
      <p id={`${id}-hint`} class="field-hint">
        PNG, JPEG, GIF or WebP, up to 1 MB; shown round, so a square works best.
      </p>
      <p class="form-status" role="status">
        {busy ? 'Uploading…' : ''}
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
