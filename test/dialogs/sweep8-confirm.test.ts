// Sweep 8: a confirmation answered with a yes that goes on with a change ("都对，不过金额应该是
// 1580不是1850", "right, only the date should be the 19th") applies the change and shows the
// summary again; it never hands the case off. Driven with the real parser, question by question.
import { describe, expect, it } from 'vitest';
import { absorb } from '../../dialogs/misswipe/absorb';
import { initialContext, type DialogContext } from '../../dialogs/misswipe/context';
import { parse } from '../../src/nlu/parse';
import type { Money, SlotName } from '../../src/types';
import { DialogDriver, type Step } from '../helpers/dialog-driver';

// Sunday 22 November 2026, 15:00 in Shanghai.
const opts = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const cny = (yuan: number): Money => ({ minor: yuan * 100, currency: 'CNY' });
const usd = (dollars: number): Money => ({ minor: dollars * 100, currency: 'USD' });
const lastAsk = (s: Step) => s.replies[s.replies.length - 1]?.expecting?.slot;
const say = (d: DialogDriver, text: string) => d.send({ type: 'user.said', idle: false, parsed: parse(text, opts) });

type Answers = Partial<Record<SlotName, string>>;

/** Opens with `opening` and answers every question from `answers` until the confirmation. */
function atConfirmation(opening: string, answers: Answers): DialogDriver {
  const d = new DialogDriver();
  let s = say(d, opening);
  for (let i = 0; i < 16 && lastAsk(s) !== 'confirm'; i++) {
    const asked = lastAsk(s);
    const answer = asked === undefined ? undefined : answers[asked];
    if (answer === undefined) throw new Error(`no answer for ${String(asked)}`);
    s = say(d, answer);
  }
  expect(lastAsk(s)).toBe('confirm');
  return d;
}

const ZH_DUPLICATE: Answers = {
  role: '顾客', when: '昨天下午三点', amountCharged: '1850', chargeCount: '两次', cardLast4: '6060', cardType: '信用卡',
  issuer: '民生银行', hasReceipt: '有', merchantContacted: '没有', referenceNumber: '跳过',
};
const EN_WRONG_AMOUNT: Answers = {
  role: 'customer', when: 'Wednesday', merchantName: 'Best Buy', amountCharged: '$499', amountExpected: '$449', cardLast4: '1212',
  cardType: 'credit', issuer: 'Capital One', hasReceipt: 'yes', merchantContacted: 'no', referenceNumber: 'skip',
};

/** The change was applied and the summary shown again: no hand-off. */
function expectShownAgain(s: Step): void {
  expect(s.handoff).toBeNull();
  expect(s.keys).toContain('misswipe:corrected');
  expect(s.keys).toContain('misswipe:confirm.summary');
  expect(lastAsk(s)).toBe('confirm');
}

describe('a yes at the confirmation that goes on with a change', () => {
  it.each([
    '都对，不过金额应该是1580不是1850',
    '都对，但是金额应该是1580',
    '对的，只是金额应该是1580',
    '没问题，就是金额不对，是1580',
    '都对，除了金额，应该是1580',
    '对，但是1850应该是1580',
    '对，不过1850不对，应该是1580',
  ])('when the Chinese confirmation is answered %j, then the amount becomes 1580 and the summary is shown again', (text) => {
    const d = atConfirmation('在国美刷卡被扣了两次', ZH_DUPLICATE);
    expect(d.context.slots.amountCharged).toEqual(cny(1850));
    const s = say(d, text);
    expectShownAgain(s);
    expect(d.context.slots.amountCharged).toEqual(cny(1580));
    // The old amount is not kept as some other amount.
    expect(d.context.slots.amountExpected).toBeUndefined();
    expect(d.context.slots.chargeCount).toBe(2);
  });

  it.each([
    ['yes but the date is wrong, it was Thursday the 19th', 'when'],
    ["that's right, only the date should be Thursday the 19th", 'when'],
    ['all correct except the date, it was Thursday the 19th', 'when'],
    ['yes except the card, it ends in 4321', 'cardLast4'],
  ] as const)('when the English confirmation is answered %j, then %s changes and the summary is shown again', (text, field) => {
    const d = atConfirmation('I was charged the wrong amount at Best Buy, $499 instead of $449', EN_WRONG_AMOUNT);
    const s = say(d, text);
    expectShownAgain(s);
    if (field === 'when') expect(d.context.slots.when?.date).toBe('2026-11-19');
    else expect(d.context.slots.cardLast4).toBe('4321');
    expect(d.context.slots.amountCharged).toEqual(usd(499));
    expect(d.context.slots.amountExpected).toEqual(usd(449));
  });

  it.each(['对', '都对', '没问题', 'yes', "that's right"])('when the confirmation is a plain %j, then the case is handed off', (text) => {
    const d = atConfirmation('在国美刷卡被扣了两次', ZH_DUPLICATE);
    expect(say(d, text).handoff).toBe('normal');
  });
});

function confirming(slots: DialogContext['slots'], category: DialogContext['category']): DialogContext {
  return { ...initialContext({ locale: 'zh-CN' }), role: 'cardholder', category, asking: 'confirm', slots };
}

describe('the amount said to be replaced at the confirmation', () => {
  it('when the price shown is the one replaced, then the price changes and the charge does not', () => {
    const next = absorb(confirming({ amountCharged: cny(1850), amountExpected: cny(185) }, 'wrong_amount'), parse('都对，不过应付金额应该是158不是185', opts));
    expect(next.slots.amountExpected).toEqual(cny(158));
    expect(next.slots.amountCharged).toEqual(cny(1850));
  });

  it('when an English yes-but replaces the amount shown, then the old amount goes nowhere', () => {
    const next = absorb(confirming({ amountCharged: usd(1850) }, 'duplicate_charge'), parse('yes but the amount should be $1580 not $1850', opts));
    expect(next.slots.amountCharged).toEqual(usd(1580));
    expect(next.slots.amountExpected).toBeUndefined();
  });

  it('when a wrong-amount confirmation restates the charge and gives a new price, then the charge is kept', () => {
    const next = absorb(confirming({ amountCharged: cny(499), amountExpected: cny(449) }, 'wrong_amount'), parse('扣了499，应该是450', opts));
    expect(next.slots.amountCharged).toEqual(cny(499));
    expect(next.slots.amountExpected).toEqual(cny(450));
  });
});
