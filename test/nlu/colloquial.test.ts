// Kinds of phrasing found missing when the bot was driven with freshly written conversations:
// casual Chinese, broken or misspelled English, labels, amounts and dates written the way
// people type them. Each example is written for the test, in the same spirit as the misses.
import { describe, expect, it } from 'vitest';
import { extractIssuer } from '../../src/nlu/card';
import { extractWhen } from '../../src/nlu/datetime';
import { parse } from '../../src/nlu/parse';
import { fixTypos } from '../../src/nlu/typos';
import type { MoneyRole } from '../../src/types';

const sunday = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const thursday = { ...sunday, now: new Date('2026-11-19T12:30:00+08:00') };
const p = (text: string) => parse(text, thursday);
const roles = (text: string): [number, string, MoneyRole][] =>
  p(text).entities.money.map((m) => [m.value.minor, m.value.currency, m.role]);

describe('categories in casual wording', () => {
  it.each([
    // a decimal amount inside "charged … twice" does not end the sentence
    ['my visa got hit with $12.99 twice at the car wash', 'duplicate_charge'],
    ['paid once but now i see two pending charges from the same shop', 'duplicate_charge'],
    ['手机上收到三条一样的扣费短信', 'duplicate_charge'],
    ['card payment didnt go thru but they still take money from my account', 'charged_but_failed'],
    ['钱包前天被偷了，今天发现卡里被刷了三笔', 'unrecognized_charge'],
    ['I misplaced my card last week and there are purchases on it I never made', 'unrecognized_charge'],
    ['Seeing a charge only now from a dinner on 2nd October', 'late_presentment'],
    // a store card named as the card used, with a price set against the charge, is a wrong amount
    ['paid with my gift card and they took $80 instead of $8', 'wrong_amount'],
  ])('when someone writes "%s", then the category is %s', (text, category) => {
    expect(p(text).intents.category).toBe(category);
  });

  it('when cash and a card charge are both named with the same amount, then it is still paid by other means', () => {
    expect(p('gave them $15 cash and they also charged my card $15').intents.category).toBe('paid_by_other_means');
  });
});

describe('misspelled English keywords', () => {
  it.each([
    ['i got chrged twcie for one pizza', 'duplicate_charge'],
    ['my refnud never arived', 'refund_not_received'],
    ['terminal said decliend but i was chargd', 'charged_but_failed'],
  ])('when someone writes "%s", then the category is still %s', (text, category) => {
    expect(p(text).intents.category).toBe(category);
  });

  it.each([
    ['custoemr', 'cardholder'],
    ['mercahnt', 'merchant'],
  ] as const)('when the role answer is misspelled as "%s", then it is %s', (text, role) => {
    expect(p(text).intents.role).toBe(role);
  });

  it('when ordinary words sit one letter from a keyword, then they are left alone', () => {
    expect(fixTypos('i changed the card ending in 12, filed a claim, spending limit, mount')).toBe(
      'i changed the card ending in 12, filed a claim, spending limit, mount',
    );
    expect(p('change the amount to 60').intents.correction).toBe(true);
    expect(fixTypos('is a refund doable if i recline the seat')).toBe('is a refund doable if i recline the seat');
    expect(p('is that doable today').intents.category).toBeNull();
  });
});

describe('who is writing, as a label', () => {
  it.each([
    ['商户：顾客说刷了两次', 'merchant'],
    ['持卡人，昨天被多扣了钱', 'cardholder'],
    ['Shop owner - a customer was double charged', 'merchant'],
  ] as const)('when a message opens with "%s", then the role is %s', (text, role) => {
    expect(p(text).intents.role).toBe(role);
  });

  it('when a customer addresses the shopkeeper as 老板, then no role is read from it', () => {
    expect(p('老板：我被多收钱了').intents.role).toBe('cardholder');
  });
});

