import type { SyncLimits } from './sync-limits.js';

/**
 * Counts open sync connections in total and per remote address, so thousands of sockets from
 * one client cannot exhaust the server. Pair every successful `admit` with one `release`.
 */
export class ConnectionCaps {
  private total = 0;
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: Pick<SyncLimits, 'maxConnections' | 'maxConnectionsPerAddress'>) {}

  /** Counts a new connection from `address`; returns why it is refused instead (counting nothing). */
  admit(address: string): string | null {
    if (this.total >= this.limits.maxConnections) {
      return 'server is at its connection limit; try again later';
    }
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (fromAddress >= this.limits.maxConnectionsPerAddress) {
      return 'too many connections from your address; try again later';
    }
    this.total += 1;
    this.perAddress.set(address, fromAddress + 1);
    return null;
  }

  /** Gives back a connection counted by `admit`. */
  release(address: string): void {
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (fromAddress <= 1) this.perAddress.delete(address);
    else this.perAddress.set(address, fromAddress - 1);
    this.total = Math.max(0, this.total - 1);
  }
}
