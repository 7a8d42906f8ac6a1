/**
 * The baseline server of the reconnect bench, run as its own process like a Parley node: a bare
 * `ws` WebSocketServer that acknowledges `session.resume` (and any other command) at once, with no
 * storage, authentication or feed. The same RealtimeClients connect to it with the same backoff,
 * so its numbers are the floor set by the transport, the client's backoff and a process restart.
 *
 *   PORT=… node --import tsx bench/reconnectEchoServer.ts
 */
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? '0');
// The same listen backlog as a Parley node (main.ts), so a reconnect herd meets the same queue.
const server = new WebSocketServer({ host: '127.0.0.1', port, backlog: 4096 });

server.on('connection', (socket) => {
  socket.on('message', (raw) => {
    let frame: { ref?: unknown; cmd?: unknown };
    try {
      frame = JSON.parse(raw.toString()) as { ref?: unknown; cmd?: unknown };
    } catch {
      return;
    }
    if (typeof frame.ref !== 'number') return;
    // A resume answers with a cursor, like Parley's; nothing is ever replayed.
    const data = frame.cmd === 'session.resume' ? { cursor: 0 } : {};
    socket.send(JSON.stringify({ t: 'ack', ref: frame.ref, ok: true, data }));
  });
});

server.on('listening', () => console.log(`echo listening on ${port}`));

// Drain like Parley: tell every socket to go away (1001), then stop.
process.on('SIGTERM', () => {
  for (const socket of server.clients) socket.close(1001, 'server shutting down');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