describe('amounts as people write them', () => {
  it('when a price with cents stands next to an amount with a currency, then it is money in that currency', () => {
    expect(roles('they charged me thirty bucks but the burger was 3.00')).toEqual([
      [3000, 'USD', 'charged'],
      [300, 'USD', null],
    ]);
  });

  it('when "paid X for a Y item" is written, then X is charged and Y the price', () => {
    expect(roles('paid £60.00 for a £6.00 sandwich')).toEqual([
      [6000, 'GBP', 'charged'],
      [600, 'GBP', 'expected'],
    ]);
  });

  it('when cents follow a spelled-out amount, then they are kept', () => {
    expect(p('it was nine dollars seventy five').entities.money.map((m) => m.value)).toEqual([{ minor: 975, currency: 'USD' }]);
    expect(p('twenty dollars three times').entities.money.map((m) => m.value.minor)).toEqual([2000]);
  });

  it('when a duration says 十多天 or 二十来次, then it is not money', () => {
    expect(p('退款等了二十多天还没到').entities.money).toEqual([]);
    expect(p('试了十来次都不行').entities.money).toEqual([]);
  });

  it('when the balance is said to have dropped by an amount, then that amount was charged', () => {
    expect(roles('交易失败了，可是余额少了258')).toEqual([[25800, 'CNY', 'charged']]);
  });

  it('when a hold is followed by what was really used, then that is the expected amount', () => {
    expect(roles('押金预授权1000，实际用了350')).toEqual([
      [100000, 'CNY', null],
      [35000, 'CNY', 'expected'],
    ]);
  });

  it('when an amount is taken back with 不是…是, then only the new one is read', () => {
    expect(roles('不是450，而是540')).toEqual([[54000, 'CNY', null]]);
  });
});

describe('card details read off a card', () => {
  it.each([
    ['尾号 6 0 2 8', '6028'],
    ['ends in 3-3-0-1', '3301'],
  ])('when the tail "%s" is spelled out digit by digit, then it is read', (text, last4) => {
    expect(p(text).entities.last4).toBe(last4);
  });

  it('when the whole answer is four single digits, then they are the last 4', () => {
    expect(p('7 2 1 9').answers?.last4).toBe('7219');
    expect(p('7 2 1').answers?.last4).toBeNull();
  });

  it.each([
    ['农业', 'Agricultural Bank of China'],
    ['交通的', 'Bank of Communications'],
    ['兴业银行的卡', 'Industrial Bank'],
  ])('when the bank is answered with its short name "%s", then it is %s', (text, bank) => {
    expect(extractIssuer(text)?.en).toBe(bank);
  });

  it('when a word only shares characters with a bank short name, then it is no bank', () => {
    expect(extractIssuer('建设中的商场')).toBeNull();
    expect(extractIssuer('北京')).toBeNull();
  });
});

describe('facts in casual wording', () => {
  it('when the card was fraudulently used but is still at hand, then the card is in possession', () => {
    expect(p('信用卡被盗刷了，卡一直在我身上').entities.cardInPossession).toBe(true);
  });

  it('when the card itself was stolen, then it is not in possession', () => {
    expect(p('我的卡被偷了').entities.cardInPossession).toBe(false);
  });

  it.each(['没打出来', '小票没给'])('when the receipt question gets "%s", then there is no receipt', (text) => {
    expect(p(text).entities.hasReceipt).toBe(false);
  });
});

describe('dates counted from a Monday-first week', () => {
  it.each([
    ['这周二', '2026-11-17'],
    ['本周一晚上8点', '2026-11-16'],
    ['上周四', '2026-11-12'],
    ['上个礼拜天', '2026-11-15'],
  ])('when it is Sunday and someone says "%s", then the date is %s', (text, date) => {
    const w = extractWhen(text, sunday);
    expect(w?.ok && w.value.date).toBe(date);
  });

  it('when a day of this week is still ahead, then it is refused as future', () => {
    expect(extractWhen('这周五', thursday)).toEqual({ ok: false, reason: 'future' });
  });

  it('when a month and day are written with a dot and a day word, then they are a date', () => {
    const w = extractWhen('10.9号下午', thursday);
    expect(w?.ok && w.value.date).toBe('2026-10-09');
  });
});
