// Sweep 6b: a stated difference ("多了50", "$5 too much") is neither the price nor the charge,
// and people who answer "cardholder or merchant?" with the kind of customer (or staff) they are.
// Sentences are our own, written for the families of phrasings the sweep's conversations stood for.
import { describe, expect, it } from 'vitest';
import { absorb } from '../../dialogs/misswipe/absorb';
import { initialContext, type DialogContext } from '../../dialogs/misswipe/context';
import { extractMoney } from '../../src/nlu/money';
import { parse } from '../../src/nlu/parse';
import type { Money, MoneyRole } from '../../src/types';

const opts = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const roleOf = (text: string): string | null => parse(text, opts).intents.role;
const cny = (yuan: number): Money => ({ minor: yuan * 100, currency: 'CNY' });
const usd = (dollars: number): Money => ({ minor: dollars * 100, currency: 'USD' });

/** The amount the message gives for one role, or undefined. */
function amountAs(text: string, role: MoneyRole, currency = 'CNY'): Money | undefined {
  return extractMoney(text, currency).find((m) => m.role === role)?.value;
}

describe('a difference is stated as a difference', () => {
  it.each([
    ['签单的时候是300，账单上变成了340，多了40块', cny(40)],
    ['结账时贵了30块', cny(30)],
    ['比小票高了25元', cny(25)],
    ['多花了60块', cny(60)],
    ['they charged me $5 more than the slip', usd(5)],
    ['it came out $7 more.', usd(7)],
    ['$6 too much', usd(6)],
    ['they overcharged me by $9', usd(9)],
    ['an extra $12 showed up', usd(12)],
  ])('"%s" has the difference %j', (text, diff) => {
    expect(amountAs(text, 'difference', text.includes('$') ? 'USD' : 'CNY')).toEqual(diff);
  });

  it.each([
    // The gap is never taken as the price or as what was charged.
    '签单的时候是300，账单上变成了340，多了40块',
    '吃饭签字时是260，后来扣了300，贵了40',
  ])('"%s" gives 40 as no price and no charge', (text) => {
    const mentions = extractMoney(text, 'CNY');
    const priced = mentions.filter((m) => m.role !== 'difference').map((m) => m.value.minor);
    expect(priced).not.toContain(4000);
  });
});

describe('the amount signed for is what should have been charged', () => {
  it.each([
    ['签单的时候是300，后来扣了340', cny(300), cny(340)],
    ['我签的是188，结果扣了228', cny(188), cny(228)],
    ['the slip I signed said $48 but they charged $55', usd(48), usd(55)],
    ['I signed for $60 and got charged $72', usd(60), usd(72)],
  ])('"%s": expected %j, charged %j', (text, expected, charged) => {
    const currency = text.includes('$') ? 'USD' : 'CNY';
    expect(amountAs(text, 'expected', currency)).toEqual(expected);
    expect(amountAs(text, 'charged', currency)).toEqual(charged);
  });
});

describe('one amount and the difference give the other', () => {
  it.each([
    ['扣了340，多扣了40', 'expected', cny(300)],
    ['应该是300，多收了40', 'charged', cny(340)],
    ['应收300，少收了40', 'charged', cny(260)],
    ['overcharged by $5, I was charged $53', 'expected', usd(48)],
    ['they charged me $53, $5 more than the slip', 'expected', usd(48)],
  ] as const)('"%s": the %s amount is %j', (text, role, value) => {
    expect(amountAs(text, role, text.includes('$') ? 'USD' : 'CNY')).toEqual(value);
  });

  it.each([
    // 差了 says no direction; with no second amount nothing is made up.
    '差了20块，扣了100',
    '贵了30块',
    // A plain amount next to the gap is left for the dialog to place.
    '付了340，多扣了40',
  ])('"%s" derives nothing', (text) => {
    const mentions = extractMoney(text, 'CNY');
    expect(mentions.filter((m) => m.role === 'expected')).toEqual([]);
  });

  it('"多了一笔50块" is an extra charge of 50, not a difference', () => {
    expect(amountAs('多了一笔50块的扣款', 'difference')).toBeUndefined();
  });

  it('"2 more charges" is no amount', () => {
    expect(extractMoney('there are 2 more charges on my card', 'USD')).toEqual([]);
  });
});

describe('a restaurant story with a tip added, through the dialog', () => {
  function story(text: string): DialogContext {
    const ctx: DialogContext = { ...initialContext({ locale: 'zh-CN' }), role: 'cardholder', category: 'wrong_amount', asking: null, slots: {} };
    return absorb(ctx, parse(text, opts));
  }

  it('the signed amount is expected, the statement amount charged, the gap kept as the difference', () => {
    const next = story('晚饭签单的时候是360，后来信用卡账单上变成了400，多了40块，应该是被加了小费');
    expect(next.slots.amountExpected).toEqual(cny(360));
    expect(next.slots.amountCharged).toEqual(cny(400));
    expect(next.difference).toEqual(cny(40));
  });

  it('the charged amount and the gap give the price', () => {
    const next = story('账单扣了400，多扣了40块');
    expect(next.slots.amountCharged).toEqual(cny(400));
    expect(next.slots.amountExpected).toEqual(cny(360));
    expect(next.difference).toEqual(cny(40));
  });
});

describe('the kind of customer one is answers "cardholder or merchant?"', () => {
  it.each([
    '车主',
    '我是车主',
    '司机',
    '乘客',
    '住客',
    '房客',
    '客人',
    '食客',
    '患者',
    '病人',
    '家长',
    '学生',
    '会员',
    '我是会员',
    '买家',
    'guest',
    'passenger',
    'the passenger',
    'patient',
    "I'm the patient",
    'the diner',
    'the buyer',
    'member',
    "I'm a member",
  ])('"%s" is the cardholder', (text) => {
    expect(roleOf(text)).toBe('cardholder');
  });

  it.each(['卖家', '店员', '前台', '服务员', '店长', '掌柜', '收银', '老板娘', '柜员', 'front desk', 'the server', 'shop assistant', 'receptionist'])(
    '"%s" is the merchant',
    (text) => {
      expect(roleOf(text)).toBe('merchant');
    },
  );

  it.each([
    // The shop's staff in a cardholder's story do not make the speaker the merchant.
    ['服务员把我的卡刷了两次', 'cardholder'],
    ['前台给我多扣了200', 'cardholder'],
    ['the server ran my card twice', 'cardholder'],
  ])('"%s" is told by the %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  it.each([
    // A driver may be the taxi taking the payment: in a story the word names no side.
    '我是司机，乘客刷卡付了两次',
    // Greeting the shop is no role.
    '老板，你好',
  ])('"%s" names no role', (text) => {
    expect(roleOf(text)).toBeNull();
  });
});
