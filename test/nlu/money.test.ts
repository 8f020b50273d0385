import { describe, expect, it } from 'vitest';
import type { MoneyRole } from '../../src/types';
import { extractMoney, findMoneySpans, parseMoneyAnswer } from '../../src/nlu/money';
import { parse } from '../../src/nlu/parse';

type Row = [string, number, string];
const simple = (text: string): [number, string][] =>
  extractMoney(text, 'CNY').map((m) => [m.value.minor, m.value.currency]);
const withRoles = (text: string, dc = 'CNY'): [number, string, MoneyRole][] =>
  extractMoney(text, dc).map((m) => [m.value.minor, m.value.currency, m.role]);

describe('extractMoney — forms', () => {
  it.each<Row>([
    ['¥66', 6600, 'CNY'],
    ['66元', 6600, 'CNY'],
    ['66块', 6600, 'CNY'],
    ['66块钱', 6600, 'CNY'],
    ['12块8', 1280, 'CNY'],
    ['35块5', 3550, 'CNY'],
    ['3元5角', 350, 'CNY'],
    ['两块五毛', 250, 'CNY'],
    ['5毛钱', 50, 'CNY'],
    ['六十六元', 6600, 'CNY'],
    ['贰佰元', 20000, 'CNY'],
    ['三千四百五十块', 345000, 'CNY'],
    ['五万', 5000000, 'CNY'],
    ['2.5万', 2500000, 'CNY'],
    ['1.2万元', 1200000, 'CNY'],
    ['一百多块', 10000, 'CNY'],
    ['12.8元', 1280, 'CNY'],
    ['9.90 RMB', 990, 'CNY'],
    ['RMB 9.90', 990, 'CNY'],
    ['100人民币', 10000, 'CNY'],
    ['人民币100元', 10000, 'CNY'],
    ['1,234.56', 123456, 'CNY'],
    ['$19.99', 1999, 'USD'],
    ['US$5', 500, 'USD'],
    ['USD 42.10', 4210, 'USD'],
    ['42.10 USD', 4210, 'USD'],
    ['450 dollars', 45000, 'USD'],
    ['88 bucks', 8800, 'USD'],
    ['20美元', 2000, 'USD'],
    ['50美金', 5000, 'USD'],
    ['75 euros', 7500, 'EUR'],
    ['€75', 7500, 'EUR'],
    ['EUR 75', 7500, 'EUR'],
    ['30欧元', 3000, 'EUR'],
    ['500 HKD', 50000, 'HKD'],
    ['HK$500', 50000, 'HKD'],
    ['500港币', 50000, 'HKD'],
    ['500港元', 50000, 'HKD'],
    ['£20', 2000, 'GBP'],
    ['20 pounds', 2000, 'GBP'],
    ['10英镑', 1000, 'GBP'],
    ['1000 JPY', 1000, 'JPY'],
    ['1000日元', 1000, 'JPY'],
    ['500円', 500, 'JPY'],
  ])('when the text is %j, then the amount is %d %s', (text, minor, currency) => {
    expect(simple(text)).toEqual([[minor, currency]]);
  });

  it('when ¥ is used, then it is CNY and never JPY', () => {
    expect(simple('¥1000')).toEqual([[100000, 'CNY']]);
  });

  it('when the amount was typed full-width and then normalised, then ¥ reads as CNY', () => {
    expect(simple('￥66'.normalize('NFKC'))).toEqual([[6600, 'CNY']]);
  });

  it('when no currency is written, then the default currency is used', () => {
    expect(extractMoney('charged 450', 'HKD')).toEqual([{ value: { minor: 45000, currency: 'HKD' }, role: 'charged' }]);
  });

  it('when decimals would round badly in binary, then minor units are still exact', () => {
    expect(simple('12.8元')).toEqual([[1280, 'CNY']]);
    expect(simple('$1.005')).toEqual([[101, 'USD']]);
    expect(simple('$0.29')).toEqual([[29, 'USD']]);
  });

  it.each<Row>([
    ['charged 450', 45000, 'CNY'],
    ['扣了260', 26000, 'CNY'],
    ['刷了88', 8800, 'CNY'],
    ['多扣了我300', 30000, 'CNY'],
    ['扣了三百', 30000, 'CNY'],
    ['多扣了我三百', 30000, 'CNY'],
    ['每笔88', 8800, 'CNY'],
    ['they took about 45', 4500, 'CNY'],
  ])('when a bare number follows a money verb (%j), then it is money', (text, minor, currency) => {
    expect(simple(text)).toEqual([[minor, currency]]);
  });
});

