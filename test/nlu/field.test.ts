// Which field a correction names: field words first (earliest wins), then the kind of value.
import { describe, expect, it } from 'vitest';
import { detectFieldMention } from '../../src/nlu/field';
import { normalize } from '../../src/nlu/normalize';

const fieldOf = (text: string) => detectFieldMention(normalize(text));

describe('detectFieldMention', () => {
  it.each([
    ['不对，金额是200', 'amountCharged'],
    ['扣了300不是200', 'amountCharged'],
    ['the amount was $45', 'amountCharged'],
    ['应付是65', 'amountExpected'],
    ['应该是多少来着，88', 'amountExpected'],
    ['it should have been 45', 'amountExpected'],
    ['the correct amount is 88', 'amountExpected'],
    ['卡号尾号是9876', 'cardLast4'],
    ['后四位不对', 'cardLast4'],
    ['actually the card ends in 9876', 'cardLast4'],
    ['last 4 is 1234', 'cardLast4'],
    ['日期错了', 'when'],
    ['the date is wrong, it was Monday', 'when'],
    ['商户名字不对，是全家', 'merchantName'],
    ['the store was Target', 'merchantName'],
    ['次数不对', 'chargeCount'],
    ['how many times? three', 'chargeCount'],
    ['银行填错了', 'issuer'],
    ['wrong bank', 'issuer'],
    ['卡类型选错了', 'cardType'],
    ['it was a debit card', 'cardType'],
  ] as const)('when the user writes "%s", then the field is %s', (text, slot) => {
    expect(fieldOf(text)).toBe(slot);
  });

  it.each([
    ['应该是昨天不是今天', 'when'],
    ['sorry I meant Tuesday', 'when'],
    ['刚才说错了，是两次', 'chargeCount'],
    ['oops, I meant 3 times', 'chargeCount'],
    ['不是工行，是建行', 'issuer'],
    ["not Chase, it's Citi", 'issuer'],
    ['改成350元', 'amountCharged'],
  ] as const)('when no field word is used but the value "%s" names one, then it is %s', (text, slot) => {
    expect(fieldOf(text)).toBe(slot);
  });

  it.each(['好的', 'yes', '不对', 'hello', '4412'])('when "%s" names no field, then it is null', (text) => {
    expect(fieldOf(text)).toBeNull();
  });
});
