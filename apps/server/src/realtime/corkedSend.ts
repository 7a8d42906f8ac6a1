/**
 * Frames sent to one socket in the same turn of the event loop leave in one write: a feed pull
 * that delivers fifty events, or a burst of acks, costs one system call per socket instead of one
 * per frame. The socket is corked on the first frame and uncorked once the current work (and the
 * promise jobs it queued) is done, so nothing waits longer than that turn.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

const corked = new WeakSet<Socket>();

/** `frame` is a text frame: a string, or its UTF-8 bytes when one encoding serves many sockets. */
export function sendCorked(socket: WebSocket, frame: string | Buffer): void {
  // ws keeps the TCP socket as `_socket`; without it (never on a live server socket), send plainly.
  const tcp = (socket as unknown as { _socket?: Socket })._socket;
  if (tcp && !corked.has(tcp)) {
    corked.add(tcp);
    tcp.cork();
    process.nextTick(() => {
      corked.delete(tcp);
      tcp.uncork();
    });
  }
  socket.send(frame, { binary: false });
}