describe('extractMoney — roles', () => {
  it('when the cashier keyed one amount instead of another, then the first is charged and the second expected', () => {
    expect(withRoles('The cashier keyed $450 instead of $45')).toEqual([
      [45000, 'USD', 'charged'],
      [4500, 'USD', 'expected'],
    ]);
  });

  it('when A刷成B, then A is expected and B charged, in order of appearance', () => {
    expect(withRoles('一千刷成一万了')).toEqual([
      [100000, 'CNY', 'expected'],
      [1000000, 'CNY', 'charged'],
    ]);
  });

  it.each(['88打成880', '88输成了880', '88按成880', '88块刷成880'])(
    'when %j, then the first is expected and the second charged',
    (text) => {
      expect(withRoles(text)).toEqual([
        [8800, 'CNY', 'expected'],
        [88000, 'CNY', 'charged'],
      ]);
    },
  );

  it('when "rang up X instead of Y", then X is charged and Y expected', () => {
    expect(withRoles('rang up 8.80 instead of 88.00')).toEqual([
      [880, 'CNY', 'charged'],
      [8800, 'CNY', 'expected'],
    ]);
  });

  it('when "扣了我两遍，每次12块8", then one charged amount of 12.80', () => {
    expect(withRoles('扣了我两遍，每次12块8')).toEqual([[1280, 'CNY', 'charged']]);
  });

  it('when "扣了两笔 500 HKD", then one charged amount of 500 HKD', () => {
    expect(withRoles('扣了两笔 500 HKD')).toEqual([[50000, 'HKD', 'charged']]);
  });

  it.each<[string, MoneyRole]>([
    ['扣了88元', 'charged'],
    ['刷了88块', 'charged'],
    ['每次88元', 'charged'],
    ['they charged me $45', 'charged'],
    ['$45 was taken from my account', 'charged'],
    ['took $45', 'charged'],
    ['应该是88元', 'expected'],
    ['本来是88', 'expected'],
    ['应付88元', 'expected'],
    ['it should have been $45', 'expected'],
    ['it should be 45', 'expected'],
    ['supposed to be $45', 'expected'],
    ['多扣了50元', 'difference'],
    ['多收了我20块', 'difference'],
    ['少收了30', 'difference'],
    ['overcharged by $50', 'difference'],
    ['I was charged $50 extra', 'difference'],
    ['charged me $50 too much', 'difference'],
    ['¥66', null],
    ['我付了88元', null],
  ])('when %j, then the role is %s', (text, role) => {
    const found = extractMoney(text, 'CNY');
    expect(found).toHaveLength(1);
    expect(found[0]?.role).toBe(role);
  });

  it('when "应该是88，不是880", then 88 is expected and 880 charged', () => {
    expect(withRoles('应该是88，不是880')).toEqual([
      [8800, 'CNY', 'expected'],
      [88000, 'CNY', 'charged'],
    ]);
  });

  it('when a count sits between the verb and the amount, then the amount is still charged', () => {
    expect(withRoles('扣了两次66元，昨天在家乐福')).toEqual([[6600, 'CNY', 'charged']]);
    expect(withRoles('扣了两次88')).toEqual([[8800, 'CNY', 'charged']]);
  });
});

describe('extractMoney — context', () => {
  it('when one currency is written, then bare amounts in the same message take it', () => {
    expect(withRoles('paid 15 euros and they took 150')).toEqual([
      [1500, 'EUR', null],
      [15000, 'EUR', 'charged'],
    ]);
  });

  it('when two currencies are written, then a bare amount keeps the default', () => {
    expect(simple('$5 or €5, they took 50')).toEqual([
      [500, 'USD'],
      [500, 'EUR'],
      [5000, 'CNY'],
    ]);
  });

  it('when a bare amount inherits JPY, then its minor units follow JPY', () => {
    expect(simple('3000日元的东西，扣了30000')).toEqual([
      [3000, 'JPY'],
      [30000, 'JPY'],
    ]);
  });

  it.each<[string, [number, string, MoneyRole][]]>([
    ['扣了三次一共150', [[15000, 'CNY', 'charged']]],
    ['应该收880结果只收了88', [[88000, 'CNY', 'expected'], [8800, 'CNY', 'charged']]],
    ['应收88元，实收880元', [[8800, 'CNY', 'expected'], [88000, 'CNY', 'charged']]],
    ['扣了我2次款 一次89 一次98', [[8900, 'CNY', 'charged'], [9800, 'CNY', 'charged']]],
    ['got a 89.99 charge i dont recognize', [[8999, 'CNY', 'charged']]],
    ['I got an sms saying 350rmb deducted', [[35000, 'CNY', 'charged']]],
    ['I undercharged a customer by 200 HKD', [[20000, 'HKD', 'difference']]],
    ['sorry i meant 450 not 45', [[45000, 'CNY', null], [4500, 'CNY', null]]],
  ])('when %j, then %j', (text, expected) => {
    expect(withRoles(text)).toEqual(expected);
  });

  it('when "1 charge" is a count, then it is not money', () => {
    expect(simple('there is 1 charge i do not recognise')).toEqual([]);
  });
});

