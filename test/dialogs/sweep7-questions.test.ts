// A question asked in the middle of the intake ("多久能退回来？", "are you a bot?") gets a short
// honest answer, and the interrupted question is asked again without counting a miss. A payment
// that was not made by card at a shop's terminal (网购, 微信扫码) gets one calm scope note.
import { describe, expect, it } from 'vitest';
import { readAsides } from '../../src/nlu/questions';
import { parse } from '../../src/nlu/parse';
import { Renderer } from '../../src/i18n';
import { DialogDriver, type Step } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const say = (d: DialogDriver, text: string): Step => d.send({ type: 'user.said', idle: false, parsed: parse(text, opts) });

describe('readAsides: families of questions, both languages', () => {
  it.each([
    ['多久能退回来？', 'refundTime'],
    ['钱大概几天能到账', 'refundTime'],
    ['how long until the refund shows up?', 'refundTime'],
    ['will I get my money back?', 'moneyBack'],
    ['钱还能要回来吗', 'moneyBack'],
    ["what's a chargeback?", 'chargeback'],
    ['拒付是什么意思？', 'chargeback'],
    ['你是机器人吗', 'bot'],
    ['Hi, is this a real person or a bot?', 'bot'],
    ['我要投诉这个商家', 'complaint'],
    ['I want to complain about this shop', 'complaint'],
  ])('%s → %s', (text, family) => {
    expect(readAsides(text)?.question).toBe(family);
  });

  it.each(['why do you need that?', '后四位是什么', '顾客', '3434', '招行', '昨天晚上七点多', 'the refund never arrived', '退款还没到账'])(
    'negative: %s asks none of them',
    (text) => {
      expect(readAsides(text)?.question ?? null).toBeNull();
    },
  );

  it.each([
    ['淘宝上买的衣服被扣了两次钱', 'online'],
    ['paid on Amazon and got charged twice', 'online'],
    ['在奶茶店用微信扫码付款，扣了两次18元', 'wallet'],
    ['是微信零钱', 'wallet'],
    ['paid with Alipay and it took the money twice', 'wallet'],
  ])('not a card at a terminal: %s → %s', (text, kind) => {
    expect(readAsides(text)?.nonCard).toBe(kind);
  });

  it.each([
    '我先用支付宝付了，收银员说没收到，又让我刷卡，结果两边都扣了',
    '顾客先扫了我们的收款码付了88，后来收银员又给他刷卡收了一次88',
    'paid with Apple Pay at the till, charged twice',
    '用闪付挥卡付的，扣了两次',
    'I checked online banking and saw two charges',
  ])('negative: a card payment at a terminal stays in scope: %s', (text) => {
    expect(readAsides(text)?.nonCard ?? null).toBeNull();
  });

  it('asking what a chargeback is does not say one has started', () => {
    expect(readAsides('what is a chargeback?')?.chargebackStarted).toBe(false);
    expect(readAsides('we received a chargeback notice yesterday')?.chargebackStarted).toBe(true);
    expect(readAsides('顾客已经发起拒付了')?.chargebackStarted).toBe(true);
  });
});

/** A conversation brought to the card's last 4 digits. */
function atLast4(): DialogDriver {
  const d = new DialogDriver();
  say(d, '昨天在华联超市被重复扣了两笔66元');
  const s = say(d, '顾客');
  expect(s.replies.at(-1)?.expecting?.slot).toBe('cardLast4');
  return d;
}

describe('a question mid-intake is answered, then the same question is asked again', () => {
  it.each([
    ['多久能退回来？', 'misswipe:faq.refundTime'],
    ['will I get my money back?', 'misswipe:faq.moneyBack'],
    ["what's a chargeback?", 'misswipe:faq.chargeback'],
    ['你是机器人吗', 'misswipe:faq.bot'],
    ['我要投诉这个商家', 'misswipe:faq.complaint'],
  ])('%s', (text, key) => {
    const d = atLast4();
    const s = say(d, text);
    expect(s.keys).toContain(key);
    expect(s.keys).not.toContain('misswipe:explain.cardLast4');
    expect(s.replies.at(-1)?.expecting?.slot).toBe('cardLast4');
    expect(d.context.attempts).toBe(0);
  });

  it('asking three questions in a row never gives up on the slot', () => {
    const d = atLast4();
    for (const q of ['多久能退回来？', '你是机器人吗', '钱还能要回来吗']) say(d, q);
    expect(d.context.givenUp).not.toContain('cardLast4');
    expect(say(d, '1212').replies.at(-1)?.expecting?.slot).toBe('cardType');
  });

  it('negative: asking back about the question itself still explains it', () => {
    const d = atLast4();
    expect(say(d, '后四位是什么？').keys).toContain('misswipe:explain.cardLast4');
  });

  it('a question at the confirmation is answered and the confirmation asked again', () => {
    const d = new DialogDriver();
    let s = say(d, "I'm the cardholder, charged twice at Target yesterday, $45.99 each");
    for (let i = 0; i < 15 && s.replies.at(-1)?.expecting?.slot !== 'confirm'; i++) s = say(d, 'skip');
    s = say(d, 'how long will the refund take?');
    expect(s.keys).toContain('misswipe:faq.refundTime');
    expect(s.replies.at(-1)?.expecting?.slot).toBe('confirm');
  });

  it('"is this a real person or a bot?" as the first message: greeting, the answer, then the first question', () => {
    const d = new DialogDriver();
    const s = say(d, 'Hi, is this a real person or a bot?');
    expect(s.keys.indexOf('misswipe:faq.bot')).toBeGreaterThan(s.keys.indexOf('common:greeting'));
    expect(s.replies.at(-1)?.expecting?.slot).toBe('role');
  });
});

describe('a payment that is not a card at a terminal gets a scope note, once', () => {
  it.each([
    ['淘宝上买的衣服被扣了两次钱，每次129', 'misswipe:scope.online'],
    ['paid on Amazon and got charged twice for the same order, $59.99', 'misswipe:scope.online'],
    ['在奶茶店用微信扫码付款，扣了两次18元', 'misswipe:scope.wallet'],
  ])('%s', (text, key) => {
    const d = new DialogDriver();
    expect(say(d, text).keys).toContain(key);
    expect(say(d, text).keys).not.toContain(key);
  });

  it.each(['我先用支付宝付了，收银员说没收到，又让我刷卡，结果两边都扣了', 'paid with Apple Pay at the till and got charged twice, $12'])(
    'negative: no note for a card payment at the till: %s',
    (text) => {
      const keys = say(new DialogDriver(), text).keys;
      expect(keys.filter((k) => k.startsWith('misswipe:scope.'))).toEqual([]);
    },
  );
});

describe('the answers promise nothing', () => {
  const renderer = new Renderer();
  it.each(['en', 'zh-CN'] as const)('%s', (locale) => {
    for (const q of ['refundTime', 'moneyBack', 'chargeback', 'bot', 'complaint']) {
      expect(renderer.t(`misswipe:faq.${q}`, locale)).not.toMatch(/\bwill get\b|guarantee|一定|保证能/i);
    }
  });
});
