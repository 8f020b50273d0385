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

describe('a day said with "end of last month" / 月底 is the date', () => {
  it.each([
    ['end of last month, the 30th', '2026-10-30'],
    ['end of last month on the 28th', '2026-10-28'],
    ['beginning of last month, the 2nd', '2026-10-02'],
    ['early last month, the 3rd', '2026-10-03'],
    ['beginning of the month, the 2nd', '2026-11-02'],
    ['end of the month, the 20th', '2026-11-20'],
    ['上个月底，30号', '2026-10-30'],
    ['上月底30号', '2026-10-30'],
    ['上个月初，3号', '2026-10-03'],
    ['月初，3号', '2026-11-03'],
    ['本月初3号', '2026-11-03'],
    ['9月底，28号', '2026-09-28'],
    ['十二月初，3号', '2025-12-03'],
  ])('"%s" → %s', (text, date) => {
    expect(extractWhen(text, NOW)).toEqual(on(date));
  });

  it('keeps the time said with it', () => {
    expect(extractWhen('end of last month on the 30th, around 7pm', NOW)).toEqual(on('2026-10-30', '19:00'));
  });

  it.each([
    // Negative: without a day the part of the month stays what it was.
    ['end of last month', on('2026-10-31')],
    ['上个月底', { ok: false, reason: 'vague' }],
    ['月初', { ok: false, reason: 'vague' }],
  ])('negative: "%s" is unchanged', (text, expected) => {
    expect(extractWhen(text, NOW)).toEqual(expected);
  });
});

describe('"last weekend" / 上周末 anchors the Saturday or Sunday said with it', () => {
  it.each([
    ['上周末，周六下午', '2026-11-14'],
    ['上周末周日', '2026-11-15'],
    ['上周末的星期天', '2026-11-15'],
    ['上个周末，礼拜六', '2026-11-14'],
    ['上上周末周六', '2026-11-07'],
    ['last weekend, on Saturday', '2026-11-14'],
    ['last weekend, Sunday', '2026-11-15'],
    ['the weekend before last, on Sunday', '2026-11-08'],
  ])('"%s" → %s', (text, date) => {
    expect(extractWhen(text, NOW)).toEqual(on(date));
  });

  it('keeps the time said with it', () => {
    expect(extractWhen('上周末周六下午3点', NOW)).toEqual(on('2026-11-14', '15:00'));
  });

  it.each([
    // Negative: a bare or this-week weekend day is the latest one; a bare weekend is vague.
    ['周六下午', on('2026-11-21')],
    ['这周末周六', on('2026-11-21')],
    ['this weekend, Saturday', on('2026-11-21')],
    ['上周末', { ok: false, reason: 'vague' }],
    ['last weekend', { ok: false, reason: 'vague' }],
  ])('negative: "%s"', (text, expected) => {
    expect(extractWhen(text, NOW)).toEqual(expected);
  });
});

describe('the order of a slash date', () => {
  it.each([
    // A day-first statement, or the same date in words, decides.
    ["3/11 (I'm British, so 3 November)", '2026-11-03'],
    ['3/11, day first', '2026-11-03'],
    ['3/11 (dd/mm)', '2026-11-03'],
    ['3/11 日/月', '2026-11-03'],
    ["3/11, that's the 3rd of November", '2026-11-03'],
    ['3/11，也就是11月3日', '2026-11-03'],
    ['a pub in London charged me twice on 3/11, I live in the UK', '2026-11-03'],
    ['3/11/2026 British format', '2026-11-03'],
    // Month first would be still ahead this year; day first is recent.
    ['12/11', '2026-11-12'],
  ])('"%s" → %s', (text, date) => {
    expect(extractWhen(text, NOW)).toEqual(on(date));
  });

  it.each([
    // Negative: month first stays the rule when nothing says otherwise.
    ['3/11', '2026-03-11'],
    ['6/11', '2026-06-11'],
    ['11/3', '2026-11-03'],
    ['On 11/3 Walmart charged my card $64.20 twice', '2026-11-03'],
    ['3/11, so March 11', '2026-03-11'],
    ["12/11, I'm American", '2025-12-11'],
    ['25/10', '2026-10-25'],
  ])('negative: "%s" → %s', (text, date) => {
    expect(extractWhen(text, NOW)).toEqual(on(date));
  });
});
