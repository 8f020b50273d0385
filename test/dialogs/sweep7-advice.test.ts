// A merchant is never told two ways of handling one sale that contradict each other: no refund
// for an undercharge, no void or refund once a chargeback is under way, and the settlement answer
// decides between 撤销 and 退货. A cardholder who accepted DCC by mistake gets the void-and-re-run
// advice, not the "no choice was offered" dispute line.
import { describe, expect, it } from 'vitest';
import { guidanceFor } from '../../dialogs/misswipe/guidance';
import type { SlotValues } from '../../dialogs/misswipe/context';
import { Renderer } from '../../src/i18n';
import { parse } from '../../src/nlu/parse';
import type { Category, Money } from '../../src/types';
import { DialogDriver } from '../helpers/dialog-driver';

const CATEGORIES: Category[] = [
  'wrong_amount', 'duplicate_charge', 'charged_but_failed', 'wrong_card', 'paid_by_other_means', 'refund_not_received',
  'preauth_hold', 'currency_conversion', 'late_presentment', 'unrecognized_charge', 'other',
];
const cny = (y: number): Money => ({ minor: y * 100, currency: 'CNY' });
const AMOUNTS: [string, Partial<SlotValues>][] = [
  ['no amounts', {}],
  ['overcharge', { amountCharged: cny(880), amountExpected: cny(88) }],
  ['undercharge', { amountCharged: cny(80), amountExpected: cny(88) }],
];
const GIVE_BACK = [
  'guidance:merchant.voidBeforeSettlement', 'guidance:merchant.refundAfterSettlement', 'guidance:merchant.voidOrRefund',
  'guidance:merchant.preauthCompletionVoid', 'guidance:merchant.preauthCompletionRefund', 'guidance:merchant.preauthCompletionFix',
];
const AFTER_SETTLEMENT = ['guidance:merchant.refundAfterSettlement', 'guidance:merchant.preauthCompletionRefund'];
const BEFORE_SETTLEMENT = ['guidance:merchant.voidBeforeSettlement', 'guidance:merchant.preauthCompletionVoid'];

const combos = CATEGORIES.flatMap((category) =>
  [true, false, undefined].flatMap((settled) =>
    AMOUNTS.flatMap(([amounts, slots]) =>
      [false, true].map((chargebackStarted) => ({ category, settled, amounts, slots, chargebackStarted })),
    ),
  ),
);

describe('every merchant combination: role × category × settlement × amounts × chargeback', () => {
  it.each(combos)('$category, settled $settled, $amounts, chargeback $chargebackStarted', ({ category, settled, slots, chargebackStarted }) => {
    const keys = guidanceFor('merchant', category, { ...slots, ...(settled === undefined ? {} : { batchSettled: settled }) }, null, { chargebackStarted });
    const givesBack = keys.some((k) => GIVE_BACK.includes(k));
    if (keys.includes('guidance:merchant.undercharge')) expect(givesBack).toBe(false);
    if (keys.includes('guidance:merchant.chargebackUnderway')) expect(givesBack).toBe(false);
    if (chargebackStarted) expect(givesBack).toBe(false);
    if (settled === true) expect(keys.filter((k) => BEFORE_SETTLEMENT.includes(k))).toEqual([]);
    if (settled === false) expect(keys.filter((k) => AFTER_SETTLEMENT.includes(k))).toEqual([]);
  });

  it.each([
    ['duplicate_charge', true, 'guidance:merchant.refundAfterSettlement'],
    ['paid_by_other_means', true, 'guidance:merchant.refundAfterSettlement'],
    ['paid_by_other_means', false, 'guidance:merchant.voidBeforeSettlement'],
    ['wrong_amount', false, 'guidance:merchant.voidBeforeSettlement'],
  ] as const)('negative: %s without a chargeback, settled %s, still gets %s', (category, settled, key) => {
    expect(guidanceFor('merchant', category, { batchSettled: settled })).toContain(key);
  });
});

