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

describe('a value taken back in the same breath is read as the one that replaces it', () => {
  it.each([
    ['卡尾号1357，不对，是1358', '1358'],
    ['尾号2460，哦不，2461', '2461'],
    ['后四位是8802不对，应该是8820', '8820'],
    ['card ending 4417, no wait, 4471', '4471'],
    ['the last four are 9035, sorry, 9053', '9053'],
    ['my card ends in 6120. I mean 6102', '6102'],
  ])('%s → card tail %s', (text, last4) => {
    const r = p(text);
    expect(r.entities.last4).toBe(last4);
    expect(r.answers?.last4).toBe(last4);
    expect(r.intents.correction).toBe(true);
  });

  it.each([
    ['the amount was 45, sorry, 54 dollars', [[5400, 'USD']]],
    ['I was charged 45 dollars, no wait, 54', [[5400, 'USD']]],
    ['扣了66块，哦不对，是68块，昨天在家乐福', [[6800, 'CNY']]],
    ['$19.90, I mean $91.90', [[9190, 'USD']]],
    ['扣了66块，我说错了，应该是68块', [[6800, 'CNY']]],
  ])('%s → only the amount meant', (text, amounts) => {
    expect(p(text).entities.money.map((m) => [m.value.minor, m.value.currency])).toEqual(amounts);
  });

  it('keeps the rest of the story around the repair', () => {
    const r = p('扣了66块，哦不对，是68块，昨天在家乐福');
    expect(r.entities.when).toEqual({ ok: true, value: { date: '2026-11-21', time: null } });
    expect(r.entities.merchantName).toBe('家乐福');
  });

  it.each([
    ['刷了两次，不对，三次', 'count', 3],
    ['charged 2 times, no wait, 3 times', 'count', 3],
  ])('%s → %s %s', (text, _field, count) => {
    expect(p(text).entities.count).toBe(count);
  });

  it.each([
    ['周一，不对，周二', '2026-11-17', null],
    ['last Monday, no wait, Tuesday', '2026-11-17', null],
    ['昨天下午3点，不对，4点', '2026-11-21', '16:00'],
    ['11月3号，不对，4号', '2026-11-04', null],
  ])('%s → %s %s', (text, date, time) => {
    expect(p(text).entities.when).toEqual({ ok: true, value: { date, time } });
  });

  it('the repair is made in the copy the rules read; the stored text stays as typed', () => {
    expect(p('卡尾号1357，不对，是1358').text).toBe('卡尾号1357,不对,是1358');
  });
});

describe('what only looks like a value taken back', () => {
  it.each([
    // A question about the value, not a new one.
    ['1357 不对吗?', '1357'],
    ['尾号1357不对吗？应该没错吧', '1357'],
    // "X，不是Y" says X is right.
    ['尾号是1357，不是1358', '1357'],
    // The value after the marker is not alone: it belongs to something else.
    ['卡尾号1357，不对，金额是1358', '1357'],
    ['card ending 1357, no, 1358 is my other card', '1357'],
    // A card tail is only replaced by four digits.
    ['尾号1357，不对，45元', '1357'],
  ])('%s keeps %s', (text, last4) => {
    const r = p(text);
    expect(r.entities.last4 ?? r.answers?.last4).toBe(last4);
  });

  it.each(['1357 不对吗?', 'not 1357 but the other card', '金额是45，不是54', 'I paid 45, no receipt', 'it was 45, sorry about that'])(
    '%s is no correction',
    (text) => {
      expect(p(text).intents.correction).toBe(false);
    },
  );

  it('reads "charged X, that is wrong, it should be Y" as the price that was due, not as a slip', () => {
    const wrong = p('扣了200元不对，应该是20元');
    expect(wrong.intents.category).toBe('wrong_amount');
    expect(wrong.entities.money.map((m) => [m.value.minor, m.role])).toEqual([
      [20000, 'charged'],
      [2000, 'expected'],
    ]);
    const twice = p('刷了两次，不对，应该是一次');
    expect(twice.intents.category).toBe('duplicate_charge');
    expect(twice.entities.count).toBe(2);
  });

  it('keeps both amounts when a sentence goes on after the marker', () => {
    expect(p('I paid 45, sorry, 54 people were in the queue').entities.money.map((m) => m.value.minor)).toContain(4500);
  });

  it('does not swap values of different kinds (a count for an amount, a date for a count)', () => {
    expect(p('刷了45元，不对，2次').entities.money.map((m) => m.value.minor)).toEqual([4500]);
    expect(p('昨天刷了2次，不对，是今天').entities.count).toBe(2);
  });
});

describe('a duplicate charge partly given back', () => {
  it.each(['先是刷了两次，后来商家退了一笔', 'they swiped it twice, then refunded one of them'])(
    '%s → a duplicate of two charges, one refunded',
    (text) => {
      const r = p(text);
      expect(r.intents.category).toBe('duplicate_charge');
      expect(r.entities.count).toBe(2);
      expect(r.answers?.count).toBe(2);
      expect(r.entities.refundedCount).toBe(1);
    },
  );
});
