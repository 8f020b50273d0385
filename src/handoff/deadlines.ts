// The bot's calendar day: what the engine tells the dialog, which has no clock, so that it can
// judge dispute deadlines (dialogs/misswipe/deadlines.ts).

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `now` in the bot's time zone, as "YYYY-MM-DD" (what dates in the case use). */
export function localDay(now: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD; one formatter per zone (creating one costs far more than using it).
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}
