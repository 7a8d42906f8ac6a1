import { useState } from 'preact/hooks';

interface CopySnippetButtonProps {
  snippet: string;
  /** The element holding the snippet, selected when the clipboard refuses so a person can copy by hand. */
  codeId: string;
}

/**
 * "Copy snippet": the clipboard API where the page may use it, else the older copy command on a
 * selection, else the snippet stays selected for Ctrl+C. The outcome is announced politely.
 */
export function CopySnippetButton({ snippet, codeId }: CopySnippetButtonProps) {
  const [outcome, setOutcome] = useState('');

  async function copy() {
    setOutcome('');
    try {
      await navigator.clipboard.writeText(snippet);
      setOutcome('Copied');
    } catch {
      setOutcome(copyBySelection(codeId) ? 'Copied' : 'Copying is blocked here: the snippet is selected, press Ctrl+C (⌘C) to copy it.');
    }
  }

  return (
    <div class="copy-snippet">
      <button type="button" class="button primary" onClick={() => void copy()}>
        Copy snippet
      </button>
      <span class="copy-outcome" aria-live="polite">
        {outcome}
      </span>
    </div>
  );
}

function copyBySelection(codeId: string): boolean {
  const element = document.getElementById(codeId);
  const selection = window.getSelection();
  if (!element || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    // Deprecated but still the only fallback where the async clipboard is unavailable (plain http).
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
