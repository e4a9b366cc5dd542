/**
 * Where "now" comes from. Leases, deadlines and overdue checks read it instead of `Date.now()` or SQL
 * `now()`, so tests can move time forward without sleeping (a claim expiring after 10 minutes, a
 * follow-up deadline three days out). SQL that compares with now takes it as a parameter.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand: starts at `start` (default: the real now) and only moves when told. */
export function manualClock(start: Date = new Date()): Clock & { advance(ms: number): void; set(at: Date): void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
    set(d: Date) {
      at = d.getTime();
    },
  };
}
