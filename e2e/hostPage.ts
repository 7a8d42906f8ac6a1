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

export async function startHostSite(parleyUrl: string, siteKey: string): Promise<HostSite> {
  const html = page(parleyUrl, siteKey);
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/' || request.url?.startsWith('/?'))) {
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
