// Dates that are not the transaction's: the day a refund was promised or the goods went back,
// and "right now" said about the card's present state.
import { describe, expect, it } from 'vitest';
import { extractRefundWhen, extractWhen } from '../../src/nlu/datetime';
import { parse } from '../../src/nlu/parse';
import type { ParseOptions, WhenParse } from '../../src/types';

// Sunday 22 November 2026, 15:33 in Shanghai.
const NOW: ParseOptions = { now: new Date('2026-11-22T15:33:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const on = (date: string, time: string | null = null): WhenParse => ({ ok: true, value: { date, time } });

describe('a date attached to the refund or the return is not the sale date', () => {
  it.each([
    ['商家12天前就说给我退款了，退货单都打出来了，可是钱到现在都没到账，一千二百九十九元', '2026-11-10'],
    ['商家上周五答应退我钱，到现在还没收到', '2026-11-13'],
    ['3天前退的货，钱一直没回来', '2026-11-19'],
    ['The store promised me a refund three weeks ago for a jacket I returned, RMB 1,299.00, and it still has not shown up', '2026-11-01'],
    ['the refund was issued on the 3rd but nothing arrived', '2026-11-03'],
    ['I returned the shoes yesterday and they said they processed the refund', '2026-11-21'],
  ])('"%s": no transaction date, the refund date is %s', (text, refundDate) => {
    expect(extractWhen(text, NOW)).toBeNull();
    expect(extractRefundWhen(text, NOW)).toEqual(on(refundDate));
    expect(parse(text, NOW).entities.refundWhen).toEqual({ date: refundDate, time: null });
  });

  it.each([
    // The sale told in its own clause keeps its date; the return's date goes to the refund.
    ['11月1号买的，5号退的货', '2026-11-01', '2026-11-05'],
    ['I bought it on Nov 1 and returned it on the 5th', '2026-11-01', '2026-11-05'],
    ['昨天刷的卡，今天商家说退款了', '2026-11-21', '2026-11-22'],
  ])('"%s": the sale date stays %s, the refund date is %s', (text, saleDate, refundDate) => {
    expect(extractWhen(text, NOW)).toEqual(on(saleDate));
    expect(extractRefundWhen(text, NOW)).toEqual(on(refundDate));
  });

  it.each([
    // Negative: a refund named as the problem, with the date of the payment.
    ['昨天刷的，退款一直没到', '2026-11-21'],
    ['I paid yesterday and the refund never came', '2026-11-21'],
    ['去年8月15号在国美刷卡，显示失败但是扣了3280，一直没退回来', '2025-08-15'],
    ['I want a refund for the charge on the 3rd', '2026-11-03'],
    ['上周三在超市被扣了两次', '2026-11-11'],
  ])('negative: "%s" keeps its transaction date', (text, date) => {
    expect(extractWhen(text, NOW)).toEqual(on(date));
    expect(parse(text, NOW).entities.refundWhen).toBeUndefined();
  });
});

describe('"right now" about the card is not the time of the charge', () => {
  it.each([
    ["yes it's in my wallet right now"],
    ['right now it is in my bag'],
    ['yes, I have it with me at the moment'],
    ['currently in my pocket'],
    ['卡现在还在我手上'],
    ['目前在我身上'],
  ])('"%s": no date', (text) => {
    expect(extractWhen(text, NOW)).toBeNull();
  });

  it.each([
    // Negative: the charge happening now, or "now" as the whole answer to "when?".
    ['someone is charging my card right now'],
    ["they're using it right now!"],
    ['right now'],
    ['just now'],
    ['刚才'],
    ['a moment ago'],
  ])('negative: "%s" is now', (text) => {
    expect(extractWhen(text, NOW)).toEqual(on('2026-11-22', '15:33'));
  });
});
