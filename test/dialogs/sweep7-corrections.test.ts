// Sweep 7: a correction of an earlier answer typed while a later question is open updates that
// field, says so, and asks the open question again without counting a miss. Driven with the
// real parser, question by question, the way people answer.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';
import type { Money, SlotName } from '../../src/types';
import { DialogDriver, type Step } from '../helpers/dialog-driver';

// Sunday 22 November 2026, 15:00 in Shanghai.
const opts = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const usd = (minor: number): Money => ({ minor, currency: 'USD' });
const lastAsk = (s: Step) => s.replies[s.replies.length - 1]?.expecting?.slot;
const say = (d: DialogDriver, text: string) => d.send({ type: 'user.said', idle: false, parsed: parse(text, opts) });

type Answers = Partial<Record<SlotName, string>>;

/** Opens with `opening`, answers each question from `answers` until `slot` is asked. */
function askedFor(opening: string, answers: Answers, slot: SlotName): DialogDriver {
  const d = new DialogDriver();
  let s = say(d, opening);
  for (let i = 0; i < 14 && lastAsk(s) !== slot; i++) {
    const asked = lastAsk(s);
    const answer = asked === undefined ? undefined : answers[asked];
    if (answer === undefined) throw new Error(`no answer for ${String(asked)}`);
    s = say(d, answer);
  }
  expect(lastAsk(s)).toBe(slot);
  return d;
}

const ZH_ANSWERS: Answers = { role: '顾客', amountCharged: '扣了186', amountExpected: '应该86', cardLast4: '3003', chargeCount: '跳过', cardType: '信用卡', issuer: '光大', hasReceipt: '有', merchantContacted: '没有' };
const EN_ANSWERS: Answers = { role: 'customer', when: 'the 11th around noon', merchantName: 'CVS', amountCharged: '$124.17', cardLast4: '5151', cardType: 'credit', issuer: 'Citi', hasReceipt: 'yes', merchantContacted: 'no' };

/** The correction was taken as such: said, the open question asked again, no miss counted. */
function expectAcknowledged(d: DialogDriver, s: Step, slot: SlotName, field: SlotName): void {
  expect(s.keys).toContain('misswipe:corrected');
  expect(s.replies.find((r) => r.key === 'misswipe:corrected')?.params?.field).toBe(`misswipe:field.${field}`);
  expect(s.keys.filter((k) => k.startsWith('misswipe:reprompt'))).toEqual([]);
  expect(lastAsk(s)).toBe(slot);
  expect(d.context.attempts).toBe(0);
}

describe('a correction of an earlier field while a later question is open', () => {
  it.each([
    ['cardType', '哦对了，日期说错了，是12号不是11号'],
    ['issuer', '对了，日子说错了，不是11号，是12号'],
    ['hasReceipt', '还有，时间写错了，应该是12号'],
  ] as const)('when %s is open and the date is corrected with %j, then the date changes and it is said', (slot, text) => {
    const d = askedFor('11号在苏果超市被多扣了钱', ZH_ANSWERS, slot);
    expect(d.context.slots.when?.date).toBe('2026-11-11');
    const s = say(d, text);
    expect(d.context.slots.when?.date).toBe('2026-11-12');
    expectAcknowledged(d, s, slot, 'when');
  });

  it.each([
    ['merchantContacted', 'oh and it was actually the 12th, not the 11th'],
    ['hasReceipt', 'btw the date was the 12th, not the 11th'],
  ] as const)('when %s is open and the English date is corrected with %j, then the date changes', (slot, text) => {
    const d = askedFor('The pharmacy charged me $32 for a $23 prescription', EN_ANSWERS, slot);
    const s = say(d, text);
    expect(d.context.slots.when?.date).toBe('2026-11-12');
    expectAcknowledged(d, s, slot, 'when');
  });

  it.each([
    'oh wait, the amount was actually $142.17 not $124.17',
    'the amount was actually $142.17 not $124.17',
  ])('when the receipt question is open and the amount is corrected with %j, then the charged amount changes', (text) => {
    const d = askedFor('Double charged at Costco on Friday', EN_ANSWERS, 'hasReceipt');
    expect(d.context.slots.amountCharged).toEqual(usd(12417));
    const s = say(d, text);
    expect(d.context.slots.amountCharged).toEqual(usd(14217));
    expectAcknowledged(d, s, 'hasReceipt', 'amountCharged');
  });

  it.each([
    '商户名刚才说错了，不是沃尔玛，是山姆会员店',
    '另外商户名写错了，不是沃尔玛，是山姆会员店',
  ])('when the card tail is asked and the merchant is corrected with %j, then the merchant changes without a digits hint', (text) => {
    const d = askedFor('前天在沃尔玛显示交易失败但扣了钱，扣了312', ZH_ANSWERS, 'cardLast4');
    const s = say(d, text);
    expect(d.context.slots.merchantName).toBe('山姆会员店');
    expect(d.context.slots.cardLast4).toBeUndefined();
    expectAcknowledged(d, s, 'cardLast4', 'merchantName');
  });
});

describe('plain answers with "not" in them are no corrections', () => {
  it.each([
    ['merchantContacted', 'no, not yet', 'merchantContacted', false],
    ['hasReceipt', 'no, not anymore', 'hasReceipt', false],
    ['hasReceipt', 'yes, not thrown away', 'hasReceipt', true],
  ] as const)('when %s is answered %j, then it is answered and nothing else changes', (slot, text, filled, value) => {
    const d = askedFor('The pharmacy charged me $32 for a $23 prescription', EN_ANSWERS, slot);
    const before = { ...d.context.slots };
    const s = say(d, text);
    expect(d.context.slots[filled]).toBe(value);
    expect(s.keys).not.toContain('misswipe:corrected');
    expect(lastAsk(s)).not.toBe(slot);
    expect({ ...d.context.slots, [filled]: undefined }).toEqual({ ...before, [filled]: undefined });
  });

  it('when the card type is answered "credit, not debit", then only the card type is filled', () => {
    const d = askedFor('The pharmacy charged me $32 for a $23 prescription', EN_ANSWERS, 'cardType');
    const s = say(d, "it's credit, not debit");
    expect(d.context.slots.cardType).toBe('credit');
    expect(s.keys).not.toContain('misswipe:corrected');
    expect(lastAsk(s)).toBe('issuer');
  });
});
