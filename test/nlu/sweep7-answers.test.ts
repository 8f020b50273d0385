import { describe, expect, it } from 'vitest';
import { extractCount, parseLast4Answer } from '../../src/nlu/digits';
import { spellAmounts } from '../../src/nlu/en-numerals';
import { extractFacts } from '../../src/nlu/facts';
import { detectIntents } from '../../src/nlu/intents';
import { parse } from '../../src/nlu/parse';
import type { ParseOptions } from '../../src/types';

const CNY: ParseOptions = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const USD: ParseOptions = { ...CNY, defaultCurrency: 'USD' };

describe('category: a merchant asking which remedy to use still tells a wrong amount', () => {
  it.each([
    ['我是收银员，刚才把一笔35元的单输成了350元，现在是撤销还是退货还是冲正？', 'wrong_amount'],
    ['店员把28块打成了280，是做撤销还是退货还是冲正', 'wrong_amount'],
    ['收银员多按了个0，是撤销还是退款？', 'wrong_amount'],
    ['刚才输错成了3500，本来是350', 'wrong_amount'],
    ['我把45敲成了450', 'wrong_amount'],
    ['I keyed 350 instead of 35, should I void, refund or reverse it?', 'wrong_amount'],
  ])('%s → %s', (text, category) => {
    expect(detectIntents(text).category).toBe(category);
  });

  it.each([
    // A refund that did not arrive is still one, with or without a remedy named beside it.
    ['退货一周了钱还没退回来', 'refund_not_received'],
    ['商家说撤销了，可是钱还没到账', 'refund_not_received'],
    ['the refund never came', 'refund_not_received'],
  ])('negative: %s stays %s', (text, category) => {
    expect(detectIntents(text).category).toBe(category);
  });
});

describe('category: a failure, a retry and two charges is a duplicate (domain.md C4)', () => {
  it.each([
    ['Used Apple Pay at the till in Tesco, it said failed so I tapped again and now I see two £12.40 charges', 'duplicate_charge'],
    ['it said failed, I tried again, and the money was taken twice', 'duplicate_charge'],
    ['payment failed, I paid again and now there are two $30 charges on my statement', 'duplicate_charge'],
    ['交易失败，重新刷了一次，结果出现两笔扣款', 'duplicate_charge'],
    ['I see two identical $8.99 charges', 'duplicate_charge'],
  ])('%s → %s', (text, category) => {
    expect(detectIntents(text).category).toBe(category);
  });

  it.each([
    // One charge after a failure, retried or not, stays charged_but_failed.
    ['the terminal said declined but I was charged £12.40', 'charged_but_failed'],
    ['交易失败了，又刷了一次，卡里被扣了钱', 'charged_but_failed'],
  ])('negative: %s stays %s', (text, category) => {
    expect(detectIntents(text).category).toBe(category);
  });
});

describe('count: the digits of an amount are never a count', () => {
  it.each([
    ['now I see two £12.40 charges', 2],
    ['I see 3 $5 charges', 3],
    ['there are 2 charges of 12.40', 2],
    ['charged 3 times', 3],
  ])('%s → %s', (text, count) => {
    expect(extractCount(text)).toBe(count);
  });

  it.each(['a £12.40 charge on my card', '$10.50 charges are weird', 'paid 12.40 charges included'])('negative: %s has no count', (text) => {
    expect(extractCount(text)).toBeNull();
  });
});

describe('category: rang up the wrong amount, item or size', () => {
  it.each([
    ['The cashier rang me up for four hundred fifty dollars instead of forty-five', 'wrong_amount'],
    ['they rang up a large when I ordered a small', 'wrong_amount'],
    ['they charged me for the large instead of the small', 'wrong_amount'],
    ['I ordered a small latte but they rang up a large', 'wrong_amount'],
    ['我点的是小杯，结果按大杯收的钱', 'wrong_amount'],
    ['收了大杯的钱，我点的是小杯', 'wrong_amount'],
  ])('%s → %s', (text, category) => {
    expect(detectIntents(text).category).toBe(category);
  });

  it.each([
    ['they charged my debit card instead of my credit card', 'wrong_card'],
    ['I ordered a burger and they charged me twice', 'duplicate_charge'],
  ])('negative: %s stays %s', (text, category) => {
    expect(detectIntents(text).category).toBe(category);
  });

  it('a bare number after "instead of" an amount takes its currency', () => {
    expect(spellAmounts('rang me up for four hundred fifty dollars instead of forty-five')).toBe('rang me up for 450 dollars instead of 45');
    expect(spellAmounts('$12 instead of twelve fifty')).toBe('$12 instead of 12.50');
    const p = parse('The cashier rang me up for four hundred fifty dollars instead of forty-five', USD);
    expect(p.entities.money.map((m) => [m.value.minor, m.role])).toEqual([
      [45000, 'charged'],
      [4500, 'expected'],
    ]);
  });

  it.each(['charged $20 instead of one of the salads', '$20 instead of two times', 'they charged $5 instead of four dollars'])(
    'negative: %s keeps its words',
    (text) => {
      expect(spellAmounts(text)).toBe(text.replace('four dollars', '4 dollars'));
    },
  );
});

describe('answers: last four read out in words', () => {
  it.each([
    ['four four one two', '4412'],
    ['four-four-one-two', '4412'],
    ['Four, four, one, two.', '4412'],
    ['it ends in four four one two', '4412'],
    ['last four are four four one two', '4412'],
    ['double four one two', '4412'],
    ['oh two one nine', '0219'],
    ['4 4 1 2', '4412'],
    ['幺幺二三', '1123'],
  ])('%s → %s', (text, last4) => {
    expect(parseLast4Answer(text)).toBe(last4);
    expect(parse(text, USD).answers?.last4).toBe(last4);
  });

  it.each(['one two', 'one two three four five', 'two or three times', 'at two o clock'])('negative: %s is no last four', (text) => {
    expect(parse(text, USD).answers?.last4).toBeNull();
  });
});

describe('answers: a refund slip is a slip, and a denial means the shop was asked', () => {
  it.each([
    ['有退货单', true],
    ['退款单还留着', true],
    ['I have the refund slip', true],
    ['没有退货单', false],
  ])('receipt: %s → %s', (text, has) => {
    expect(extractFacts(text).hasReceipt).toBe(has);
  });

  it.each([
    ['找过了，他们不承认', true],
    ['商家不承认', true],
    ['老板否认多收了', true],
    ['还没联系商家', false],
    ['联系不上商家', false],
  ])('merchant contacted: %s → %s', (text, contacted) => {
    expect(extractFacts(text).merchantContacted).toBe(contacted);
  });
});