const renderer = new Renderer();
describe('merchant texts that go with the settlement advice do not name one way themselves', () => {
  it.each(['en', 'zh-CN'] as const)('%s: paid-other-means and wrong-amount texts leave 撤销/退货 to the settlement line', (locale) => {
    for (const key of ['guidance:merchant.paidOtherMeans', 'guidance:merchant.wrongAmount']) {
      expect(renderer.t(key, locale)).not.toMatch(/请撤销|cancel the card charge|void the/i);
    }
  });

  it.each(['en', 'zh-CN'] as const)('%s: the batch question is about the sale, not "today"', (locale) => {
    for (const role of ['merchant', 'cardholder']) {
      expect(renderer.t(`misswipe:ask.batchSettled.${role}`, locale)).not.toMatch(/today|今天|day's/i);
    }
  });
});

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
function guidanceOf(first: string, answers: Record<string, string>): string[] {
  const d = new DialogDriver();
  let text: string | undefined = first;
  for (let turn = 0; text !== undefined && turn < 20; turn++) {
    const step = d.send({ type: 'user.said', idle: false, parsed: parse(text, opts), today: '2026-11-22' });
    const slot = step.replies.at(-1)?.expecting?.slot;
    text = slot && slot !== 'confirm' ? (answers[slot] ?? answers['*']) : undefined;
  }
  return d.context.guidance;
}

describe('in conversation', () => {
  const EN = { when: 'October 28', merchantName: 'Bella Furniture', cardLast4: '2525', batchSettled: 'yes, long settled', '*': 'skip' };
  it.each([
    "I'm a merchant and I just received a chargeback notice for a $320 sale, the customer says they were charged twice",
    "I'm the merchant: the customer disputed the charge with their bank, we charged them twice for $320",
  ])('a merchant with a chargeback under way is told not to refund, and nothing else: %s', (first) => {
    const g = guidanceOf(first, EN);
    expect(g).toContain('guidance:merchant.chargebackUnderway');
    expect(g.filter((k) => GIVE_BACK.includes(k))).toEqual([]);
  });

  it('negative: a merchant double charge with no chargeback keeps the settlement advice', () => {
    const g = guidanceOf("I'm a merchant, the terminal charged a customer twice for $320", EN);
    expect(g).toContain('guidance:merchant.refundAfterSettlement');
    expect(g).not.toContain('guidance:merchant.chargebackUnderway');
  });

  it('a merchant undercharge after settlement: consent, no refund', () => {
    const g = guidanceOf('我是商家，收银员少收了顾客200块，应该是1200结果刷成了1000', {
      when: '昨天晚上', merchantName: '金顺珠宝', cardLast4: '8181', batchSettled: '已结算', '*': '跳过',
    });
    expect(g).toEqual(['guidance:merchant.undercharge']);
  });

  const ZH = { when: '11月10号', merchantName: "Macy's", amountCharged: '1532.6元', amountExpected: '199.99美元', cardLast4: '2323', '*': '跳过' };
  it.each([
    ['在美国刷卡，商家的POS机直接让我选人民币结算，我没看清就按了，多付了好多，我是持卡人'],
    ["I'm the cardholder, the terminal in Paris asked me to pay in dollars and I pressed yes without thinking, wrong currency"],
  ])('DCC offered and accepted by mistake: void and re-run advice, not the no-choice dispute line: %s', (first) => {
    const g = guidanceOf(first, ZH);
    expect(g).toContain('guidance:cardholder.dccAccepted');
    expect(g).not.toContain('guidance:cardholder.currencyConversion');
  });

  it('negative: charged in a foreign currency without being asked keeps the dispute line', () => {
    const g = guidanceOf('我是持卡人，在美国刷卡，商家没让我选就直接按人民币扣了，币种不对', ZH);
    expect(g).toContain('guidance:cardholder.currencyConversion');
    expect(g).not.toContain('guidance:cardholder.dccAccepted');
  });
});
