/** The one line a business pastes into its site (W1). */
export function embedSnippet(publicUrl: string, siteKey: string): string {
  return `<script src="${publicUrl}/widget.js" data-site="${siteKey}" async></script>`;
}
