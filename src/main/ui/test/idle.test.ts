import { describe, expect, it } from 'vitest';
import { IdleTimer, type Clock } from '../src/auth/idle';

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => { const id = next++; timers.push({ at: now + ms, fn, id }); return id; },
    clearTimeout: (h) => { const i = timers.findIndex((t) => t.id === h); if (i >= 0) timers.splice(i, 1); },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = end;
  };
  return { clock, advance };
}

describe('IdleTimer', () => {
  it('signs out after the idle time without activity', () => {
    const { clock, advance } = fakeClock();
    let idle = 0;
    new IdleTimer(15 * 60_000, () => idle++, clock);
    advance(15 * 60_000 - 1);
    expect(idle).toBe(0);
    advance(1);
    expect(idle).toBe(1);
    advance(60 * 60_000);
    expect(idle).toBe(1);
  });

  it('activity pushes the sign-out back', () => {
    const { clock, advance } = fakeClock();
    let idle = 0;
    const t = new IdleTimer(10_000, () => idle++, clock);
    advance(8_000);
    t.activity();
    advance(8_000);
    expect(idle).toBe(0);
    expect(t.remaining()).toBe(2_000);
    advance(2_000);
    expect(idle).toBe(1);
  });

  it('stop() cancels it', () => {
    const { clock, advance } = fakeClock();
    let idle = 0;
    const t = new IdleTimer(1_000, () => idle++, clock);
    t.stop();
    advance(5_000);
    expect(idle).toBe(0);
  });
});
