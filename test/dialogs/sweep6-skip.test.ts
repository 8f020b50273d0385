// Sweep 6: "跳过"/"skip" said when the bot offers a person skips that question and the intake goes
// on; it is not read as "yes, hand me over" (which sent agents empty cases).
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';
import { DialogDriver } from '../helpers/dialog-driver';
import { parsedOf } from '../helpers/parsed';

type Over = Parameters<typeof parsedOf>[1];
const say = (d: DialogDriver, text: string, over: Over = {}) => d.send({ type: 'user.said', idle: false, parsed: parsedOf(text, over) });
const lastAsk = (s: ReturnType<DialogDriver['send']>) => s.replies[s.replies.length - 1]?.expecting?.slot;

/** A cardholder who skipped the problem question: the bot then offers a person. */
function cardholderWithoutProblem(lang: 'zh-CN' | 'en'): DialogDriver {
  const d = new DialogDriver();
  say(d, lang === 'en' ? 'hi' : '你好', { lang });
  say(d, 'x', { intents: { role: 'cardholder' } });
  const offered = say(d, lang === 'en' ? 'skip' : '跳过', { intents: { skip: true } });
  expect(lastAsk(offered)).toBe('wantsHuman');
  return d;
}

describe('skip at the offer of a person, after the problem was skipped', () => {
  it.each([
    ['跳过', 'zh-CN'],
    ['先跳过', 'zh-CN'],
    ['跳过吧', 'zh-CN'],
    ['skip', 'en'],
    ['Skip this one', 'en'],
    ['next question', 'en'],
  ] as const)('when the answer is %j, then no case is made and the details are asked', (text, lang) => {
    const d = cardholderWithoutProblem(lang);
    const s = say(d, text, { intents: { skip: true } });
    expect(s.handoff).toBeNull();
    expect(s.state).toBe('collectingDetails');
    expect(lastAsk(s)).toBe('when');
    expect(d.context.givenUp).toContain('wantsHuman');
  });

  it('when the intake then goes on, then the offer is not made again and the confirmation hands off with what was said', () => {
    const d = cardholderWithoutProblem('zh-CN');
    say(d, '跳过', { intents: { skip: true } });
    const asked: (string | undefined)[] = [];
    let s = say(d, '昨天', { entities: { when: { ok: true, value: { date: '2026-11-20', time: null } } } });
    for (let i = 0; i < 12 && s.state !== 'confirming'; i++) {
      asked.push(lastAsk(s));
      s = say(d, '不知道', { intents: { skip: true } });
    }
    expect(asked).not.toContain('wantsHuman');
    expect(s.state).toBe('confirming');
    expect(d.context.slots.when).toEqual({ date: '2026-11-20', time: null });
    expect(say(d, '对', { intents: { yesNo: 'yes' } }).handoff).toBe('normal');
  });

  it('when the problem is told later in the intake, then its own questions follow', () => {
    const d = cardholderWithoutProblem('zh-CN');
    say(d, '跳过', { intents: { skip: true } });
    const s = say(d, '扣了两次', { intents: { category: 'duplicate_charge' } });
    expect(d.context.category).toBe('duplicate_charge');
    expect(lastAsk(s)).toBe('when');
    expect(s.handoff).toBeNull();
  });
});

describe('skip at the offer of a person, when the case is not covered', () => {
  it('when a merchant with an unrecognised charge says "skip", then no case is made yet and the sale is asked about', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'merchant' } });
    say(d, 'fraud', { intents: { category: 'unrecognized_charge' } });
    const s = say(d, 'skip', { intents: { skip: true } });
    expect(s.handoff).toBeNull();
    expect(s.state).toBe('collectingDetails');
    // The merchant's advice, not the cardholder's "freeze your card"; the sale's questions.
    expect(s.keys).toEqual(['misswipe:advice.merchant', 'misswipe:ask.when.merchant']);
  });
});

describe('what still goes to a person at the offer', () => {
  it.each([
    ['a yes', '好的', { intents: { yesNo: 'yes' as const } }],
    ['an unsure answer (the safe default)', '不知道', { intents: { skip: true } }],
    ['"not sure"', 'not sure', { intents: { skip: true } }],
    ['a message with "跳过" not at its start', '不要跳过', {}],
  ])('when the answer is %s, then the case is handed off', (_what, text, over) => {
    const d = cardholderWithoutProblem('zh-CN');
    expect(say(d, text, over).handoff).toBe('normal');
  });

  it('when the answer is no, then the conversation closes without a case', () => {
    const d = cardholderWithoutProblem('zh-CN');
    const s = say(d, '不用了', { intents: { yesNo: 'no' } });
    expect(s.handoff).toBeNull();
    expect(s.state).toBe('closed');
  });
});

describe('yes/no answers in everyday words fill their question at the first try', () => {
  const opts = { now: new Date('2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
  const real = (d: DialogDriver, text: string) => d.send({ type: 'user.said', idle: false, parsed: parse(text, opts) });

  /** Skips every question until `slot` is asked. */
  function askedFor(slot: string, category: 'preauth_hold' | 'wrong_amount'): DialogDriver {
    const d = new DialogDriver();
    let s = say(d, 'x', { lang: 'zh-CN', intents: { role: 'cardholder', category } });
    for (let i = 0; i < 12 && lastAsk(s) !== slot; i++) s = say(d, '跳过', { intents: { skip: true } });
    expect(lastAsk(s)).toBe(slot);
    return d;
  }

  it.each([
    ['hasReceipt', '押金单还留着', 'preauth_hold'],
    ['hasReceipt', '单子还在', 'wrong_amount'],
    ['merchantContacted', '打过电话，说查一下再回复', 'wrong_amount'],
    ['merchantContacted', '店员根本不管，说找银行', 'wrong_amount'],
  ] as const)('when %s is answered %j, then it is yes and the next question follows', (slot, text, category) => {
    const d = askedFor(slot, category);
    const s = real(d, text);
    expect(d.context.slots[slot]).toBe(true);
    expect(s.keys).not.toContain('misswipe:reprompt.yesno');
    expect(lastAsk(s)).not.toBe(slot);
  });
});
