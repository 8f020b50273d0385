import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../src/nlu/chinese-numerals';

describe('parseChineseNumber', () => {
  it.each([
    ['三千四百五十', 3450],
    ['两百', 200],
    ['两千五', 2500],
    ['一万二', 12000],
    ['1.2万', 12000],
    ['2.5万', 25000],
    ['五万', 50000],
    ['十二', 12],
    ['一百零五', 105],
    ['三百', 300],
    ['六十六', 66],
    ['三百五', 350],
    ['十', 10],
    ['两', 2],
    ['〇', 0],
    ['零', 0],
    ['十万', 100000],
    ['一亿三千万', 130000000],
    ['一千二百万', 12000000],
    ['两千零五', 2005],
    ['一千零五十', 1050],
    ['一百一', 110],
    ['1万2', 12000],
    ['2万5千', 25000],
    ['1.15万', 11500],
  ])('when given %s, then it reads %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each([
    ['贰佰', 200],
    ['壹仟零捌拾', 1080],
    ['捌拾捌', 88],
    ['叁佰伍拾', 350],
    ['伍萬', 50000],
    ['玖拾玖', 99],
  ])('when given the financial form %s, then it reads %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each([
    ['一零二四', 1024],
    ['二〇二六', 2026],
    ['88', 88],
    ['3.5', 3.5],
  ])('when given the positional or Arabic %s, then it reads %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['', '几', '十几', '三四百', '十十', '一百二百', 'abc', '两次', '百分之五'])(
    'when given %j, which is not a single number, then it returns null',
    (text) => {
      expect(parseChineseNumber(text)).toBeNull();
    },
  );
});