describe('extractMoney — not money', () => {
  it.each([
    ['a date', '10月1号'],
    ['an hour', '8点'],
    ['a clock time', '7:30pm'],
    ['an ISO date', '2026-11-20'],
    ['a card tail', '尾号1024'],
    ['a card tail in English', 'ends in 4412'],
    ['a redacted card', '****0128'],
    ['a count', '两次'],
    ['a count in English', '3 times'],
    ['a count of charges', '两笔'],
    ['a reference number', '参考号123456789012'],
    ['a phone number', '95588'],
    ['a percentage', '5%'],
    ['a bare number', '260'],
    ['an ordinal', '第二笔'],
    ['days ago', '3天前'],
    ['a time after a money verb', 'charged at 8'],
    ['cakes', '两块蛋糕'],
    ['together', '一块去吃饭'],
    ['a place name with 万', '在万达影城'],
    ['千万 meaning "by all means"', '千万别再刷了'],
    ['a product model', 'iPhone15'],
  ])('when the text is %s (%j), then no money is found', (_what, text) => {
    expect(extractMoney(text, 'CNY')).toEqual([]);
  });

  it('when "两笔88元", then only 88 is money', () => {
    expect(simple('两笔88元')).toEqual([[8800, 'CNY']]);
  });

  it('when a message mixes a time, a count and an amount, then only the amount is money', () => {
    expect(simple('昨天晚上8点刷了3次，每次45块')).toEqual([[4500, 'CNY']]);
  });
});

describe('parseMoneyAnswer', () => {
  it.each<[string, number]>([
    ['260', 26000],
    ['8.80', 880],
    ['三百', 30000],
    ['每笔88', 8800],
    ['大概300吧', 30000],
    ['88元', 8800],
    ['一共1,234.56', 123456],
  ])('when the answer is %j, then it reads %d CNY', (text, minor) => {
    expect(parseMoneyAnswer(text, 'CNY')).toEqual({ minor, currency: 'CNY' });
  });

  it('when the answer has a currency, then it is kept', () => {
    expect(parseMoneyAnswer('$45', 'CNY')).toEqual({ minor: 4500, currency: 'USD' });
  });

  it.each(['', '不知道', '两笔', '尾号1024', '8点', '88还是880', '45 or 450'])(
    'when the answer is %j, then there is no single amount',
    (text) => {
      expect(parseMoneyAnswer(text, 'CNY')).toBeNull();
    },
  );
});

describe('findMoneySpans', () => {
  it('when amounts appear, then their spans cover number and currency', () => {
    const text = '昨天扣了¥88和66元';
    expect(findMoneySpans(text, 'CNY').map((s) => text.slice(s.start, s.end))).toEqual(['¥88', '66元']);
  });
});

describe('extractMoney — a day of the month is not a price', () => {
  it.each<[string, [number, string][]]>([
    ['bought a coat on Oct 7 for $120 and returned it', [[12000, 'USD']]],
    ['Sept. 21 at the bakery, 35 dollars', [[3500, 'USD']]],
    ['December 2nd they took 500', [[50000, 'CNY']]],
  ])('when "%s" is read, then only the amount is money', (text, expected) => {
    expect(simple(text)).toEqual(expected);
  });

  it('when a bare number follows a month name in a "X for Y" story, then the date is kept too', () => {
    const now = new Date('2026-11-20T04:00:00Z');
    const p = parse('I returned shoes at Nordstrom on Nov 4 for $64.50 and got nothing back', { now, timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' });
    expect(p.entities.money.map((m) => m.value.minor)).toEqual([6450]);
    // The day of the return is kept as such, not as the day of the sale.
    expect(p.entities.refundWhen).toEqual({ date: '2026-11-04', time: null });
  });
});
