// Sweep 8, dates: a bare hour after a part of the day, an explicit day inside a vague part of
// the month, a weekday anchored by "last weekend", and the order of a slash date.
import { describe, expect, it } from 'vitest';
import { extractWhen } from '../../src/nlu/datetime';
import type { ParseOptions, WhenParse } from '../../src/types';

// Sunday 22 November 2026, 15:33 in Shanghai (the sweep's clock).
const NOW: ParseOptions = { now: new Date('2026-11-22T15:33:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const on = (date: string, time: string | null = null): WhenParse => ({ ok: true, value: { date, time } });

describe('a bare number closing "yesterday morning" is its hour', () => {
  it.each([
    ['yesterday morning 9', '2026-11-21', '09:00'],
    ['yesterday morning 9, at the bakery', '2026-11-21', '09:00'],
    ['yesterday morning 9.30', '2026-11-21', '09:30'],
    ['this afternoon 3', '2026-11-22', '15:00'],
    ['yesterday evening 8:30', '2026-11-21', '20:30'],
    ['last night 11', '2026-11-21', '23:00'],
    ['昨天早上9', '2026-11-21', '09:00'],
    ['昨天早上九，在超市', '2026-11-21', '09:00'],
    ['昨天下午3', '2026-11-21', '15:00'],
    ['昨晚11左右', '2026-11-21', '23:00'],
  ])('"%s" → %s %s', (text, date, time) => {
    expect(extractWhen(text, NOW)).toEqual(on(date, time));
  });

  it.each([
    // Negative: no part of the day, or the number is an amount or a count.
    ['yesterday 9', '2026-11-21'],
    ['昨天9', '2026-11-21'],
    ['昨天下午3块', '2026-11-21'],
    ['this morning 50 yuan', '2026-11-22'],
    ['yesterday morning 12 dollars', '2026-11-21'],
    ['yesterday morning 2 charges', '2026-11-21'],
  ])('negative: "%s" has the date %s but no time', (text, date) => {
    expect(extractWhen(text, NOW)).toEqual(on(date));
  });
});
