// A problem named and then taken back ("我以为是重复扣款，其实…") must not decide the category or
// imply a second charge; corrections of other fields ("不是周二，是周三") read as before.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';

const opts = { defaultCurrency: 'CNY', timeZone: 'Asia/Shanghai', now: new Date('2026-11-22T06:00:00Z') };

describe('retracted problem descriptions', () => {
  it.each([
    ['我以为是重复扣款，其实是金额不对，应该付50元结果扣了500元', 'wrong_amount'],
    ['不是重复扣款，是显示失败了但钱被扣了，扣了66元', 'charged_but_failed'],
    ["I thought it was a double charge but actually it's the wrong amount, $95 instead of $59", 'wrong_amount'],
    ["it's not a duplicate charge, the terminal said declined and I still got charged $30", 'charged_but_failed'],
  ])('%s → %s, no implied second charge', (text, category) => {
    const p = parse(text, opts);
    expect(p.intents.category).toBe(category);
    expect(p.entities.count).toBeNull();
  });

  it('keeps a plain duplicate story', () => {
    expect(parse('刷卡被扣了两次，每次520元', opts).intents.category).toBe('duplicate_charge');
  });

  it('leaves corrections of other fields alone', () => {
    expect(parse('不是周二，是周三', opts).intents.correction).toBe(true);
    expect(parse('不是家乐福，是沃尔玛', opts).intents.correction).toBe(true);
  });
});

describe('a duplicate taken back while another question is asked', () => {
  it.each([
    ["actually it wasn't twice, I was charged $70 instead of $7 once", 'wrong_amount'],
    ["I wasn't charged twice, they charged me $70 for a $7 sandwich", 'wrong_amount'],
    ["they didn't charge me twice, they charged $70 instead of $7", 'wrong_amount'],
    ['not twice actually, the amount is wrong: $70 instead of $7', 'wrong_amount'],
    ['其实不是扣了两次，是金额不对，70块刷成了700', 'wrong_amount'],
    ['不是两次，是刷错金额了，7块扣了70', 'wrong_amount'],
    ["actually it's not a duplicate, it was declined but I was still charged", 'charged_but_failed'],
  ])('%s → %s, a correction with no count', (text, category) => {
    const p = parse(text, opts);
    expect(p.intents.category).toBe(category);
    expect(p.intents.correction).toBe(true);
    expect(p.entities.count).toBeNull();
    expect(p.answers?.count).toBeNull();
  });

  it('reads the amounts of the new story', () => {
    const p = parse("actually it wasn't twice, I was charged $70 instead of $7 once", opts);
    expect(p.entities.money.map((m) => [m.value.minor, m.value.currency, m.role])).toEqual([
      [7000, 'USD', 'charged'],
      [700, 'USD', 'expected'],
    ]);
  });

  it.each([
    ['不是两次，是三次', 3],
    ["it wasn't twice, it was three times", 3],
    ['并没有扣两次，只扣了一次，但是7块扣了70', 1],
  ])('%s → the count stated after it (%s)', (text, count) => {
    const p = parse(text, opts);
    expect(p.entities.count).toBe(count);
    expect(p.answers?.count).toBe(count);
  });
});

describe('negations that take nothing back', () => {
  it.each([
    ['我没刷两次吗?', 'duplicate_charge', 2],
    ['I was charged twice, not once', 'duplicate_charge', 2],
    ['not sure, maybe twice', null, 2],
  ])('%s keeps its story (%s, count %s)', (text, category, count) => {
    const p = parse(text, opts);
    expect(p.intents.category).toBe(category);
    expect(p.intents.correction).toBe(false);
    expect(p.entities.count).toBe(count);
  });

  it.each([
    ["it wasn't me.", 'unrecognized_charge'],
    ["it's not mine.", 'unrecognized_charge'],
    ["I wasn't refunded, it's been 2 weeks", 'refund_not_received'],
    ['没有收到退款，退货两周了', 'refund_not_received'],
  ])('%s: the negation is the story → %s', (text, category) => {
    const p = parse(text, opts);
    expect(p.intents.category).toBe(category);
    expect(p.intents.correction).toBe(false);
  });
});
