import { describe, expect, it } from 'vitest';
import { extractMerchantName, parseMerchantAnswer } from '../../src/nlu/merchant';

// Merchant names read from a first message: where the name ends, what is a place rather than a
// shop, and letters beyond ASCII in English names.
describe('a verb or result right after the name ends it', () => {
  it.each([
    ['上周在沃尔玛显示支付失败，但钱被扣了', '沃尔玛'],
    ['在家乐福提示交易失败', '家乐福'],
    ['在全家用微信付的', '全家'],
    ['在屈臣氏用招行卡刷了两次', '屈臣氏'],
    ['在华润万家说机器坏了又刷了一次', '华润万家'],
    ['在肯德基让我再刷一次', '肯德基'],
    ['在盒马下单后扣了两次', '盒马'],
    // A name with 用 inside it is not cut there.
    ['在日常用品店刷的', '日常用品店'],
  ])('%j → %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });
});

describe('how the story goes on is never a name', () => {
  it.each([
    ['顾客先扫码付了50，后来收银员又刷了一次50'],
    ['先付了现金，然后店员又让我刷卡'],
    ['付了两次，结果收银员说只收到一笔'],
  ])('%j has no merchant', (text) => {
    expect(extractMerchantName(text)).toBeNull();
  });

  it('keeps a name that follows a connective', () => {
    expect(extractMerchantName('后来沃尔玛的收银员又刷了一次')).toBe('沃尔玛');
  });
});

describe('a place, or a kind of shop in a place, is not a merchant', () => {
  it.each([
    ['在香港旺角买手机壳，结果刷了十倍'],
    ['在日本东京药妆店用银联卡刷了两次'],
    ['在东京银座买东西被扣了两次'],
    ['在南京东路刷了两次'],
    ['在浦东新区消费的时候扣了两笔'],
    ['本人于昨日在贵平台合作商户处消费时，疑似被重复扣款'],
    ['在你们平台的签约商家那里付款，扣了两次'],
    ['Got charged twice at a café in Berlin, 23,50 € each time'],
    ['charged twice at Berlin'],
    ['yo got double charged at the bodega lol'],
    ['charged twice at the deli haha'],
  ])('%j has no merchant', (text) => {
    expect(extractMerchantName(text)).toBeNull();
  });

  it.each([
    // A name after a place keeps the place (the agent sees where, too).
    ['在香港周大福刷了两次', '香港周大福'],
    ['在东京松本清用银联卡刷了', '东京松本清'],
    // A chain named for a city is a name.
    ['charged at Paris Baguette twice', 'Paris Baguette'],
  ])('%j → %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });
});

describe('chat particles and laughter after a name', () => {
  it.each([
    ['在沃尔玛哈哈哈，刷了两次', '沃尔玛'],
    ['在全家啊，被扣了两次', '全家'],
    ['got double charged at Walmart lol', 'Walmart'],
    ['charged twice at Target haha', 'Target'],
  ])('%j → %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });

  it('cuts them from a direct answer too', () => {
    expect(parseMerchantAnswer('Walmart lol')).toBe('Walmart');
    expect(parseMerchantAnswer('沃尔玛哈哈')).toBe('沃尔玛');
  });
});

describe('letters beyond ASCII in English names', () => {
  it.each([
    ['charged twice at Café Nero', 'Café Nero'],
    ['charged twice at Crêpe Affaire yesterday', 'Crêpe Affaire'],
    ['double charged at Müller', 'Müller'],
    ["Zoë's charged me twice", "Zoë's"],
    ['charged twice at müller yesterday', 'müller'],
    ['在Café Nero刷了两次', 'Café Nero'],
  ])('%j → %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });
});

describe('"not X, but Y" about the shop', () => {
  it.each([
    ['商户名刚才说错了，不是沃尔玛，是山姆会员店', '山姆会员店'],
    ['商家是山姆，不是沃尔玛', '山姆'],
    ['the store was wrong, not Walmart, it was Target', 'Target'],
    ['the shop was not Walmart but Target', 'Target'],
  ])('the message %j names %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });

  it.each([
    ['不是沃尔玛，是山姆会员店', '山姆会员店'],
    ['是山姆不是沃尔玛', '山姆'],
    ['it was Target, not Walmart', 'Target'],
    ['not Walmart but Target', 'Target'],
  ])('asked for the shop, %j answers %j', (text, name) => {
    expect(parseMerchantAnswer(text)).toBe(name);
  });

  it('leaves a contrast about another field alone when the shop is not named', () => {
    expect(extractMerchantName('不是周二，是周三')).toBeNull();
    expect(extractMerchantName('金额不是100，是200')).toBeNull();
  });
});

describe('a shop-name answer opened by a remark', () => {
  it.each([
    ['哦对了，店名说错了，是山姆会员店', '山姆会员店'],
    ['对了，是山姆会员店', '山姆会员店'],
    ['oh sorry, Target', 'Target'],
  ])('when the answer is "%s", then the name is %s, not the remark', (text, name) => {
    expect(parseMerchantAnswer(text)).toBe(name);
  });

  it('when a one-clause name holds such a word, then it stays whole', () => {
    expect(parseMerchantAnswer('Sorry Not Sorry Boutique')).toBe('Sorry Not Sorry Boutique');
  });
});
