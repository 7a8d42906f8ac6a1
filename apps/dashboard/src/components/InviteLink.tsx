import { useId, useState } from 'preact/hooks';

/** The one-time invitation link, shown right after the user is created. */
export function InviteLink({ name, url }: { name: string; url: string }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  // The server answers with a path; the person receiving it needs a full address.
  const absolute = new URL(url, location.origin).href;

  async function copy() {
    try {
      await navigator.clipboard.writeText(absolute);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (plain http); the field stays selectable by hand.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div class="invite-link">
      <p>Send this invitation link to {name}. It works once.</p>
      <div class="copy-row">
        <label for={id} class="visually-hidden">
          Invitation link
        </label>
        <input id={id} type="text" readOnly value={absolute} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}
