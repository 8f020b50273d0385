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
