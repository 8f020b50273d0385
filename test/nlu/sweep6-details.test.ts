import { describe, expect, it } from 'vitest';
import { absorb } from '../../dialogs/misswipe/absorb';
import { initialContext, type DialogContext } from '../../dialogs/misswipe/context';
import { extractIssuer } from '../../src/nlu/card';
import { extractWhen } from '../../src/nlu/datetime';
import { extractCount, parseCountAnswer } from '../../src/nlu/digits';
import { extractMerchantName, parseMerchantAnswer } from '../../src/nlu/merchant';
import { extractMoney } from '../../src/nlu/money';
import { parse } from '../../src/nlu/parse';
import type { Money, MoneyMention, MoneyRole, ParseOptions, SlotName, WhenParse } from '../../src/types';

// Sunday 22 November 2026, 15:00 in Shanghai.
const NOW: ParseOptions = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const on = (date: string, time: string | null = null): WhenParse => ({ ok: true, value: { date, time } });

describe('merchant name: the words that are not the name', () => {
  it.each([
    // A verb of what the shop did ends the name; a kind of shop is no name.
    ["The terminal at the electronics store said 'error' but I was still charged $249", null],
    ['the screen at the furniture store showed declined', null],
    // A moment or a direction after "at" is not a place.
    ['A charge from a restaurant I ate at back in early September only just showed up', null],
    ['they froze $300 at check-in', null],
    // The subject of a hold or a refund is the merchant.
    ["The Marriott put a $300 hold on my card at check-in and it's still there", 'The Marriott'],
    ['Hilton placed a hold of $200', 'Hilton'],
    ['charged twice at the Shell gas station', 'Shell'],
    // 去年 is "last year", not "went to".
    ['去年8月15号在国美刷卡，显示失败但是扣了3280', '国美'],
    ['去年在苏宁买的冰箱', '苏宁'],
    ['我去了家乐福刷卡', '家乐福'],
    // What was done next ends the name.
    ['大前天下午在便利店已经用微信扫码付了168', null],
    ['在罗森用支付宝付过了又刷了卡', '罗森'],
    ['在全家已经付过一次了', '全家'],
    // A kind of shop, with or without a place before it.
    ['上周在香港一家表店刷卡，POS机直接按人民币结算了', null],
    ['在家具城买沙发，说好的一万零二百', null],
    ['我在商场专柜被刷了两次，每次1,680元', null],
    ['8月份在一家餐厅吃的饭', null],
    ['在楼下水果店刷的', null],
    // Real names holding such words stay names.
    ['在国美电器买的电视', '国美电器'],
    ['在宜家家居买的', '宜家家居'],
    ['在苏宁电器城刷了两次', '苏宁电器城'],
    ['在海底捞火锅店吃饭', '海底捞火锅店'],
    ['在周大福金店刷卡', '周大福金店'],
    ['charged twice at Best Buy', 'Best Buy'],
    ["I paid at joe's diner", "joe's diner"],
  ])('when the story is %j, then the merchant is %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });
});

describe('merchant name as the answer to its question', () => {
  it.each([
    // Another detail in the same answer is not part of the name.
    ['沃尔玛，卡号后四位是5512', '沃尔玛'],
    ['Walmart, card ending 5512', 'Walmart'],
    ['家乐福，扣了88元', '家乐福'],
    // A remark about the shop before the name.
    ['就是你们店啊，还问！都市丽人', '都市丽人'],
    // Balanced brackets stay, ASCII or full-width (normalised upstream or not).
    ['海底捞(徐家汇店)', '海底捞(徐家汇店)'],
    ['汉庭酒店（人民广场店）', '汉庭酒店（人民广场店）'],
    ['老乡鸡(长宁店)。', '老乡鸡(长宁店)'],
    ['Joe’s Pizza (Broadway)', 'Joe’s Pizza (Broadway)'],
    // A stray closing bracket still goes.
    ['喜茶)', '喜茶'],
    // A comma inside a name with nothing else around it stays.
    ['Bed, Bath & Beyond', 'Bed, Bath & Beyond'],
    ['7-Eleven, Main St', '7-Eleven, Main St'],
    // Names with a word for a kind of shop in them.
    ['国美电器', '国美电器'],
    ['Shell gas station', 'Shell gas station'],
    // A bare kind of place is still better than nothing (unchanged).
    ['gas station', 'gas station'],
    ['超市', '超市'],
  ])('when the answer is %j, then the merchant is %j', (text, name) => {
    expect(parseMerchantAnswer(text)).toBe(name);
  });

  it.each(['a gas station', 'an electronics store', 'some restaurant', '一家餐厅', '香港一家表店', '某家超市'])(
    'when the answer is a shop left unnamed (%j), then there is no name and the question stands',
    (text) => {
      expect(parseMerchantAnswer(text)).toBeNull();
    },
  );
});

describe('a date in a year named relative to today', () => {
  it.each([
    ['去年8月15号在国美刷卡', on('2025-08-15')],
    ['去年8月15号下午3点', on('2025-08-15', '15:00')],
    ['去年的12月30号', on('2025-12-30')],
    ['前年8月15号', on('2024-08-15')],
    ['今年8月15号', on('2026-08-15')],
    ['last year on Aug 15', on('2025-08-15')],
    ['on August 15th last year around 3pm', on('2025-08-15', '15:00')],
    ['it was Aug 15 the year before last', on('2024-08-15')],
    ['this year on March 3', on('2026-03-03')],
    // Without a named year the latest past such day is meant (unchanged).
    ['8月15号', on('2026-08-15')],
    ['12月30号', on('2025-12-30')],
    // A named year that puts the day ahead is the future, not last year.
    ['今年12月15号', { ok: false, reason: 'future' }],
    // A year about something else does not move the day of the payment.
    ['去年办的卡，昨天刷的', on('2026-11-21')],
    // A month alone in a named year is still too vague.
    ['in August last year', { ok: false, reason: 'vague' }],
  ])('when the text is %j, then the date is %j', (text, expected) => {
    expect(extractWhen(text, NOW)).toEqual(expected);
  });
});

describe('amounts: counts, sums and contrasts', () => {
  const usd = (dollars: number, role: MoneyRole): MoneyMention => ({ value: { minor: dollars * 100, currency: 'USD' }, role });

  it.each([
    // Counts of things next to a price are not amounts.
    ['the room itself was $540 for 3 nights', [usd(540, null)]],
    ['$90 for 2 tickets', [usd(90, null)]],
    ['dinner for 4 guests was $200', [usd(200, null)]],
    // A tip on a bill: what was due is the two together.
    ['I wrote a $10 tip on a $50 bill but they charged me $100', [usd(60, 'expected'), usd(100, 'charged')]],
    ['a $50 bill plus a $10 tip', [usd(60, 'expected')]],
    // "X says A but we processed B": B was charged, A was due.
    ['Her slip says $62 total but we processed $72.', [usd(62, 'expected'), usd(72, 'charged')]],
    ['I bought a $5 coffee but they charged me $50', [usd(5, 'expected'), usd(50, 'charged')]],
    // An amount with its own cue keeps its reading (unchanged).
    ['I paid $50 but they charged me $100', [usd(50, null), usd(100, 'charged')]],
    ['a $10 tip and a $50 tip', [usd(10, null), usd(50, null)]],
  ])('when the text is %j, then the amounts are %j', (text, expected) => {
    expect(extractMoney(text, 'CNY')).toEqual(expected);
  });

  it.each([
    ['房费一共是两晚，536元', 53600],
    ['三间房一共900元', 90000],
  ])('when a Chinese count of nights or rooms stands by the price (%j), then only the price is money', (text, minor) => {
    expect(extractMoney(text, 'CNY').map((m) => m.value.minor)).toEqual([minor]);
  });
});

describe('a bare amount answered after an amount in another currency', () => {
  const opts: ParseOptions = { ...NOW, defaultCurrency: 'CNY' };
  const at = (asking: SlotName, slots: DialogContext['slots'], category: DialogContext['category']): DialogContext => ({
    ...initialContext({ locale: 'en' }),
    role: 'cardholder',
    category,
    asking,
    slots,
  });
  const hold: Money = { minor: 17500, currency: 'USD' };

  it.each([
    ['42.18', { minor: 4218, currency: 'USD' }],
    ['only 42.18', { minor: 4218, currency: 'USD' }],
    // A currency written in the answer wins.
    ['42.18元', { minor: 4218, currency: 'CNY' }],
    ['€42.18', { minor: 4218, currency: 'EUR' }],
  ])('when %j answers the price after a dollar hold, then it is %j', (text, expected) => {
    const next = absorb(at('amountExpected', { amountCharged: hold }, 'preauth_hold'), parse(text, opts));
    expect(next.slots.amountExpected).toEqual(expected);
  });

  it('when the charged amount is asked after a yen price, then a bare number is yen (no decimals)', () => {
    const price: Money = { minor: 3000, currency: 'JPY' };
    const next = absorb(at('amountCharged', { amountExpected: price }, 'wrong_amount'), parse('30000', opts));
    expect(next.slots.amountCharged).toEqual({ minor: 30000, currency: 'JPY' });
  });

  it('when the story is a currency conversion, then a bare number keeps the default currency', () => {
    const next = absorb(at('amountExpected', { amountCharged: hold }, 'currency_conversion'), parse('300', opts));
    expect(next.slots.amountExpected).toEqual({ minor: 30000, currency: 'CNY' });
  });
});

describe('how many charges', () => {
  it.each([
    // One charge made again is two in all.
    ['商家这边，昨天POS机重复扣了顾客一笔326元', 2],
    ['POS机重复刷了我一笔', 2],
    ['重复扣款一笔', 2],
    // "重复扣了两次" is how people say "charged twice" (unchanged); a plain 一笔 is one.
    ['重复扣了两次', 2],
    ['扣了一笔326元', 1],
    ['只扣了一次', 1],
  ])('when the story is %j, then the count is %j', (text, count) => {
    expect(extractCount(text)).toBe(count);
  });

  it.each([
    ['once', 1],
    ['Once.', 1],
    ['just once', 1],
    ['only once', 1],
    ['only one time', 1],
    ['one time', 1],
    ['一次', 1],
    ['就一次', 1],
    ['只有一次', 1],
    ['twice', 2],
  ])('when %j answers "how many times?", then it is %j', (text, count) => {
    expect(parseCountAnswer(text)).toBe(count);
  });

  it.each(['once upon a time', 'sometimes', 'not sure'])('when %j answers, then there is no count', (text) => {
    expect(parseCountAnswer(text)).toBeNull();
  });
});

describe('the bank of the card charged in a wrong-card story', () => {
  it.each([
    ['I meant to pay with my company Amex but the waiter ran my personal Chase card instead.', 'Chase'],
    ['they charged my Chase card instead of my Citi card', 'Chase'],
    ['收银员刷错卡了，顾客说要刷工行那张，结果刷成了招行的', 'China Merchants Bank'],
    ['本来要用公司的招行卡，服务员刷了我自己的工行卡', 'ICBC'],
    // Only the card meant is named: no bank, so the bot asks.
    ['I meant to pay with my company Amex', null],
    // No wrong-card wording: the bank named is the card's (unchanged).
    ['我的招行卡被扣了两次', 'China Merchants Bank'],
    ['I want to use my Chase card', 'Chase'],
    ['Chase', 'Chase'],
  ])('when the text is %j, then the issuer is %j', (text, issuer) => {
    expect(extractIssuer(text)?.en ?? null).toBe(issuer);
  });
});
