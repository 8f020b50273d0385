// Sweep 6: problem types and roles that were misread or missed in first messages and in answers
// to "are you the cardholder or the merchant?". Sentences are our own, written for the families
// of phrasings the sweep's conversations stood for.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';

const opts = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const categoryOf = (text: string): string | null => parse(text, opts).intents.category;
const roleOf = (text: string): string | null => parse(text, opts).intents.role;

describe('charges the cardholder did not make are fraud, not a duplicate', () => {
  it.each([
    '我的招行卡刚才在外地被连刷了两笔，每笔2999，卡一直在我身上',
    '信用卡在异地被刷了5笔，可我人在家',
    '卡明明在我手上，怎么会被连扣了三笔？',
    '刚收到短信，卡被人连续刷了4次，卡就在我钱包里',
    '我的卡从来没离过身，账单上却多出三笔消费',
    'Three charges of $499 in another city while I was at home',
    'My card is in my wallet but there are 3 charges on it from Miami',
    'I see four transactions in a row and I still have my card with me',
    "charges in another state while I have my card, I didn't make these",
  ])('"%s" is an unrecognized charge', (text) => {
    expect(categoryOf(text)).toBe('unrecognized_charge');
  });

  it.each([
    // The holder used the card once at the merchant: a duplicate, even with the card at hand.
    ['卡一直在我手上，只刷了一次，怎么扣了两笔', 'duplicate_charge'],
    ['I only swiped once and the card never left my hand, but I was charged twice', 'duplicate_charge'],
    // A traveller charged twice at a hotel in another city is no fraud.
    ['我在外地出差，酒店刷了我两次', 'duplicate_charge'],
    ['I was charged twice at a hotel in another city', 'duplicate_charge'],
    ['连刷了两笔一样的，都是88元', 'duplicate_charge'],
  ])('"%s" stays %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it('an answer that the card is at hand, with no charge in it, names no problem', () => {
    expect(categoryOf('卡就在我手上')).toBeNull();
    expect(categoryOf('the card is in my wallet')).toBeNull();
  });
});
