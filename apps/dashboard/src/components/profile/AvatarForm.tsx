/**
 * I1, my avatar: pick an image (PNG, JPEG, GIF or WebP; the server sniffs the bytes and enforces
 * the size limit) or remove it. Colleagues see it in the inbox, visitors next to my replies.
 */
import type { UserResponse } from '@parley/protocol';
import { useId, useState } from 'preact/hooks';
import { ApiError, request } from '../../api/request.js';
import { applyUserUpdate, inbox } from '../../state/inboxStore.js';
import { useStore } from '../../state/store.js';
import { ProblemsAlert } from '../ProblemsAlert.js';
import '../../styles/avatar.css';

function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.code === 'unsupported_file_type') return 'Choose a PNG, JPEG, GIF or WebP image.';
  if (error.code === 'file_too_large') return `That image is too large (${error.detail ?? 'over the limit'}).`;
  if (error.code === 'file_empty') return 'That file is empty.';
  return error.detail ?? error.message;
}

/** The raw bytes as the body, like the branding upload; `request` only speaks JSON. */
async function uploadAvatar(file: File): Promise<UserResponse> {
  const response = await fetch('/api/me/avatar', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
    body: file,
    credentials: 'same-origin',
  }).catch(() => null);
  if (!response) throw new ApiError(0, 'internal_error', 'The server cannot be reached. Check your connection.');
  const payload = (await response.json().catch(() => null)) as { user?: UserResponse['user']; error?: { code?: string; message?: string; detail?: string } } | null;
  if (response.ok && payload?.user) return { user: payload.user };
  const code = payload?.error?.code;
  throw new ApiError(response.status, (code ?? 'internal_error') as ApiError['code'], payload?.error?.message ?? `Upload failed (${response.status}).`, payload?.error?.detail ?? null);
}

export function AvatarForm() {
  const avatarUrl = useStore(inbox, (state) => state.session?.user.avatarUrl ?? null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function act(work: () => Promise<UserResponse>, done: string) {
    setBusy(true);
    setStatus('');
    try {
      applyUserUpdate((await work()).user);
      setProblems([]);
      setStatus(done);
    } catch (error) {
      setProblems([problemText(error)]);
    } finally {
      setBusy(false);
    }
  }

  function picked(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void act(() => uploadAvatar(file), 'Avatar saved.');
  }

  return (
    <section class="settings-form profile-section" aria-labelledby="profile-avatar-heading">
      <h2 id="profile-avatar-heading">Your avatar</h2>
      <div class="avatar-row">
        {avatarUrl ? <img class="profile-avatar" src={avatarUrl} alt="Your current avatar" width={64} height={64} /> : <p>No avatar yet.</p>}
      </div>
      <div class="field">
        <label for={id}>Avatar</label>
        <input id={id} type="file" accept="image/png,image/jpeg,image/gif,image/webp" aria-describedby={`${id}-hint`} disabled={busy} onChange={picked} />
        <p id={`${id}-hint`} class="field-hint">
          PNG, JPEG, GIF or WebP. Colleagues see it in the inbox, visitors next to your replies.
        </p>
      </div>
      <ProblemsAlert problems={problems} />
      <div class="form-actions">
        {avatarUrl && (
          <button type="button" class="button" disabled={busy} onClick={() => void act(() => request<UserResponse>('DELETE', '/api/me/avatar'), 'Avatar removed.')}>
            Remove avatar
          </button>
        )}
        <p class="form-status" role="status">
          {status}
        </p>
      </div>
    </section>
  );
}
