// Signs the person out after a period without input: centres share computers.
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

/** Calls onIdle once no activity() happened for timeoutMs. Activity is throttled to one reset per second. */
export class IdleTimer {
  private last: number;
  private handle: unknown = null;
  private stopped = false;

  constructor(private readonly timeoutMs: number, private readonly onIdle: () => void, private readonly clock: Clock = realClock) {
    this.last = clock.now();
    this.schedule(timeoutMs);
  }

  activity(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    if (now - this.last < 1000) return;
    this.last = now;
  }

  /** Milliseconds left before sign-out. */
  remaining(): number {
    return Math.max(0, this.timeoutMs - (this.clock.now() - this.last));
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
  }

  private schedule(ms: number): void {
    this.handle = this.clock.setTimeout(() => this.check(), ms);
  }

  private check(): void {
    if (this.stopped) return;
    const left = this.remaining();
    if (left <= 0) {
      this.stopped = true;
      this.onIdle();
    } else {
      this.schedule(left);
    }
  }
}

export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;
