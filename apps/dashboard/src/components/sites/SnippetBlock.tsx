import { useId } from 'preact/hooks';
import { CopySnippetButton } from './CopySnippetButton.js';

/** The install snippet in a read-only, wrapping code block with its copy button. */
export function SnippetBlock({ snippet }: { snippet: string }) {
  const id = useId();
  return (
    <div class="snippet">
      <p id={`${id}-label`} class="snippet-label">
        Paste this just before <code>&lt;/body&gt;</code> on every page of your site:
      </p>
      {/* Focusable so keyboard users can scroll it and select its text; it is not editable. */}
      <pre class="snippet-code" tabIndex={0} aria-labelledby={`${id}-label`}>
        <code id={`${id}-code`} data-snippet>
          {snippet}
        </code>
      </pre>
      <CopySnippetButton snippet={snippet} codeId={`${id}-code`} />
    </div>
  );
}
