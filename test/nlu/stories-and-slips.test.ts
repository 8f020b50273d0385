// Stories told the way people tell them, and slips owned up to, found missing by a third round of
// scripted conversations. Each example is written for the test in the spirit of the misses.
import { describe, expect, it } from 'vitest';
import { readSpokenAmount } from '../../src/nlu/en-numerals';
import { extractContrast } from '../../src/nlu/field';
import { extractMerchantName } from '../../src/nlu/merchant';
import { parse } from '../../src/nlu/parse';

const sunday = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const p = (text: string) => parse(text, sunday);

describe('a merchant who wants to void before settlement is not waiting for a refund', () => {
  it.each([
    ['商家这边，刚才收款多按了一位，今天的批次还没结算，能撤销吗', 'wrong_amount'],
    ['please help me void a sale that got rung up wrong, the batch is not settled yet', 'wrong_amount'],
    ['we voided it before the batch closed and the customer still sees it', 'refund_not_received'],
    ['顾客退货三天了钱还没到', 'refund_not_received'],
  ])('%s → %s', (text, category) => {
    expect(p(text).intents.category).toBe(category);
  });
});

describe('another person’s card, and a late charge named by its month', () => {
  it.each([
    ['the server swiped the previous customer’s card for my tab', 'wrong_card'],
    ['they used the card of the woman ahead of me instead of mine', 'wrong_card'],
    ['the clerk charged my Amex even though I handed her my debit card', 'wrong_card'],
    ['收银员拿了前面那位客人的卡刷的', 'wrong_card'],
    ['a purchase from mid-July only showed up on my statement this week', 'late_presentment'],
    ['a charge from last month just posted today', 'late_presentment'],
  ])('%s → %s', (text, category) => {
    expect(p(text).intents.category).toBe(category);
  });

  it('a charge with a day of the month keeps its own reading', () => {
    expect(p('I charged the customer’s card $120 instead of $12').intents.category).toBe('wrong_amount');
  });
});

describe('a price said in words as the whole answer', () => {
  it.each([
    ['twelve fifty', '12.50'],
    ['about nine ninety-nine', '9.99'],
    ['it was forty-five.', '45'],
    ['a hundred and twenty', '120'],
  ])('%s → %s', (text, digits) => {
    expect(readSpokenAmount(text)).toBe(digits);
  });

  it.each(['no', 'I dont know', 'the gas station', 'zero'])('%s is no amount', (text) => {
    expect(readSpokenAmount(text)).toBeNull();
  });

  it('reads as the money answer in the default currency, and with a currency word in that one', () => {
    expect(p('seven forty').answers?.money).toEqual({ minor: 740, currency: 'CNY' });
    expect(p('eight fifteen dollars').answers?.money).toEqual({ minor: 815, currency: 'USD' });
  });
});

describe('a slip owned up to names the value meant', () => {
  it.each([
    ['I said Monday but it was actually Friday', 'Friday', 'Monday'],
    ['我刚才说的是建行，其实是农行', '农行', '建行'],
  ])('%s', (text, said, replaced) => {
    expect(extractContrast(text)).toEqual({ said, replaced });
  });

  it('takes the date after the slip, not the first one in the message', () => {
    expect(p('I said Monday but it was Friday').entities.when).toEqual({ ok: true, value: { date: '2026-11-20', time: null } });
    expect(p('不是周一，是周五').entities.when).toEqual({ ok: true, value: { date: '2026-11-20', time: null } });
  });

  it('puts the amount meant first', () => {
    expect(p('I said $30 but it was $33').entities.money.map((m) => m.value.minor)).toEqual([3300, 3000]);
  });
});

describe('a city is where the card was used, not the merchant', () => {
  it.each([
    ['在Osaka刷卡被扣了两次', null],
    ['在曼谷的一家店多收了我钱', null],
    ['在东京银座刷卡多扣了', null],
    ['在东京的松本清刷了两次', '松本清'],
  ])('%s → %s', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });
});
