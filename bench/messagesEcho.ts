/**
 * The baseline: a bare `ws` server on 127.0.0.1 that echoes every frame, driven by the same
 * load drivers as Parley. It shows what the WebSocket layer, JSON and this one event loop cost
 * on their own, so Parley's numbers can be read as "so much on top of the transport".
 */
import { once } from 'node:events';
import WebSocket, { WebSocketServer } from 'ws';
import type { LoadTarget, Tracker } from './messagesLoad.js';

export interface EchoBench extends LoadTarget {
  close(): Promise<void>;
}

export async function startEcho(clientCount: number): Promise<EchoBench> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  await once(server, 'listening');
  const { port } = server.address() as { port: number };

  let tracker: Tracker | null = null;
  let ref = 0;
  const clients: WebSocket[] = [];
  const close = async () => {
    await Promise.all(clients.map(closeSocket));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    for (let i = 0; i < clientCount; i++) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`);
      clients.push(socket);
      await once(socket, 'open');
      socket.on('message', (raw) => {
        // Parse the echo like a client parses an ack: JSON work is part of the fair baseline.
        const frame = JSON.parse(String(raw)) as { data: { clientMessageId: string } };
        tracker?.ack(frame.data.clientMessageId, true);
      });
    }
  } catch (error) {
    await close();
    throw error;
  }

  return {
    clientCount,
    expectsDelivery: false,
    begin(next) {
      tracker = next;
    },
    send(client, id) {
      // Same frame as a Parley `message.send`, so both carry the same bytes.
      clients[client]!.send(JSON.stringify({ ref: ++ref, cmd: 'message.send', data: { clientMessageId: id, body: `bench:${id}` } }));
    },
    close,
  };
}

async function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return;
  const closed = once(socket, 'close');
  socket.close(1000);
  await closed;
}
