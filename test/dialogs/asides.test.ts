// Replies that step aside from the question: asking back what is meant, refusing to say, or
// correcting a name by setting it against the old one. Read with the real parser.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absorb } from '../../dialogs/misswipe/absorb';
import { initialContext, type DialogContext } from '../../dialogs/misswipe/context';
import { SLOT_SPECS } from '../../dialogs/misswipe/slots';
import { parse } from '../../src/nlu/parse';
import type { SlotName } from '../../src/types';
import { DialogDriver } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const say = (d: DialogDriver, text: string) => d.send({ type: 'user.said', idle: false, parsed: parse(text, opts) });
const lastAsk = (step: ReturnType<DialogDriver['send']>) => step.replies[step.replies.length - 1]?.expecting?.slot;

function contextAt(asking: SlotName, slots: DialogContext['slots']): DialogContext {
  return { ...initialContext({ locale: 'en' }), localeFixed: true, role: 'cardholder', category: 'duplicate_charge', asking, slots };
}

/** Answers until the bot asks for `slot`. */
function until(d: DialogDriver, slot: string, answers: Record<string, string>): ReturnType<DialogDriver['send']> {
  let step = say(d, 'I was charged twice at Target, I am the customer');
  for (let i = 0; i < 15 && lastAsk(step) !== slot; i++) step = say(d, answers[lastAsk(step) ?? ''] ?? 'skip');
  return step;
}

const ANSWERS = { when: 'yesterday', amountCharged: '$20', chargeCount: '2', merchantName: 'Target' };

describe('asking back', () => {
  it('when the person asks why a detail is needed, then it is explained and asked again', () => {
    const d = new DialogDriver();
    until(d, 'cardLast4', ANSWERS);
    const s = say(d, 'why would you need those digits?');
    expect(s.keys).toEqual(['misswipe:explain.cardLast4', 'misswipe:ask.cardLast4.cardholder']);
    expect(d.context.attempts).toBe(1);
    expect(lastAsk(say(d, '9021'))).toBe('cardType');
    expect(d.context.slots.cardLast4).toBe('9021');
  });

  it('when the person only ever asks back, then after the third time the detail is left for the agent and the next one is asked', () => {
    const d = new DialogDriver();
    until(d, 'cardLast4', ANSWERS);
    say(d, 'why do you need that?');
    say(d, 'but why?');
    const third = say(d, 'what is that for?');
    expect(third.keys.slice(0, 2)).toEqual(['misswipe:explain.cardLast4', 'misswipe:gaveUp']);
    expect(lastAsk(third)).toBe('cardType');
    expect(d.context.slots.cardLast4).toBeUndefined();
  });

  it('when the bank question is answered with a question, then the question is not kept as the bank', () => {
    const next = absorb(contextAt('issuer', {}), parse('which bank do you mean?', opts));
    expect(next.slots.issuer).toBeUndefined();
    expect(next.outcome).toEqual({ kind: 'asked', hint: 'misswipe:explain.issuer' });
  });

  it('when the role question is met with "什么意思", then the two roles are explained', () => {
    const d = new DialogDriver();
    say(d, '你好');
    const s = say(d, '这是什么意思');
    expect(s.keys[0]).toBe('misswipe:explain.role');
    expect(lastAsk(s)).toBe('role');
  });

  it.each(['en', 'zh-CN'])('when the %s texts are loaded, then every question has an explanation', (locale) => {
    const texts = JSON.parse(readFileSync(`locales/${locale}/misswipe.json`, 'utf8')) as { explain: Record<string, string> };
    for (const slot of [...Object.keys(SLOT_SPECS), 'role', 'category']) expect(texts.explain[slot], slot).toBeTruthy();
  });
});

describe('refusing to say', () => {
  it.each([
    ['issuer', "I'd rather not say"],
    ['merchantName', '这个不方便透露'],
  ] as const)('when %s is refused with "%s", then the field stays empty and is not asked again', (slot, text) => {
    const next = absorb(contextAt(slot, {}), parse(text, opts));
    expect(next.slots[slot]).toBeUndefined();
    expect(next.outcome).toEqual({ kind: 'skipped' });
  });
});

describe('a name corrected by contrast', () => {
  it('when the confirmation is answered "X not Y" and Y is the stored shop, then the shop becomes X', () => {
    const next = absorb(contextAt('confirm', { merchantName: 'Kroger' }), parse('oops, it was Safeway not Kroger', opts));
    expect(next.slots.merchantName).toBe('Safeway');
    expect(next.corrected).toEqual(['merchantName']);
  });

  it('when "不对，不是A，是B" names the stored shop as A, then the shop becomes B', () => {
    const next = absorb(contextAt('confirm', { merchantName: '瑞幸' }), parse('不对，不是瑞幸，是星巴克', opts));
    expect(next.slots.merchantName).toBe('星巴克');
  });

  it('when the replaced value matches no stored name, then nothing changes', () => {
    const next = absorb(contextAt('confirm', { merchantName: 'Kroger' }), parse('it was Safeway not Costco', opts));
    expect(next.slots.merchantName).toBe('Kroger');
  });
});
