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
    'two charges from another state while I still have my card',
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

describe('problem types told as a story in the first message', () => {
  it.each([
    // late presentment: an old sale that only now shows up
    ['7月份在酒吧喝的酒，这个月账单里才冒出来这笔，460元', 'late_presentment'],
    ['三月份买的机票，今天才蹦出一笔扣款', 'late_presentment'],
    ['终端断网了一个多星期，之前的交易昨天才上传，顾客现在才看到扣款', 'late_presentment'],
    ['our reader was offline and the sales from the 3rd only got submitted today', 'late_presentment'],
    ['customers are seeing old charges show up now because our batch only settled yesterday', 'late_presentment'],
    // wrong amount: the total changed after it was agreed, a tip added, a price set against the charge
    ['签购单上写的是260，结果短信里变成了290', 'wrong_amount'],
    ['服务员偷偷给我加了小费，多了40块', 'wrong_amount'],
    ['在专卖店刷了899块，其实我只买了一双399的鞋', 'wrong_amount'],
    ['we found a tip was added to a customer’s bill after she left', 'wrong_amount'],
    ['the waiter bumped up the tip after I signed', 'wrong_amount'],
    ['the check says 48 total but we processed 58', 'wrong_amount'],
    ['我只点了一份38的套餐，却刷了138块', 'wrong_amount'],
    // wrong card: a shared bill put on one person's card, an intended card not used
    ['我们四个人AA，服务员全刷在了我一个人的卡上', 'wrong_card'],
    ['服务员把整桌的钱刷到了我朋友的卡上', 'wrong_card'],
    ['I meant to put it on my Visa but the cashier swiped my debit card', 'wrong_card'],
    ['I meant to use my business card, but she ran my personal one', 'wrong_card'],
    ['we split the check but the server ran the whole thing on one guest’s card by mistake', 'wrong_card'],
    // charged but failed: money gone after a failure message
    ['The machine said declined but $85 vanished from my account', 'charged_but_failed'],
    ['pos机显示交易失败，可是卡里的300块不见了', 'charged_but_failed'],
  ])('"%s" is %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it.each([
    // A correction that starts with "I meant" still repairs a value.
    ['sorry, I meant 250', null],
    ['I meant to say Tuesday', null],
    ['I meant to put 45', null],
    // An offline terminal that failed a single payment is still a failure.
    ['刷卡的时候断网了，显示失败但钱扣了', 'charged_but_failed'],
    // "only" alone is no price set against a charge.
    ['我只买了一件衣服', null],
  ])('"%s" stays %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it('"I meant to pay with…" is a story, not a correction', () => {
    expect(parse('I meant to pay with my Visa but they used my Amex', opts).intents.correction).toBe(false);
    expect(parse('sorry, I meant 250', opts).intents.correction).toBe(true);
    expect(parse('I meant to say 250', opts).intents.correction).toBe(true);
    expect(parse('I meant to put 45', opts).intents.correction).toBe(true);
    expect(parse('I meant to put it on my Visa', opts).intents.correction).toBe(false);
  });
});

describe('a question about the remedy is not the problem', () => {
  it.each([
    ['收银员把顾客的120元刷成了1200元，还没结算，该撤销还是退货？', 'wrong_amount'],
    ['店员多按了一个0，今天的账还没结，能撤销吗', 'wrong_amount'],
    ['we keyed $450 instead of $45, should we void or refund?', 'wrong_amount'],
    ['a customer was double charged, do I void or refund the second one?', 'duplicate_charge'],
  ])('"%s" is %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it.each([
    '商家说可以退款，但还没到账',
    '退款还是没到账',
    'they promised a refund but it still has not arrived, can we reverse it?',
  ])('"%s" is still a refund not received', (text) => {
    expect(categoryOf(text)).toBe('refund_not_received');
  });
});

describe('a deposit paid for goods is no hold', () => {
  it.each([
    ['My cashier charged a customer 120 instead of 1.2k for a sofa deposit', 'wrong_amount'],
    ['we took the deposit on a piano, keyed 80 instead of 800', 'wrong_amount'],
    ['I paid a $200 deposit on my wedding dress and got charged twice', 'duplicate_charge'],
  ])('"%s" is %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it.each([
    'the hotel charged a $500 deposit instead of $200',
    'the deposit for my room is still held',
    'the car rental deposit was never released',
    '酒店押金500还没退',
    'there is a deposit on my card',
  ])('"%s" is still a pre-authorisation hold', (text) => {
    expect(categoryOf(text)).toBe('preauth_hold');
  });
});

describe('answers to "are you the cardholder or the merchant?"', () => {
  it.each([
    // the one whose card was charged, however they put it
    '司机，刷卡的那个人',
    '刷卡的人',
    '我是买菜的',
    '我是来吃饭的',
    '就是个加油的',
    '被扣钱的那个',
    '消费者',
    '顾客',
    "I'm the one who paid",
    'I was the one charged',
    'the one paying',
    "I'm the diner",
    'the customer, me',
    'I swiped my card',
  ])('"%s" is the cardholder', (text) => {
    expect(roleOf(text)).toBe('cardholder');
  });

  it.each([
    '我是收银台那边的，商家',
    '我是收银那边的',
    '店里的',
    '收银员',
    '老板',
    '我是卖衣服的',
    '我在超市上班',
    'I work the register',
    'I work there',
    "I'm on the store side",
    "we're with the restaurant",
    'I ring people up',
    'cashier, yes',
  ])('"%s" is the merchant', (text) => {
    expect(roleOf(text)).toBe('merchant');
  });

  it.each([
    // A greeting addressed to the shop, a time opened by 的, a bare noun that says neither.
    '老板，你好',
    '服务员，在吗',
    '我是在店里的时候发现的',
  ])('"%s" names no role', (text) => {
    expect(roleOf(text)).toBeNull();
  });

  it('a story that opens with "when I was buying" keeps the buyer', () => {
    expect(roleOf('我是买东西的时候被扣了两次')).toBe('cardholder');
  });
});
