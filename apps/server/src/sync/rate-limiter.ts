/**
 * A token bucket: holds up to `capacity` tokens, refilled at `perSecond`; taking more than it
 * holds fails. Lets a client burst (a paste, a reconnect) and caps its average rate.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = capacity;
    this.refilledAt = now();
  }

  /** Takes `count` tokens if there are enough; false (taking none) otherwise. */
  take(count = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}
