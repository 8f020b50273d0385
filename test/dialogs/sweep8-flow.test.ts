// Sweep 8: the flow after skips, a merchant's wrong card, and a second problem told mid-intake.
import { describe, expect, it } from 'vitest';
import { Renderer } from '../../src/i18n';
import { parse } from '../../src/nlu/parse';
import { DialogDriver, type Step } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const real = (d: DialogDriver, text: string): Step =>
  d.send({ type: 'user.said', idle: false, parsed: parse(text, opts), today: '2026-11-22' });
const lastAsk = (s: Step) => s.replies[s.replies.length - 1]?.expecting?.slot;

/** Says `answer` to every question until the summary (or a limit), and lists what was asked. */
function answerAll(d: DialogDriver, first: Step, answer: (slot: string | undefined) => string): { asked: (string | undefined)[]; last: Step } {
  const asked: (string | undefined)[] = [];
  let s = first;
  for (let i = 0; i < 15 && s.state !== 'confirming' && s.handoff === null; i++) {
    asked.push(lastAsk(s));
    s = real(d, answer(lastAsk(s)));
  }
  return { asked, last: s };
}

/** A cardholder who skipped the problem question and then the offer of a person. */
function skippedProblemAndOffer(lang: 'en' | 'zh-CN'): { d: DialogDriver; s: Step } {
  const d = new DialogDriver();
  real(d, lang === 'en' ? "hi, I'm the cardholder" : '你好，我是持卡人');
  const offered = real(d, lang === 'en' ? 'skip' : '跳过');
  expect(lastAsk(offered)).toBe('wantsHuman');
  return { d, s: real(d, lang === 'en' ? 'skip' : '跳过') };
}

describe('the problem skipped with the offer of a person is asked once more before the summary', () => {
  it.each(['en', 'zh-CN'] as const)('(%s) when everything else is skipped too, then it is asked once and the summary follows', (lang) => {
    const { d, s } = skippedProblemAndOffer(lang);
    const { asked, last } = answerAll(d, s, () => (lang === 'en' ? 'skip' : '跳过'));
    expect(asked.filter((a) => a === 'category')).toHaveLength(1);
    // Asked last, after the details, with a word on why.
    expect(asked[asked.length - 1]).toBe('category');
    expect(last.state).toBe('confirming');
    expect(d.context.category).toBeNull();
  });

  it('when the problem is then told, then it is kept and its own questions follow', () => {
    const { d, s } = skippedProblemAndOffer('en');
    let step = s;
    for (let i = 0; i < 15 && lastAsk(step) !== 'category'; i++) step = real(d, 'skip');
    expect(step.keys).toContain('misswipe:ask.categoryAgain');
    const after = real(d, 'I was charged twice');
    expect(d.context.category).toBe('duplicate_charge');
    expect(d.context.slots.chargeCount).toBe(2);
    // The questions only this problem has (the reference number) follow before the summary.
    expect(lastAsk(after)).toBe('referenceNumber');
  });

  it('when the problem was never skipped, then it is not asked again', () => {
    const d = new DialogDriver();
    const first = real(d, '我是持卡人，在沃尔玛被扣了两次，每次88元');
    const { asked } = answerAll(d, first, () => '跳过');
    expect(asked).not.toContain('category');
  });

  it('when only the problem was skipped and a person accepted, then the case goes to a person at once', () => {
    const d = new DialogDriver();
    real(d, "hi, I'm the cardholder");
    real(d, 'skip');
    expect(real(d, 'yes').handoff).toBe('normal');
  });
});

/** Answers each question from the table ('*' for the rest) and returns the guidance given. */
function guidanceOf(first: string, answers: Record<string, string>): string[] {
  const d = new DialogDriver();
  let s = real(d, first);
  for (let i = 0; i < 20 && s.state !== 'confirming' && s.handoff === null; i++) {
    const slot = lastAsk(s) ?? '*';
    s = real(d, answers[slot] ?? answers['*'] ?? 'skip');
  }
  return d.context.guidance;
}

describe('a merchant who charged the wrong customer\'s card is told to void or refund, as the settlement decides', () => {
  const ZH = { when: '今天中午', merchantName: '外婆家', cardLast4: '3131', amountCharged: '196', '*': '跳过' };
  const EN = { when: 'today noon', merchantName: 'Bella Cafe', cardLast4: '3131', amountCharged: '196', '*': 'skip' };
  it.each([
    ['我是商户，收银员刷错了客人的卡，还没结算', ZH, 'guidance:merchant.voidBeforeSettlement'],
    ['我是商户，刷错卡了，已经结算了', ZH, 'guidance:merchant.refundAfterSettlement'],
    ["I'm the merchant, I charged the wrong customer's card by mistake, batch not closed", EN, 'guidance:merchant.voidBeforeSettlement'],
    ["I'm the merchant, I charged the wrong customer's card, the batch already settled", EN, 'guidance:merchant.refundAfterSettlement'],
  ])('%j → %s', (first, answers, key) => {
    const g = guidanceOf(first, answers);
    expect(g).toEqual(['guidance:merchant.wrongCard', key]);
  });

  it('when the settlement is not known, then both ways are named', () => {
    expect(guidanceOf('我是商户，刷错了顾客的卡', { ...ZH, batchSettled: '不知道' })).toEqual([
      'guidance:merchant.wrongCard',
      'guidance:merchant.voidOrRefund',
    ]);
  });
});

describe('the wrong-card text names both ways in the domain\'s words', () => {
  const renderer = new Renderer();
  it.each([
    ['en', /\bvoid\b.*\brefund\b.*\bright card\b/i],
    ['zh-CN', /撤销.*退货.*正确的卡/],
  ] as const)('%s', (locale, re) => {
    expect(renderer.t('guidance:merchant.wrongCard', locale)).toMatch(re);
  });
});
