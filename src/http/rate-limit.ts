// Fixed-window rate limits per key (IP, conversation): each key has its own budget, so a burst
// from one client cannot starve others. Per instance; windows are swept so memory stays flat.
export interface LimitResult {
  ok: boolean;
  retryAfter: number; // seconds until the window resets
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** 0 turns the limit off. */
  get enabled(): boolean {
    return this.perMinute > 0;
  }

  hit(key: string): LimitResult {
    if (!this.enabled) return { ok: true, retryAfter: 0 };
    const now = this.clock();
    this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    const retryAfter = Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000));
    return { ok: w.count <= this.perMinute, retryAfter };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 10_000) return;
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
  }

  get size(): number {
    return this.windows.size;
  }
}
