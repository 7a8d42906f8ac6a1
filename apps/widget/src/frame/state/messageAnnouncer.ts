/**
 * Tells the host page about each new message once (`Parley.on('message')`, W15). A message can
 * reach the frame twice (the answer to sending it and its event), and a resume replays events, so
 * ids already told are remembered. Messages of the snapshot (history) are never told.
 */
import type { ApiMessage, Message } from '@parley/protocol';

export class MessageAnnouncer {
  private readonly told = new Set<number>();

  constructor(private readonly tell: (message: ApiMessage) => void) {}

  announce(message: Message): void {
    if (message.internal || this.told.has(message.id)) return;
    this.told.add(message.id);
    this.tell({ conversationId: message.conversationId, fromVisitor: message.author.kind === 'visitor', author: message.author.name, text: message.body });
  }
}
