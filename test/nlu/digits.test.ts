import { describe, expect, it } from 'vitest';
import {
  extractCount,
  extractLast4,
  extractReferenceNumber,
  extractRefundedCount,
  parseCountAnswer,
  parseLast4Answer,
} from '../../src/nlu/digits';

describe('extractLast4', () => {
  it.each([
    ['尾号1024', '1024'],
    ['用的是尾号为3321的卡', '3321'],
    ['后四位2048', '2048'],
    ['后4位是0937', '0937'],
    ['末四位 3344', '3344'],
    ['卡号最后四位是5566', '5566'],
    ['卡号后四位:7788', '7788'],
    ['尾号一零二四', '1024'],
    ['card ending 8192', '8192'],
    ['ends in 4412', '4412'],
    ['ended 7710', '7710'],
    ["the customer's card ended 7710", '7710'],
    ['last four 1234', '1234'],
    ['last 4 digits are 5678', '5678'],
    ['last 4 of my card: 9012', '9012'],
    ['卡号 ****0128', '0128'],
    ['xxxx-xxxx-xxxx-4321', '4321'],
  ])('when the text is %j, then the last 4 is %s', (text, last4) => {
    expect(extractLast4(text)).toBe(last4);
  });

  it.each(['扣了1024元', '2026年', 'charged 4412 dollars', '8点', '5521', 'ending 12', '尾号是多少？'])(
    'when the text is %j, then there is no last 4',
    (text) => {
      expect(extractLast4(text)).toBeNull();
    },
  );
});

describe('parseLast4Answer', () => {
  it.each([
    ['5521', '5521'],
    ['0937', '0937'],
    ['是0937', '0937'],
    ['0937吧', '0937'],
    ["it's 5521", '5521'],
    ['五五二一', '5521'],
    ['尾号1024', '1024'],
  ])('when the answer is %j, then it is %s', (text, last4) => {
    expect(parseLast4Answer(text)).toBe(last4);
  });

  it.each(['8点', '$5521', '5521元', '2026-11-20', '1234 5678', '12:30', '123', '12345', '不知道'])(
    'when the answer is %j, then it is not a last 4',
    (text) => {
      expect(parseLast4Answer(text)).toBeNull();
    },
  );
});

describe('extractCount', () => {
  it.each([
    ['三笔', 3],
    ['两笔', 2],
    ['3次', 3],
    ['两次', 2],
    ['两遍', 2],
    ['刷了两次', 2],
    ['扣了两回', 2],
    ['刷了两下', 2],
    ['two 88 charges: 两笔88元', 2],
    ['three times', 3],
    ['twice', 2],
    ['double charged', 2],
    ['I got double-charged', 2],
    ['charged twice', 2],
    ['3 charges', 3],
    ['two transactions', 2],
    ['x2', 2],
    ['charged 3x', 3],
    ['多扣了一次', 2],
    ['同一笔扣了两次', 2],
    ['重复扣款', 2],
    ['duplicate charge', 2],
    ['triple charged', 3],
  ])('when the text is %j, then the count is %d', (text, count) => {
    expect(extractCount(text)).toBe(count);
  });

  it('when swipes and charges differ, then the number of charges wins', () => {
    expect(extractCount('我刷了三次，只扣了两次')).toBe(2);
    expect(extractCount('I tried 3 times and it charged me twice')).toBe(2);
  });

  it.each(['3天前', '3 days ago', '第二次', '每次12块8', '一次性付清', '88元', '10点', 'it was $45'])(
    'when the text is %j, then there is no count',
    (text) => {
      expect(extractCount(text)).toBeNull();
    },
  );
});

describe('a partial refund after a duplicate', () => {
  it.each([
    ['先是刷了两次，后来商家退了一笔', 2, 1],
    ['扣了两笔，其中一笔已经退回来了', 2, 1],
    ['刷了三次，退了两笔', 3, 2],
    ['扣了两次，多扣的那笔商家已经撤销了', 2, 1],
    ['they swiped it twice, then refunded one of them', 2, 1],
    ['charged twice, one of them was refunded', 2, 1],
    ['I was charged 2 times, 1 was reversed', 2, 1],
    ['I was double charged and they reversed the duplicate', 2, 1],
    ['charged twice, both were refunded but then charged again', 2, 2],
  ])('%s → %s charges, %s refunded', (text, charges, refunded) => {
    expect(extractCount(text)).toBe(charges);
    expect(extractRefundedCount(text)).toBe(refunded);
  });

  it.each([
    // A request, a denial, or an amount: nothing came back as a count of charges.
    '刷了两次，请帮我退一笔',
    '刷了两次，商家还没退一笔',
    'charged twice, I want them to refund one',
    "they haven't refunded one yet, I was charged twice",
    'charged twice, they refunded $2 dollars',
    'charged twice and they refunded 2 dollars',
    '扣了两次',
  ])('%s → no refunded count, the charges are still counted', (text) => {
    expect(extractRefundedCount(text)).toBeNull();
    expect(extractCount(text)).toBe(2);
  });
});

describe('parseCountAnswer', () => {
  it.each([
    ['2', 2],
    ['两', 2],
    ['三', 3],
    ['two', 2],
    ['就一次', 1],
    ['3吧', 3],
    ['3 times', 3],
  ])('when the answer is %j, then the count is %d', (text, count) => {
    expect(parseCountAnswer(text)).toBe(count);
  });

  it.each(['', '不知道', '88元', '很多', '100'])('when the answer is %j, then there is no count', (text) => {
    expect(parseCountAnswer(text)).toBeNull();
  });
});

describe('extractReferenceNumber', () => {
  it.each([
    ['参考号 123456789012', '123456789012'],
    ['检索参考号：012345678901', '012345678901'],
    ['RRN:123456789012', '123456789012'],
    ['reference number is 987654321098', '987654321098'],
    ['ref # 555566667777', '555566667777'],
    ['凭证号000123', '000123'],
    ['流水号 456789', '456789'],
    ['voucher 004512', '004512'],
    ['trace no. 123456', '123456'],
    ['小票上有个号 123456789012', '123456789012'],
  ])('when the text is %j, then the reference is %s', (text, ref) => {
    expect(extractReferenceNumber(text)).toBe(ref);
  });

  it.each([
    ['a mobile number', '电话 13812345678'],
    ['an authorisation code', '授权码 123456'],
    ['a bare 6-digit number', '123456'],
    ['a date', '2026-11-20'],
    ['a redacted card', '****0128'],
    ['a 13-digit run', '1234567890123'],
    ['a merchant id', '商户号 123456789012345'],
  ])('when the text holds %s, then there is no reference', (_what, text) => {
    expect(extractReferenceNumber(text)).toBeNull();
  });
});
