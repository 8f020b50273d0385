// Amounts read from messages in sweep 8: a 一 that starts a word after an amount, charged and
// expected told apart by "X as Y", a price tag and 被扣了, and euro amounts written 1.299,00.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';

const at = { now: new Date('2026-11-22T10:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const amounts = (t: string) => parse(t, at).entities.money.map((m) => [m.value.minor, m.value.currency]);

describe('a 一 after an amount that starts a word is not part of the amount', () => {
  it.each([
    ['之前退货的199块一直没退回来', 19900],
    ['有一笔预授权3000一直没解冻', 300000],
    ['5块一直没到账', 500],
    ['退了88元一共两次', 8800],
    ['那笔1500块一下子就扣没了', 150000],
    ['扣了1500一下子', 150000],
    ['扣了三千一直没退', 300000],
    ['刷了两千一共三笔', 200000],
    ['扣了66块一样的金额', 6600],
    ['十二块五一共', 1250],
    ['付了200一看账单多了', 20000],
  ])('when someone writes "%s", then the amount is %i minor units', (text, minor) => {
    expect(amounts(text)[0]).toEqual([minor, 'CNY']);
  });

  it.each([
    ['十二块五', 1250],
    ['3块5', 350],
    ['两块一', 210],
    ['两块一的', 210],
    ['一块一毛一分', 111],
    ['扣了三千一', 310000],
    ['刷了一千一', 110000],
    ['一万一千块', 1100000],
    ['一百一十一块一毛一', 11110],
  ])('when a 一 is really a digit ("%s"), then it still counts', (text, minor) => {
    expect(amounts(text)).toEqual([[minor, 'CNY']]);
  });
});

const roles = (t: string) => parse(t, at).entities.money.map((m) => [m.value.minor, m.value.currency, m.role]);

describe('which amount was due and which was taken', () => {
  it.each([
    // "X as Y" after a keying verb: Y went through instead of X.
    ["Pharmacy cashier here, I rang up a shopper's $8.99 as $89.90 an hour ago", 899, 8990, 'USD'],
    ['my new hire keyed 35 as 350 on the terminal', 3500, 35000, 'CNY'],
    ['I entered $12 as $120 by mistake', 1200, 12000, 'USD'],
    ['we ran her card for $20 accidentally as $200', 2000, 20000, 'USD'],
    ['I typed in 45 as 450', 4500, 45000, 'CNY'],
    // 被扣了/被刷了/扣了 straight after a price: the next amount is what was taken.
    ['吃饭158被扣了1580', 15800, 158000, 'CNY'],
    ['打车36块结果被刷了360', 3600, 36000, 'CNY'],
    ['买菜58扣了580', 5800, 58000, 'CNY'],
    // The price tag is what was due; the other amount, with nothing said about it, was charged.
    ['Duty free charge my card in my own currency 1,450 HKD, I never chose this, price tag was 6,200 baht', 620000, 145000, null],
    ['the price tag said $45, the receipt has $450', 4500, 45000, 'USD'],
    ['明码标价99元，最后账单显示990元', 9900, 99000, 'CNY'],
  ])('when someone writes "%s", then the due and the charged amounts are told apart', (text, expected, charged, currency) => {
    const found = roles(text);
    expect(found.find((m) => m[2] === 'expected')?.[0]).toBe(expected);
    expect(found.find((m) => m[2] === 'charged')?.[0]).toBe(charged);
    if (currency !== null) expect(found.every((m) => m[1] === currency)).toBe(true);
  });

  it('when the price and the charge are in different currencies, then each keeps its own', () => {
    expect(roles('they charge my card 1,450 HKD but the price tag was 6,200 baht')).toEqual([
      [145000, 'HKD', 'charged'],
      [620000, 'THB', 'expected'],
    ]);
  });

  it.each([
    // Two charges of the same kind stay two charges.
    ['扣了88又扣了88', [[8800, 'CNY', 'charged'], [8800, 'CNY', 'charged']]],
    // An amount followed by 被扣了 with nothing after it is the charge itself.
    ['158被扣了', [[15800, 'CNY', 'charged']]],
    // "as" followed by no amount pairs nothing.
    ['I entered $20 as the tip', [[2000, 'USD', 'charged']]],
    // "as" without a keying verb pairs nothing.
    ['I paid $20 as a deposit and $200 later', [[2000, 'USD', null], [20000, 'USD', null]]],
    // A price with a paid amount: "paid" says what the other one is, so it is not forced to charged.
    ['price tag was $30 and I paid $30', [[3000, 'USD', 'expected'], [3000, 'USD', null]]],
  ])('when "%s" is written, then no pair is invented', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});

describe('euro amounts written the continental way', () => {
  it.each([
    ['1.299,00 €', 129900],
    ['1.299,00 EUR', 129900],
    ['12.345,67 €', 1234567],
    ['€1.299', 129900],
    ['1.299 €', 129900],
    ['EUR 2.500,50', 250050],
    ['23,50 €', 2350],
    ['€12,50', 1250],
  ])('when "%s" is written, then it is read with dots for thousands and a comma for cents', (text, minor) => {
    expect(amounts(text)).toEqual([[minor, 'EUR']]);
  });

  it.each([
    ['€12.80', 1280, 'EUR'],
    ['12.80 €', 1280, 'EUR'],
    ['€1,299.00', 129900, 'EUR'],
    ['1,299.00 EUR', 129900, 'EUR'],
    ['1,299 €', 129900, 'EUR'],
    ['付了12.80元', 1280, 'CNY'],
    ['charged me 1,299.00', 129900, 'CNY'],
  ])('when "%s" is written the English way, then it reads as before', (text, minor, currency) => {
    expect(amounts(text)).toEqual([[minor, currency]]);
  });

  it('when a hotel bill is set against the booking, then both keep their euro amounts and roles', () => {
    expect(roles('The hotel in Porto charged me 1.299,00 € at checkout but the booking was 1.099,00 €')).toEqual([
      [129900, 'EUR', 'charged'],
      [109900, 'EUR', 'expected'],
    ]);
  });
});

describe('应该是X不是Y keeps the 应该是', () => {
  it.each([
    ['金额应该是1580不是1850', [[158000, 'CNY', 'expected'], [185000, 'CNY', 'charged']]],
    ['it should be $15 not $150', [[1500, 'USD', 'expected'], [15000, 'USD', 'charged']]],
    // Without a cue before it, "X不是Y" still reads X as the charge.
    ['扣了1850不是1580', [[185000, 'CNY', 'charged'], [158000, 'CNY', 'expected']]],
  ])('when "%s" is written, then the amount after 应该是 is the expected one', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});
