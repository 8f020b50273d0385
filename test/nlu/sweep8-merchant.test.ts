import { describe, expect, it } from 'vitest';
import { extractMerchantName, parseMerchantAnswer } from '../../src/nlu/merchant';
import { readOtherFraudStory } from '../../src/nlu/other-problem';

// Sweep 8: the brand on the card machine is not the shop, a point inside the shop is not the
// shop, and "a company called X" takes X only.
describe('a terminal brand or acquirer is never the merchant in free text', () => {
  it.each([
    ['加油站收银的，拉卡拉POS机上显示交易失败，客人说扣了200'],
    ['我们店用的收钱吧刷卡机，刷了两次'],
    ['在银联商务的POS上刷了两次'],
    ['在富友的机器上刷的，显示失败'],
    ['顾客在汇付的终端上刷了88'],
    ['The customer was charged twice at the Square terminal'],
    ['I run a cafe, the charge at the Clover machine went through twice'],
    ['it failed at the SumUp reader but the money left her account'],
  ])('%j has no merchant', (text) => {
    expect(extractMerchantName(text)).toBeNull();
  });
});

describe('asked for the shop, naming the machine leaves the question open', () => {
  it.each([['拉卡拉POS机'], ['收钱吧刷卡机'], ['the card machine'], ['my Clover terminal'], ['Verifone terminal']])(
    '%j → null',
    (text) => {
      expect(parseMerchantAnswer(text)).toBeNull();
    },
  );
});

describe('a self-service point is where in the shop, not which shop', () => {
  it.each([
    ['I used a gift card at the self checkout and it got charged twice'],
    ['got charged twice at the self-service checkout'],
    ['在自助收银机上刷的，扣了两次'],
    ['在自助结账的时候扣了两次'],
  ])('%j has no merchant', (text) => {
    expect(extractMerchantName(text)).toBeNull();
  });
});

describe('"called X", "named X", "叫X的公司": the name only', () => {
  it.each([
    ["there's another charge from some company called XYZ Trading I don't recognise at all", 'XYZ Trading'],
    ['a charge from a shop named Blue Lotus that I never visited', 'Blue Lotus'],
    ['a company called xyz trading i never heard of', 'xyz trading'],
    ['有一家叫鑫源贸易的公司扣了我300，我不认识', '鑫源贸易'],
    ['一个名叫“顺达商行”的商户扣了我200', '顺达商行'],
  ])('%j → %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });
});

describe('names that must not change', () => {
  it.each([
    ['it was at Square One', 'Square One'],
    ['在好又多超市刷了两次', '好又多超市'],
    ['the merchant is Joe\'s Diner and they charged twice', "Joe's Diner"],
    ['我叫小王，在全家刷的', '全家'],
    ['charged twice at Costco for $54.10', 'Costco'],
  ])('%j → %j', (text, name) => {
    expect(extractMerchantName(text)).toBe(name);
  });

  it('a brand alone as a direct answer is kept (a statement may show the acquirer)', () => {
    expect(parseMerchantAnswer('拉卡拉')).toBe('拉卡拉');
    expect(parseMerchantAnswer('Square')).toBe('Square');
  });
});

// A second story in one message: a further charge not recognised (src/nlu/other-problem.ts).
describe('a further charge not recognised is read apart from the rest', () => {
  it.each([
    ["ends 3434. oh and there's also a $380 charge from an electronics store I never went to", { minor: 38000, currency: 'USD' }, null],
    ["charged twice at Costco for $54.10, and also there's another charge from some company called XYZ Trading I don't recognise", null, 'XYZ Trading'],
    ['招商银行，另外还有一笔500块的消费我根本不认识', { minor: 50000, currency: 'CNY' }, null],
    ['4321，还有一笔300的扣款不是我刷的', { minor: 30000, currency: 'CNY' }, null],
  ])('%j', (text, amount, merchant) => {
    const story = readOtherFraudStory(text, 'CNY');
    expect(story?.fraud).toEqual({ amount, merchant });
  });

  it('what comes before is read as its own story', () => {
    const story = readOtherFraudStory("I was charged twice at Costco for $54.10, and also there's another charge from XYZ Trading I don't recognise", 'USD');
    expect(story?.before).toEqual({ category: 'duplicate_charge', amount: { minor: 5410, currency: 'USD' }, merchant: 'Costco', count: 2 });
  });

  it.each([
    ["I don't recognise this charge"],
    ['also they charged me too much'],
    ["I was charged twice, the other charge I don't recognise"],
    ['another charge of 120 came through, the shop said it was a mistake'],
    ['还有一笔是退款'],
  ])('negative: %j is no second story', (text) => {
    expect(readOtherFraudStory(text, 'USD')).toBeNull();
  });
});
