// Time is injected everywhere a rule depends on "today" (status, reminders, digests), so tests
// can run the platform on any date without waiting or patching globals.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock & { set(instant: string | Date): void; advanceDays(days: number): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
    advanceDays(days) {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}
