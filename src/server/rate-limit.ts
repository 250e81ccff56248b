// A token bucket per client: `burst` requests at once, then `perSecond` on average.

export interface RateLimit {
  burst: number;
  perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** true: the request may go on; false: this client is over its limit for now. */
  take(client: string): boolean {
    const t = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, at: t };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = t;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(t);
    return allowed;
  }

  /** A bucket that has filled up again is the same as no bucket. */
  private forgetFull(t: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((t - bucket.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(client);
    }
  }
}
