// Whole conversations in both languages, through the real server: every category for both
// roles reaches a handoff with the right case fields (the project's own scripts and wording).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, play, type Script } from '../helpers/conversation';
import { bootServer, type TestServer } from '../helpers/server';

const ymd = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const daysAgo = (n: number) => ymd(new Date(Date.now() - n * 86_400_000));

const zhCard = { cardLast4: '尾号3366', cardType: '储蓄卡', issuer: '建设银行', hasReceipt: '小票还留着', merchantContacted: '还没找过店家', confirm: '没问题', '*': '不清楚' };
const enCard = { cardLast4: 'last four are 2211', cardType: 'debit', issuer: 'Bank of America', hasReceipt: 'yes I have it', merchantContacted: 'no, not yet', confirm: 'yes', '*': 'not sure' };

const SCRIPTS: Script[] = [
  // ---- cardholder, Chinese
  {
    id: 'zh cardholder wrong_amount',
    first: '在超市买东西本来是35块5，结果刷了355',
    answers: { role: '我是买东西的', when: '前天下午三点', merchantName: '华联超市', ...zhCard },
    expect: { locale: 'zh-CN', role: 'cardholder', category: 'wrong_amount', 'transaction.amountCharged': { minor: 35500, currency: 'CNY' }, 'transaction.amountExpected': { minor: 3550, currency: 'CNY' }, 'transaction.date': daysAgo(2), 'transaction.time': '15:00', 'reasonCodes.visa': '12.5', 'reasonCodes.unionpay': '4507' },
  },
  {
    id: 'zh cardholder duplicate_charge',
    first: '昨天晚上吃火锅，服务员刷了两遍，扣了我两次，每次268元',
    answers: { role: '顾客', merchantName: '小龙坎火锅', ...zhCard },
    expect: { category: 'duplicate_charge', 'transaction.chargeCount': 2, 'transaction.amountCharged': { minor: 26800, currency: 'CNY' }, 'transaction.date': daysAgo(1), 'transaction.cardLast4': '3366', 'transaction.cardType': 'debit', merchantContacted: false, 'reasonCodes.unionpay': '4512' },
    neverAsks: ['chargeCount', 'amountCharged'],
  },
  {
    id: 'zh cardholder charged_but_failed',
    first: '刷卡的时候机器提示交易失败，可是我手机银行显示扣了199块',
    answers: { role: '我是持卡人', when: '今天上午10点', merchantName: '优衣库', ...zhCard, merchantContacted: '问过了，店员说他们没收到钱' },
    expect: { category: 'charged_but_failed', 'transaction.amountCharged': { minor: 19900, currency: 'CNY' }, merchantContacted: true, merchantResponse: '问过了,店员说他们没收到钱' /* NFKC folds full-width punctuation */, 'reasonCodes.unionpay': '4502' },
  },
  {
    id: 'zh cardholder wrong_card',
    first: '收银员刷错卡了，用了我的信用卡而不是储蓄卡',
    answers: { role: '消费者', when: '昨天', amountCharged: '120元', merchantName: '星巴克', ...zhCard, cardType: '信用卡' },
    expect: { category: 'wrong_card', 'transaction.cardType': 'credit', 'reasonCodes.visa': null },
  },
  {
    id: 'zh cardholder paid_by_other_means',
    first: '我已经用微信扫码付过了，店员又刷了我的卡，扣了86元',
    answers: { role: '我是顾客', when: '昨天中午', merchantName: '全家便利店', ...zhCard },
    expect: { category: 'paid_by_other_means', 'transaction.amountCharged': { minor: 8600, currency: 'CNY' }, 'reasonCodes.visa': '12.6.2' },
  },
  {
    id: 'zh cardholder refund_not_received',
    first: '上个月退货了，商家说已经退款，可到现在钱还没到账',
    answers: { role: '持卡人', when: '10月15号', amountCharged: '599元', merchantName: '苏宁', ...zhCard },
    expect: { category: 'refund_not_received', 'transaction.amountCharged': { minor: 59900, currency: 'CNY' }, 'reasonCodes.visa': '13.6' },
  },
  // ---- cardholder, English
  {
    id: 'en cardholder preauth_hold',
    first: 'The hotel put a $300 deposit hold on my card at check-in and it still has not been released',
    answers: { role: 'I was the guest', when: 'Nov 10', merchantName: 'Hilton Garden Inn', ...enCard },
    expect: { locale: 'en', category: 'preauth_hold', 'transaction.amountCharged': { minor: 30000, currency: 'USD' }, 'reasonCodes.mastercard': '4808' },
  },
  {
    id: 'en cardholder currency_conversion',
    first: "I was charged in US dollars instead of euros at a shop in Paris and nobody asked me, it should have been 75 euros",
    answers: { role: 'customer', when: '3 days ago', amountCharged: 'USD 88.40', merchantName: 'Galeries Lafayette', ...enCard },
    expect: { category: 'currency_conversion', 'transaction.amountExpected': { minor: 7500, currency: 'EUR' }, 'transaction.amountCharged': { minor: 8840, currency: 'USD' }, 'transaction.date': daysAgo(3), 'reasonCodes.visa': '12.3', 'reasonCodes.unionpay': null },
  },
  {
    id: 'en cardholder late_presentment',
    first: 'A purchase I made months ago only showed up on my statement this week',
    answers: { role: 'cardholder', when: 'Aug 3', amountCharged: '$64.20', merchantName: 'Corner Books', ...enCard },
    expect: { category: 'late_presentment', 'transaction.amountCharged': { minor: 6420, currency: 'USD' }, 'reasonCodes.visa': '12.1' },
  },
  {
    id: 'en cardholder unrecognized_charge (urgent)',
    first: "There's a charge of $1,250 on my card that I never made, I don't recognise the shop at all",
    answers: { cardInPossession: 'yes, the card is in my wallet', when: 'this morning', cardLast4: 'ending 5150', issuer: 'Chase', confirm: 'correct', '*': "don't know" },
    expect: { category: 'unrecognized_charge', priority: 'urgent', role: 'cardholder', cardInPossession: true, 'transaction.amountCharged': { minor: 125000, currency: 'USD' }, 'transaction.cardLast4': '5150', 'reasonCodes.visa': '10.3' },
    replies: [/freeze|block/i],
    neverAsks: ['role', 'merchantName', 'cardType', 'hasReceipt'],
  },
  {
    id: 'en cardholder other',
    first: "Something odd happened with my card payment, it's something else",
    answers: { role: 'customer', category: 'other', when: 'yesterday at 5pm', amountCharged: '$12', merchantName: 'Cafe Nero', ...enCard },
    expect: { category: 'other', 'transaction.date': daysAgo(1), 'transaction.time': '17:00' },
  },
  // ---- merchants, English
  {
    id: 'en merchant wrong_amount (overcharge)',
    first: 'I own a small shop and I keyed 540 instead of 54 on the terminal for a customer today',
    answers: { role: 'merchant', when: 'today at 11am', merchantName: 'Sunny Florist', cardLast4: '4401', batchSettled: 'no, not settled yet', confirm: 'yes', '*': 'skip' },
    expect: { role: 'merchant', category: 'wrong_amount', 'transaction.amountCharged': { minor: 54000, currency: 'CNY' }, 'transaction.amountExpected': { minor: 5400, currency: 'CNY' }, 'details.batchSettled': false },
    replies: [/void/i],
  },
  {
    id: 'en merchant duplicate_charge',
    first: "I'm the store owner, our offline terminal re-sent a sale and the customer got charged twice",
    answers: { when: 'yesterday at 3pm', amountCharged: '45.50', merchantName: 'Bean There Coffee', cardLast4: '8800', batchSettled: 'yes, already settled', confirm: 'yes', '*': 'skip' },
    expect: { role: 'merchant', category: 'duplicate_charge', 'transaction.chargeCount': 2, 'details.batchSettled': true },
    replies: [/refund/i],
  },
  {
    id: 'en merchant charged_but_failed',
    first: "I'm a merchant. The terminal said declined but the customer says the money was taken",
    answers: { when: 'today at 9am', amountCharged: '230', merchantName: 'Fix-It Hardware', cardLast4: '1020', batchSettled: 'no', confirm: 'yes', '*': 'skip' },
    expect: { role: 'merchant', category: 'charged_but_failed', 'transaction.amountCharged': { minor: 23000, currency: 'CNY' } },
  },
  {
    id: 'en merchant wrong_card',
    first: 'As the cashier I charged the wrong card, the customer gave me two cards',
    answers: { role: 'merchant', when: 'today at noon', amountCharged: '99', merchantName: 'Blue Door Deli', cardLast4: '3030', batchSettled: 'no', confirm: 'yes', '*': 'skip' },
    expect: { role: 'merchant', category: 'wrong_card' },
  },
  {
    id: 'en merchant unrecognized (not covered → human)',
    first: "I'm a merchant and there's a charge on my account I don't recognise",
    answers: { wantsHuman: 'yes please', '*': 'skip' },
    expect: { role: 'merchant', category: 'unrecognized_charge', priority: 'normal' },
  },
  // ---- merchants, Chinese
  {
    id: 'zh merchant wrong_amount (undercharge)',
    first: '我是商家，给顾客刷卡时少输了一个0，应该收880结果只收了88',
    answers: { when: '今天下午两点', merchantName: '青叶茶馆', cardLast4: '7710', batchSettled: '已经结算了', confirm: '对', '*': '跳过' },
    expect: { role: 'merchant', category: 'wrong_amount', 'transaction.amountCharged': { minor: 8800, currency: 'CNY' }, 'transaction.amountExpected': { minor: 88000, currency: 'CNY' }, 'reasonCodes.visa': null, 'details.undercharge': true },
    replies: [/同意/],
  },
  {
    id: 'zh merchant paid_by_other_means',
    first: '我是店主，顾客已经付了现金，我又给他刷了卡',
    answers: { when: '昨天晚上7点', amountCharged: '150元', merchantName: '老王烧烤', cardLast4: '6060', batchSettled: '还没结算', confirm: '是的', '*': '跳过' },
    expect: { role: 'merchant', category: 'paid_by_other_means', 'transaction.time': '19:00' },
    replies: [/撤销/],
  },
  {
    id: 'zh merchant refund_not_received',
    first: '我们店给顾客做了退货，顾客说钱一直没收到，我是商户',
    answers: { when: '11月1号', amountCharged: '320元', merchantName: '好邻居超市', cardLast4: '5511', referenceNumber: '参考号 123456789012', confirm: '对的', '*': '跳过' },
    expect: { role: 'merchant', category: 'refund_not_received', 'transaction.referenceNumber': '123456789012' },
  },
  {
    id: 'zh merchant preauth_hold',
    first: '我是酒店前台，客人的押金预授权一直没解冻',
    answers: { role: '商户', when: '三天前', amountCharged: '1000元', merchantName: '如家酒店', cardLast4: '9090', confirm: '是', '*': '跳过' },
    expect: { role: 'merchant', category: 'preauth_hold', 'transaction.amountCharged': { minor: 100000, currency: 'CNY' } },
  },
  {
    id: 'zh merchant currency_conversion',
    first: '我是商户，外国顾客说我们POS按美元扣的，币种不对',
    answers: { when: '昨天', amountCharged: '100美元', amountExpected: '680元', merchantName: '丝绸之家', cardLast4: '4242', confirm: '是的', '*': '跳过' },
    expect: { role: 'merchant', category: 'currency_conversion', 'transaction.amountCharged': { minor: 10000, currency: 'USD' } },
  },
  {
    id: 'zh merchant late_presentment',
    first: '我是商家，上个月的一笔交易忘了结算，现在才提交，顾客说很久以前的消费现在才扣',
    answers: { when: '10月20号', amountCharged: '75元', merchantName: '街角面包房', cardLast4: '1357', confirm: '对', '*': '跳过' },
    expect: { role: 'merchant', category: 'late_presentment' },
  },
  {
    id: 'zh merchant other',
    first: '我是商户，有个别的问题',
    answers: { category: '其他问题', when: '今天', amountCharged: '10元', merchantName: '小卖部', cardLast4: '2468', confirm: '对', '*': '跳过' },
    expect: { role: 'merchant', category: 'other' },
  },
  {
    id: 'zh cardholder unrecognized (urgent, Chinese)',
    first: '半夜收到短信，信用卡被刷了2980元，我根本没消费过，卡就在我手上',
    answers: { when: '今天凌晨2点', cardLast4: '8866', issuer: '招行', confirm: '确认', '*': '不知道' },
    expect: { category: 'unrecognized_charge', priority: 'urgent', cardInPossession: true, 'transaction.issuer': 'China Merchants Bank', 'reasonCodes.unionpay': '4515' },
    replies: [/挂失|冻结/, /96110/],
  },
];

let s: TestServer;
beforeAll(async () => {
  s = await bootServer();
});
afterAll(async () => {
  await s.close();
});

describe('conversations', () => {
  it.each(SCRIPTS.map((x) => [x.id, x] as const))('when %s is played, then the case has the right fields', async (_id, script) => {
    check(script, await play(s, script));
  });

  it('when the scripts are counted, then every category appears for both roles', () => {
    const seen = new Set(SCRIPTS.map((x) => `${x.id.includes('merchant') ? 'merchant' : 'cardholder'}:${x.expect.category as string}`));
    expect(seen.size).toBe(22);
  });
});
