// Agent opening hours (AGENT_HOURS, e.g. "Mon-Fri 09:00-18:00, Sat 10:00-14:00") in the bot's
// time zone: whether agents are there now, and when they next will be.
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface Window {
  days: Set<number>; // 0 = Sunday
  from: number; // minutes after midnight
  to: number; // exclusive; 1440 = midnight
}

export type Schedule = Window[] | null; // null = always open

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`bad time "${hhmm}"`);
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (v > 1440 || Number(m[2]) > 59) throw new Error(`bad time "${hhmm}"`);
  return v;
}

function day(name: string): number {
  const i = DAYS.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAYS)[number]);
  if (i < 0) throw new Error(`bad day "${name}"`);
  return i;
}

/** Parses AGENT_HOURS; throws with a readable message on a bad spec. Unset → always open. */
export function parseHours(spec: string | undefined): Schedule {
  if (!spec?.trim()) return null;
  return spec.split(',').map((part) => {
    const m = /^\s*([A-Za-z]{3,9})(?:\s*-\s*([A-Za-z]{3,9}))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!m?.[1] || !m[3] || !m[4]) throw new Error(`AGENT_HOURS: cannot read "${part.trim()}" (expected e.g. "Mon-Fri 09:00-18:00")`);
    const a = day(m[1]);
    const b = m[2] ? day(m[2]) : a;
    const days = new Set<number>();
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
    const from = minutes(m[3]);
    const to = minutes(m[4]);
    if (to <= from) throw new Error(`AGENT_HOURS: "${part.trim()}" ends before it starts`);
    return { days, from, to };
  });
}

function localParts(now: Date, timeZone: string): { dow: number; mins: number; date: string } {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(now).map((x) => [x.type, x.value]));
  return { dow: day(p.weekday ?? 'sun'), mins: Number(p.hour) * 60 + Number(p.minute), date: `${p.year}-${p.month}-${p.day}` };
}

export function isOpen(schedule: Schedule, now: Date, timeZone: string): boolean {
  if (!schedule) return true;
  const { dow, mins } = localParts(now, timeZone);
  return schedule.some((w) => w.days.has(dow) && mins >= w.from && mins < w.to);
}

/** The next opening as local "YYYY-MM-DD HH:mm" in the bot's zone (null if always open). */
export function nextOpening(schedule: Schedule, now: Date, timeZone: string): string | null {
  if (!schedule || schedule.length === 0) return null;
  // Step through the coming week a minute-window at a time (cheap: at most 7 days × windows).
  for (let offset = 0; offset <= 7; offset++) {
    const probe = new Date(now.getTime() + offset * 86_400_000);
    const { dow, mins, date } = localParts(probe, timeZone);
    const starts = schedule.filter((w) => w.days.has(dow)).map((w) => w.from).sort((a, b) => a - b);
    for (const start of starts) {
      if (offset === 0 && start <= mins) continue;
      const hh = String(Math.floor(start / 60)).padStart(2, '0');
      const mm = String(start % 60).padStart(2, '0');
      return `${date} ${hh}:${mm}`;
    }
  }
  return null;
}
