/**
 * A customer's web page on its own origin, embedding the widget with the documented snippet.
 * Its CSS is deliberately hostile (red, huge, every button hidden), so a test can see that none of
 * it reaches the launcher or the chat.
 */
import http from 'node:http';

export interface HostSite {
  /**
   * `http://127.0.0.1:PORT`: another origin (port) than the Parley node on 127.0.0.1, but the same
   * *site*, so the chat frame is not a third-party frame and keeps its storage.
   */
  sameSiteUrl: string;
  /**
   * `http://localhost:PORT`: another site altogether, as on a real customer's domain; the chat
   * frame is then third-party, and browsers that block third-party storage deny its localStorage.
   */
  crossSiteUrl: string;
  close(): Promise<void>;
}

function page(parleyUrl: string, siteKey: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host shop</title>
<style>
  * { color: red !important; font-size: 40px; line-height: 3 !important; box-sizing: content-box !important }
  button { display: none }
  iframe { border: 10px dashed red; width: 10px; height: 10px }
  div, span, svg { display: none }
</style>
</head>
<body>
<header><h1>Host shop</h1></header>
<main>
  <p>Products and prices.</p>
  <p><a href="#products">Our products</a></p>
  <button type="button">A host button nobody sees</button>
</main>
<script src="${parleyUrl}/widget.js" data-site="${siteKey}" async></script>
</body>
</html>`;
}

/**
 * The shop as a single-page site (W6 targeting, W4 triggers): the same page at every path, tall
 * enough to scroll (3,000 px of products), with links that navigate through the History API
 * (`history.pushState`, no page load) the way a client-side router does. Same hostile CSS.
 */
function singlePageApp(parleyUrl: string, siteKey: string): string {
  return page(parleyUrl, siteKey)
    .replace(
      '<main>',
      `<nav aria-label="Shop"><a href="/pricing?plan=pro" data-spa>Pricing</a> <a href="/about" data-spa>About</a> <a href="/privacy" data-spa>Privacy</a></nav>
<main>
  <p style="height: 3000px">Our products, one per row.</p>`,
    )
    .replace(
      '</body>',
      `<script>
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-spa]');
    if (!link) return;
    event.preventDefault();
    history.pushState({ from: location.pathname }, '', link.href);
    document.title = link.textContent + ' - Host shop';
  });
</script>
</body>`,
    );
}

export interface HostSiteOptions {
  /** Serve the single-page shop (above) at every path instead of the plain page at `/`. */
  singlePageApp?: boolean;
  /** The page served at `/` instead of the plain shop (e.g. one that calls the JavaScript API). */
  html?: (parleyUrl: string, siteKey: string) => string;
}

export async function startHostSite(parleyUrl: string, siteKey: string, options: HostSiteOptions = {}): Promise<HostSite> {
  const html = options.html ? options.html(parleyUrl, siteKey) : options.singlePageApp ? singlePageApp(parleyUrl, siteKey) : page(parleyUrl, siteKey);
  const server = http.createServer((request, response) => {
    const served = options.singlePageApp ? request.url?.startsWith('/') : request.url === '/' || request.url?.startsWith('/?');
    if (request.method === 'GET' && served && request.url !== '/favicon.ico') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    sameSiteUrl: `http://127.0.0.1:${port}`,
    crossSiteUrl: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
