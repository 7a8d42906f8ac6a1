/**
 * Fan-out between server nodes. Messages are small strings (feed pokes and ephemeral signals);
 * durable data always travels through storage, so a lost pub/sub message delays delivery but
 * never loses it (readers also poll as a safety net).
 */
export type PubSubHandler = (message: string) => void;

export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is active; returns the unsubscribe function. */
  subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
