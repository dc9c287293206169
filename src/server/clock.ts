/** Time for the server: an injectable clock, and dates as the offices count them (China Standard Time). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const isoNow = (clock: Clock): string => clock.now().toISOString();
/** Today's date in China ('YYYY-MM-DD'): working-day deadlines are counted in local dates. */
export const todayIn = (clock: Clock): string => chinaDate.format(clock.now());

/** A clock tests can move. */
export function fixedClock(start: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => { t = new Date(iso).getTime(); },
    advance: (ms) => { t += ms; },
  };
}
