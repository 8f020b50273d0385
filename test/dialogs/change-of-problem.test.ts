// A change of problem type said while the bot asks something else ("actually it wasn't twice, …"):
// the category follows, the new story's details are taken, what only the old story said is
// dropped, and the dialog goes on from the question it was asking. Read with the real parser.
import { describe, expect, it } from 'vitest';
import { absorb } from '../../dialogs/misswipe/absorb';
import { initialContext, type DialogContext } from '../../dialogs/misswipe/context';
import { parse } from '../../src/nlu/parse';
import type { Money } from '../../src/types';
import { DialogDriver } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const say = (d: DialogDriver, text: string) => d.send({ type: 'user.said', idle: false, parsed: parse(text, opts) });
const lastAsk = (step: ReturnType<DialogDriver['send']>) => step.replies[step.replies.length - 1]?.expecting?.slot;
const usd = (dollars: number): Money => ({ minor: dollars * 100, currency: 'USD' });
const cny = (yuan: number): Money => ({ minor: yuan * 100, currency: 'CNY' });

describe('a new problem type at the date question', () => {
  it('when a duplicate is taken back for a wrong amount, then the category, the amounts and the count follow, and the date is asked again', () => {
    const d = new DialogDriver();
    expect(lastAsk(say(d, 'I was charged twice at Target, I am the customer'))).toBe('when');
    expect(d.context.slots.chargeCount).toBe(2);

    const s = say(d, "actually it wasn't twice, I was charged $70 instead of $7 once");
    expect(d.context.category).toBe('wrong_amount');
    expect(d.context.slots.amountCharged).toEqual(usd(70));
    expect(d.context.slots.amountExpected).toEqual(usd(7));
    expect(d.context.slots.chargeCount).toBeUndefined();
    expect(d.context.slots.merchantName).toBe('Target');
    expect(s.replies[0]).toEqual({ key: 'misswipe:corrected', params: { field: 'misswipe:field.category' } });
    expect(s.keys).not.toContain('misswipe:reprompt.when');
    expect(lastAsk(s)).toBe('when');
    expect(d.context.attempts).toBe(0);

    // The wrong-amount questions go on; both amounts are known, so neither is asked.
    const next = say(d, 'yesterday');
    expect(d.context.slots.when).toEqual({ date: '2026-11-21', time: null });
    expect(lastAsk(next)).toBe('cardLast4');
  });

  it('when a Chinese duplicate story is taken back for a wrong amount, then the new amounts replace the old charge', () => {
    const d = new DialogDriver();
    expect(lastAsk(say(d, '我是顾客，在沃尔玛被扣了两次，每次88元'))).toBe('when');
    const s = say(d, '其实不是扣了两次，是金额不对，70块刷成了700');
    expect(d.context.category).toBe('wrong_amount');
    expect(d.context.slots.amountCharged).toEqual(cny(700));
    expect(d.context.slots.amountExpected).toEqual(cny(70));
    expect(d.context.slots.chargeCount).toBeUndefined();
    expect(lastAsk(s)).toBe('when');
  });

  it('when the duplicate is taken back for a possible fraud, then the card-blocking advice comes first and the urgent questions follow', () => {
    const d = new DialogDriver();
    say(d, '我是顾客，在沃尔玛被扣了两次，每次88元');
    const s = say(d, '不是重复扣款，是盗刷，我根本没去过沃尔玛');
    expect(d.context.category).toBe('unrecognized_charge');
    expect(s.keys).toContain('misswipe:urgent.freeze');
    expect(lastAsk(s)).toBe('cardInPossession');
    expect(d.context.slots.merchantName).toBe('沃尔玛');
  });

  it('when the date answer mentions the charges again without taking anything back, then the problem type and count stay', () => {
    const d = new DialogDriver();
    say(d, 'I was charged twice at Target, I am the customer');
    const s = say(d, 'yesterday, both times $20');
    expect(d.context.category).toBe('duplicate_charge');
    expect(d.context.slots.chargeCount).toBe(2);
    expect(s.keys).not.toContain('misswipe:corrected');
    expect(lastAsk(s)).not.toBe('when');
  });
});

describe('what a new problem type makes stale', () => {
  const at = (over: Partial<DialogContext>): DialogContext => ({
    ...initialContext({ locale: 'en' }),
    localeFixed: true,
    role: 'cardholder',
    category: 'duplicate_charge',
    adviceGiven: true,
    ...over,
  });

  it('when the problem changes at the confirmation, then the old guidance is to be replaced', () => {
    const ctx = at({ asking: 'confirm', guidanceGiven: true, guidance: ['guidance:duplicate_charge.cardholder'], slots: { chargeCount: 2 } });
    const next = absorb(ctx, parse("it wasn't a double charge, they charged me $70 instead of $7", opts));
    expect(next.category).toBe('wrong_amount');
    expect(next.guidanceGiven).toBe(false);
    expect(next.slots.chargeCount).toBeUndefined();
  });

  it('when the new story states its own count, then that count is kept', () => {
    const ctx = at({ asking: 'when', slots: { chargeCount: 2 } });
    const next = absorb(ctx, parse('不是重复扣款，是显示失败了但钱被扣了，只扣了一次', opts));
    expect(next.category).toBe('charged_but_failed');
    expect(next.slots.chargeCount).toBe(1);
  });

  it('when the problem stays the same, then the advice and guidance given stand', () => {
    const ctx = at({ asking: 'when', guidanceGiven: true, slots: { chargeCount: 2 } });
    const next = absorb(ctx, parse('不是两次，是三次', opts));
    expect(next.category).toBe('duplicate_charge');
    expect(next.slots.chargeCount).toBe(3);
    expect(next.guidanceGiven).toBe(true);
    expect(next.adviceGiven).toBe(true);
  });
});
