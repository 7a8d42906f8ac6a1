import { apiStubScript } from '@parley/protocol';

/**
 * The snippet a business pastes into its site (W1): first a tiny inline script that defines
 * `window.Parley` at once as a queueing stub (W15, the JavaScript API), then the async loader.
 * Sites with the older one-tag snippet keep working: the loader defines `window.Parley` itself.
 */
export function embedSnippet(publicUrl: string, siteKey: string): string {
  return `<script>${apiStubScript()}</script>\n<script src="${publicUrl}/widget.js" data-site="${siteKey}" async></script>`;
}
