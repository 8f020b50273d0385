import { describe, expect, it } from 'vitest';
import { extractMerchantName, parseMerchantAnswer } from '../../src/nlu/merchant';

describe('extractMerchantName', () => {
  it.each([
    ['昨天中午在好又多超市刷了两次卡', '好又多超市'],
    ['昨天在家乐福刷了两次', '家乐福'],
    ['在万达影城消费', '万达影城'],
    ['扣了两次66元，昨天在家乐福', '家乐福'],
    ['我在星巴克买咖啡被扣了两次', '星巴克'],
    ['在Costco刷卡', 'Costco'],
    ['在7-11买东西', '7-11'],
    ['商户名称是沃尔玛', '沃尔玛'],
    ['海底捞的收银员多刷了一次', '海底捞'],
    ["The cashier at Joe's Diner keyed $450", "Joe's Diner"],
    ['Walmart charged me twice', 'Walmart'],
    ["a charge from Amazon I don't recognize", 'Amazon'],
    ["charged at Trader Joe's on Monday", "Trader Joe's"],
    ['at 7-Eleven', '7-Eleven'],
    ['I was double charged at walmart yesterday', 'walmart'],
    ['the merchant is called Blue Bottle Coffee', 'Blue Bottle Coffee'],
    ['我在万达广场的海底捞吃饭', '海底捞'],
    ['I went to the Olive Garden on 5th avenue', 'Olive Garden'],
    // A return names the shop as a purchase does; 上 after a name is "on", not part of it.
    ['上周在宜家退货了，钱还没回来', '宜家'],
    ['前天在京东上买的耳机', '京东'],
    ['在海上世界刷卡', '海上世界'],
    // 过/了 after 去 belong to the verb ("never been to", "went to").
    ['我根本没去过沃尔玛', '沃尔玛'],
    ['昨天去了家乐福刷卡', '家乐福'],
    // How the story goes on is not the name's: 先是…后来…, 结果….
    ['在家乐福先是刷了两次，后来退了一笔', '家乐福'],
    ['在沃尔玛结果被扣了两次', '沃尔玛'],
  ])('when the text is %j, then the merchant is %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });

  it.each([
    ['a generic place (documented: null, the dialog asks)', 'charged twice at the gas station'],
    ['a generic Chinese place', '在超市刷的'],
    ['在 inside 现在', '现在还在等退款'],
    ['home', '在家刷的'],
    ['a time after "at"', 'charged at 3pm'],
    ['a bank after "from"', 'a letter from Chase'],
    ['no place at all', '扣了两次88元'],
    ['a duration', '他们说要7到10个工作日'],
    ['"at like 8:30"', 'charged this morning at like 8:30'],
    ['"went to the bank"', 'I went to the bank'],
    ['an app, not a shop', '在app上退款的'],
  ])('when the text has %s, then the merchant is null', (_what, text) => {
    expect(extractMerchantName(text)).toBeNull();
  });
});

describe('parseMerchantAnswer', () => {
  it.each([
    ['商户是好又多', '好又多'],
    ['商家叫 家乐福', '家乐福'],
    ['店名是万达影城。', '万达影城'],
    ['沃尔玛吧', '沃尔玛'],
    ['好又多超市', '好又多超市'],
    ['在家乐福', '家乐福'],
    ["it was Joe's Diner", "Joe's Diner"],
    ["it's walmart", 'walmart'],
    ['the shop is called Blue Bottle', 'Blue Bottle'],
    ['at Costco', 'Costco'],
    ['“喜茶”', '喜茶'],
    ['超市', '超市'],
    ['gas station', 'gas station'],
  ])('when the answer is %j, then the merchant is %j', (text, name) => {
    expect(parseMerchantAnswer(text)).toBe(name);
  });

  it.each(['', '   ', '不知道', '我忘了', '不记得了', 'skip', "don't know", 'no idea', '12345', '。'])(
    'when the answer is %j, then there is no merchant',
    (text) => {
      expect(parseMerchantAnswer(text)).toBeNull();
    },
  );

  it('when the answer is very long, then it is capped at 80 characters', () => {
    expect(parseMerchantAnswer('A'.repeat(200))).toHaveLength(80);
  });
});
