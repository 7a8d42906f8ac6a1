/**
 * A customer's page on its own origin with exactly the snippet an admin copied from the inbox,
 * so a test proves that what the Install page and the wizard hand out works when pasted.
 */
import http from 'node:http';

export interface SnippetHost {
  /** `http://127.0.0.1:PORT`: another origin than the Parley node. */
  url: string;
  /** The page serves this snippet from now on (the origin exists before the snippet does). */
  setSnippet(snippet: string): void;
  close(): Promise<void>;
}

export async function startSnippetHost(): Promise<SnippetHost> {
  let snippet = '';
  const html = () => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Snippet shop</title></head>
<body>
<main><h1>Snippet shop</h1><p>Products and prices.</p></main>
${snippet}
</body>
</html>`;
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/' || request.url?.startsWith('/?'))) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html());
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    setSnippet(next) {
      snippet = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The snippet names the server's public URL, which a port-0 test node cannot know in advance
 * (it says http://localhost:<configured port>); point it at the node under test, changing
 * nothing else.
 */
export function pointSnippetAt(snippet: string, parleyUrl: string): string {
  return snippet.replace(/src="https?:\/\/[^/"]+\//, `src="${parleyUrl}/`);
}
