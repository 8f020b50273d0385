// Corrections as people type them, read end to end: the real parser's output absorbed into a
// dialog context (absorb.ts), without hand-made Parsed objects.
import { describe, expect, it } from 'vitest';
import { absorb } from '../../dialogs/misswipe/absorb';
import { initialContext, type DialogContext } from '../../dialogs/misswipe/context';
import { parse } from '../../src/nlu/parse';
import type { Money, SlotName } from '../../src/types';
import { DialogDriver } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-19T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const cny = (yuan: number): Money => ({ minor: yuan * 100, currency: 'CNY' });
const usd = (dollars: number): Money => ({ minor: dollars * 100, currency: 'USD' });

function contextAt(asking: SlotName, slots: DialogContext['slots'], category: DialogContext['category'] = 'wrong_amount'): DialogContext {
  return { ...initialContext({ locale: 'zh-CN' }), role: 'cardholder', category, asking, slots };
}

describe('corrections typed in the middle of another question', () => {
  it('when a qualified field is said to be wrong before the value, then that field changes and the question is not answered', () => {
    const ctx = contextAt('cardLast4', { amountCharged: cny(700), amountExpected: cny(70) });
    const next = absorb(ctx, parse('稍等，刷的金额我说错了，应该是760', opts));
    expect(next.slots.amountCharged).toEqual(cny(760));
    expect(next.slots.amountExpected).toEqual(cny(70));
    expect(next.slots.cardLast4).toBeUndefined();
    expect(next.corrected).toEqual(['amountCharged']);
  });

  it('when an English correction gives the new amount and the old one after "not", then only the charged amount changes', () => {
    const ctx = contextAt('cardType', { amountCharged: usd(72), amountExpected: usd(27) });
    const next = absorb(ctx, parse('sorry, the amount charged was $74 not 72', opts));
    expect(next.slots.amountCharged).toEqual(usd(74));
    expect(next.slots.amountExpected).toEqual(usd(27));
  });

  it('when "不是A，是B" corrects an amount, then B replaces it and A is dropped', () => {
    const ctx = contextAt('issuer', { amountCharged: cny(560) });
    const next = absorb(ctx, parse('不是560，是650', opts));
    expect(next.slots.amountCharged).toEqual(cny(650));
  });

  it('when the asked amount is given with 应该是, then it answers that question and is not moved elsewhere', () => {
    const ctx = contextAt('amountExpected', { amountCharged: cny(1200) }, 'currency_conversion');
    const next = absorb(ctx, parse('应该是150美元', opts));
    expect(next.slots.amountExpected).toEqual(usd(150));
    expect(next.slots.amountCharged).toEqual(cny(1200));
  });
});

describe('corrections at the confirmation', () => {
  it('when the confirmation gets a new card tail without any correction word, then it replaces the old one', () => {
    const ctx = contextAt('confirm', { cardLast4: '4321' });
    const next = absorb(ctx, parse('the card ends with 5678', opts));
    expect(next.slots.cardLast4).toBe('5678');
    expect(next.corrected).toEqual(['cardLast4']);
  });

  it('when the confirmation names the field as wrong and then the digits, then the named field takes them', () => {
    const ctx = contextAt('confirm', { cardLast4: '2468', amountCharged: cny(88) });
    const next = absorb(ctx, parse('尾号填错了，是8642', opts));
    expect(next.slots.cardLast4).toBe('8642');
    expect(next.slots.amountCharged).toEqual(cny(88));
  });
});

describe('bare answers to the date question', () => {
  it('when the date question is answered with a dotted month and day, then it is that date', () => {
    const next = absorb(contextAt('when', {}), parse('10.28', opts));
    expect(next.slots.when).toEqual({ date: '2026-10-28', time: null });
    expect(next.outcome.kind).toBe('filled');
  });

  it('when an amount question is answered with the same digits, then no date is taken from them', () => {
    const next = absorb(contextAt('amountCharged', {}, 'unrecognized_charge'), parse('10.28', opts));
    expect(next.slots.when).toBeUndefined();
    expect(next.slots.amountCharged).toEqual({ minor: 1028, currency: 'CNY' });
  });
});

describe('a slip owned up to at the confirmation', () => {
  it('when "I said X but it was Y" names another weekday, then the date moves to Y', () => {
    const ctx = contextAt('confirm', { when: { date: '2026-11-16', time: null }, amountCharged: usd(30) });
    const next = absorb(ctx, parse('sorry, I said Monday but it was Tuesday', opts));
    expect(next.slots.when).toEqual({ date: '2026-11-17', time: null });
    expect(next.corrected).toEqual(['when']);
  });

  it('when "I said $A but it was $B" fixes the amount, then B is kept and A is not', () => {
    const ctx = contextAt('confirm', { amountCharged: usd(61), amountExpected: usd(16) });
    const next = absorb(ctx, parse('I said $61 but it was $66', opts));
    expect(next.slots.amountCharged).toEqual(usd(66));
    expect(next.slots.amountExpected).toEqual(usd(16));
  });
});

describe('a value taken back in the same message', () => {
  it('when the first message corrects the card tail it just gave, then the tail meant is kept', () => {
    const d = new DialogDriver();
    d.send({ type: 'user.said', idle: false, parsed: parse('我是持卡人，在家乐福被扣了两次，每次88，卡尾号1357，不对，是1358', opts) });
    expect(d.context.slots.cardLast4).toBe('1358');
    expect(d.context.slots.amountCharged).toEqual(cny(88));
    expect(d.context.slots.chargeCount).toBe(2);
    expect(d.context.category).toBe('duplicate_charge');
  });

  it('when another question gets a tail corrected in the same breath, then it replaces the tail known before', () => {
    const ctx = contextAt('when', { cardLast4: '1357' }, 'duplicate_charge');
    const next = absorb(ctx, parse('尾号1357，哦不，1358', opts));
    expect(next.slots.cardLast4).toBe('1358');
    expect(next.corrected).toEqual(['cardLast4']);
  });

  it('when the card-tail question is answered and corrected at once, then the second tail answers it', () => {
    const next = absorb(contextAt('cardLast4', {}, 'duplicate_charge'), parse('card ending 1357, no wait, 1358', opts));
    expect(next.slots.cardLast4).toBe('1358');
    expect(next.outcome.kind).toBe('filled');
  });

  it('when the amount question is answered with a slip and its fix in a wrong-amount case, then the fix is the charge, not the price', () => {
    const next = absorb(contextAt('amountCharged', {}), parse('the amount was 45, sorry, 54 dollars', opts));
    expect(next.slots.amountCharged).toEqual(usd(54));
    expect(next.slots.amountExpected).toBeUndefined();
  });

  it('when the person only asks whether the tail is wrong, then the known tail stays and nothing is corrected', () => {
    const next = absorb(contextAt('issuer', { cardLast4: '1357' }, 'duplicate_charge'), parse('1357 不对吗?', opts));
    expect(next.slots.cardLast4).toBe('1357');
    expect(next.corrected).toEqual([]);
  });

  it('when "X，不是Y" restates the known tail, then the tail is not replaced by Y', () => {
    const next = absorb(contextAt('issuer', { cardLast4: '1357' }, 'duplicate_charge'), parse('尾号是1357，不是1358', opts));
    expect(next.slots.cardLast4).toBe('1357');
    expect(next.corrected).toEqual([]);
  });
});
