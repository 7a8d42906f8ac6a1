/**
 * A bare realtime socket for tests that need what RealtimeClient hides: the close code and reason,
 * frames exactly as sent, a socket that never resumes, or one that stops reading.
 */
import WebSocket from 'ws';

export interface RawSocket {
  ws: WebSocket;
  frames: any[];
  /** Resolves with the close code and reason once the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
  command(cmd: string, data?: unknown): Promise<any>;
  next(match: (frame: any) => boolean, timeoutMs?: number): Promise<any>;
}

export async function openRawSocket(wsUrl: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const ws = new WebSocket(wsUrl, { headers });
  const frames: any[] = [];
  let isClosed = false;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => {
      isClosed = true;
      resolve({ code, reason: reason.toString() });
    }),
  );
  ws.on('message', (raw) => frames.push(JSON.parse(String(raw))));
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('close', () => resolve());
  });
  const next = async (match: (frame: any) => boolean, timeoutMs = 5000): Promise<any> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const index = frames.findIndex(match);
      if (index >= 0) return frames.splice(index, 1)[0];
      if (isClosed) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching frame (closed: ${isClosed}); frames: ${JSON.stringify(frames).slice(0, 500)}`);
  };
  let ref = 1;
  const command = (cmd: string, data: unknown = {}) => {
    const r = ref++;
    ws.send(JSON.stringify({ ref: r, cmd, data }));
    return next((f) => f.t === 'ack' && f.ref === r);
  };
  return { ws, frames, closed, isClosed: () => isClosed, command, next };
}

/** An inbox socket for a signed-in cookie, resumed. */
export async function agentSocket(wsUrl: string, cookie: string): Promise<RawSocket> {
  const socket = await openRawSocket(wsUrl, { cookie });
  const ack = await socket.command('session.resume', {});
  if (!ack.ok) throw new Error(`agent resume failed: ${JSON.stringify(ack)}`);
  return socket;
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))]);
}
