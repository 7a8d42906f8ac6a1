/**
 * Open sockets per client address on this node. Without a cap, one client can open thousands of
 * sockets (authenticated or not) and exhaust the node's file descriptors, after which nobody,
 * not even the health check, gets an answer. The address is Fastify's `request.ip`, so behind a
 * trusted proxy (PARLEY_TRUST_PROXY) it is the forwarded client address, as for every other limit.
 */
export class AddressSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly perAddress: number) {}

  /** Takes a slot for `address`, or returns false when it already holds the maximum. */
  reserve(address: string): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= this.perAddress) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = this.open.get(address) ?? 0;
    if (count <= 1) this.open.delete(address);
    else this.open.set(address, count - 1);
  }

  /** Sockets open from `address` (tests). */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
