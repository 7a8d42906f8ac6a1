/**
 * The sockets of one workspace on this node, indexed by audience. A feed row or signal about a
 * visitor goes to that visitor's sockets and to inbox sockets only, instead of being offered to
 * every socket: with a thousand visitors online, each row would otherwise be checked a thousand
 * times and delivered to one or two of them.
 */
export interface Audience {
  /** The visitor this socket belongs to; null for inbox (agent) sockets. */
  readonly audienceVisitorId: number | null;
}

export class Subscribers<S extends Audience> {
  private readonly agents = new Set<S>();
  private readonly byVisitor = new Map<number, Set<S>>();

  add(subscriber: S): void {
    const visitorId = subscriber.audienceVisitorId;
    if (visitorId === null) {
      this.agents.add(subscriber);
      return;
    }
    let set = this.byVisitor.get(visitorId);
    if (!set) {
      set = new Set();
      this.byVisitor.set(visitorId, set);
    }
    set.add(subscriber);
  }

  delete(subscriber: S): void {
    const visitorId = subscriber.audienceVisitorId;
    if (visitorId === null) {
      this.agents.delete(subscriber);
      return;
    }
    const set = this.byVisitor.get(visitorId);
    set?.delete(subscriber);
    if (set?.size === 0) this.byVisitor.delete(visitorId);
  }

  /** Whether this visitor has a socket here (only then is a visitor view of a row built). */
  hasVisitor(visitorId: number): boolean {
    return this.byVisitor.has(visitorId);
  }

  /** Every inbox socket, then the sockets of `visitorId` (none when null). Each still filters. */
  *reaching(visitorId: number | null): Iterable<S> {
    yield* this.agents;
    if (visitorId !== null) yield* this.byVisitor.get(visitorId) ?? [];
  }
}
