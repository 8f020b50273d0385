// Opening hours in the bot's time zone.
import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseHours } from '../../src/handoff/hours';
import { loadConfig } from '../../src/config';

const tz = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('agent hours', () => {
  const week = parseHours('Mon-Fri 09:00-18:00, Sat 10:00-14:00');

  it('when unset, then agents are always there', () => {
    expect(isOpen(parseHours(undefined), at('2026-11-22T03:00:00+08:00'), tz)).toBe(true);
    expect(nextOpening(null, new Date(), tz)).toBeNull();
  });

  it('when inside a window in the bot time zone, then open; outside, then closed', () => {
    expect(isOpen(week, at('2026-11-20T09:30:00+08:00'), tz)).toBe(true); // Friday
    expect(isOpen(week, at('2026-11-20T18:00:00+08:00'), tz)).toBe(false);
    expect(isOpen(week, at('2026-11-21T11:00:00+08:00'), tz)).toBe(true); // Saturday
    expect(isOpen(week, at('2026-11-22T11:00:00+08:00'), tz)).toBe(false); // Sunday
    // 02:00 UTC Friday is 10:00 in Shanghai
    expect(isOpen(week, at('2026-11-20T02:00:00Z'), tz)).toBe(true);
  });

  it('when closed, then the next opening is named in local time', () => {
    expect(nextOpening(week, at('2026-11-22T11:00:00+08:00'), tz)).toBe('2026-11-23 09:00');
    expect(nextOpening(week, at('2026-11-20T19:00:00+08:00'), tz)).toBe('2026-11-21 10:00');
    expect(nextOpening(week, at('2026-11-20T07:00:00+08:00'), tz)).toBe('2026-11-20 09:00');
  });

  it('when the spec is wrong, then start-up stops with a message naming AGENT_HOURS', () => {
    expect(() => parseHours('Funday 9-5')).toThrow(/AGENT_HOURS/);
    expect(() => loadConfig({ AGENT_HOURS: 'Mon-Fri 18:00-09:00' })).toThrow(/AGENT_HOURS/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ BOT_TIMEZONE: 'Mars/Base' })).toThrow(/BOT_TIMEZONE/);
  });
});
