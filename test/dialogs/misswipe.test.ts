// Dialog unit tests per state group: send events to the machine (through a JSON snapshot round
// trip, as the engine does) and assert the state and the emitted reply keys.
import { describe, expect, it } from 'vitest';
import { needsFor } from '../../dialogs/misswipe/slots';
import { CATEGORIES, type Money, type Parsed, type Role } from '../../src/types';
import { DialogDriver } from '../helpers/dialog-driver';
import { parsedOf } from '../helpers/parsed';

type Over = Parameters<typeof parsedOf>[1];
const say = (d: DialogDriver, text: string, over: Over = {}, idle = false) =>
  d.send({ type: 'user.said', idle, parsed: parsedOf(text, over) });
const cny = (yuan: number): Money => ({ minor: yuan * 100, currency: 'CNY' });
const lastAsk = (keys: { expecting?: { slot: string } }[]) => keys[keys.length - 1]?.expecting?.slot;

/** Answers whatever is asked with a plausible value until the confirmation. */
function answerUntilConfirm(d: DialogDriver, first: ReturnType<DialogDriver['send']>): ReturnType<DialogDriver['send']> {
  let step = first;
  for (let i = 0; i < 20 && step.state !== 'confirming'; i++) {
    const slot = lastAsk(step.replies);
    const answers: Record<string, Over> = {
      role: { intents: { role: 'cardholder' } },
      category: { intents: { category: 'wrong_amount' } },
      when: { entities: { when: { ok: true, value: { date: '2026-11-20', time: '12:00' } } } },
      amountCharged: { answers: { money: cny(88), last4: null, count: null, merchantName: null } },
      amountExpected: { answers: { money: cny(8), last4: null, count: null, merchantName: null } },
      chargeCount: { answers: { count: 2, money: null, last4: null, merchantName: null } },
      merchantName: { answers: { merchantName: 'Shop', money: null, last4: null, count: null } },
      cardLast4: { answers: { last4: '1234', money: null, count: null, merchantName: null } },
      cardType: { entities: { cardType: 'debit' } },
      issuer: { entities: { issuer: 'ICBC' } },
      referenceNumber: { intents: { skip: true } },
      hasReceipt: { intents: { yesNo: 'yes' } },
      merchantContacted: { intents: { yesNo: 'no' } },
      cardInPossession: { intents: { yesNo: 'yes' } },
      batchSettled: { intents: { yesNo: 'no' } },
    };
    if (!slot || !answers[slot]) throw new Error(`unexpected question ${String(slot)} in ${step.state}`);
    step = say(d, slot === 'issuer' ? 'ICBC' : 'x', answers[slot]);
  }
  return step;
}

describe('greeting, role and category', () => {
  it('when the session starts, then the greeting with the privacy notice comes first and the role is asked', () => {
    const d = new DialogDriver();
    const s = d.send({ type: 'session.started', locale: 'en' });
    expect(s.keys).toEqual(['common:greeting', 'misswipe:ask.role']);
    expect(s.state).toBe('askingRole');
    expect(s.replies[1]?.choices?.map((c) => c.payload)).toEqual(['cardholder', 'merchant']);
    expect(d.context.locale).toBe('en');
  });

  it('when the first message has no role or category, then the role and then the category are asked', () => {
    const d = new DialogDriver();
    const s1 = say(d, '你好', { lang: 'zh-CN' });
    expect(s1.keys).toEqual(['common:greeting', 'misswipe:ask.role']);
    expect(d.context.locale).toBe('zh-CN');
    const s2 = say(d, '我是顾客', { intents: { role: 'cardholder' } });
    expect(s2.state).toBe('askingCategory');
    expect(s2.replies[s2.replies.length - 1]?.choices).toHaveLength(CATEGORIES.length);
  });

  it('when a role answer is not understood, then a hint and the question come again', () => {
    const d = new DialogDriver();
    d.send({ type: 'session.started', locale: 'zh-CN' });
    const s = say(d, '嗯嗯嗯');
    expect(s.keys).toEqual(['misswipe:reprompt.choice', 'misswipe:ask.role']);
  });
});

describe('over-answering', () => {
  it('when the first message fills category, date, merchant, amount and count, then none of them is asked again', () => {
    const d = new DialogDriver();
    const asked: string[] = [];
    let s = say(d, '昨天在家乐福刷了两次，每次66块', {
      lang: 'zh-CN',
      intents: { category: 'duplicate_charge', role: 'cardholder' },
      entities: {
        when: { ok: true, value: { date: '2026-11-20', time: null } },
        merchantName: '家乐福',
        money: [{ value: cny(66), role: 'charged' }],
        count: 2,
      },
    });
    asked.push(String(lastAsk(s.replies)));
    s = answerUntilConfirm(d, s);
    for (const st of [s]) asked.push(String(lastAsk(st.replies)));
    expect(asked).not.toContain('when');
    expect(d.context.slots).toMatchObject({ merchantName: '家乐福', chargeCount: 2, amountCharged: cny(66) });
    expect(s.state).toBe('confirming');
  });

  it('when a wrong-amount story gives two plain amounts, then the first is the price and the second the charge', () => {
    const d = new DialogDriver();
    say(d, '我付了100块，结果账单上显示1000块', {
      lang: 'zh-CN',
      intents: { category: 'wrong_amount', role: 'cardholder' },
      entities: { money: [{ value: cny(100), role: null }, { value: cny(1000), role: null }] },
    });
    expect(d.context.slots).toMatchObject({ amountExpected: cny(100), amountCharged: cny(1000) });
  });

  it('when an answer to one question also gives another detail, then both are taken', () => {
    const d = new DialogDriver();
    say(d, 'charged twice', { lang: 'en', intents: { category: 'duplicate_charge', role: 'cardholder' } });
    const s = say(d, 'yesterday at noon at Walmart', {
      entities: { when: { ok: true, value: { date: '2026-11-20', time: '12:00' } }, merchantName: 'Walmart' },
    });
    expect(d.context.slots.merchantName).toBe('Walmart');
    expect(lastAsk(s.replies)).toBe('amountCharged');
  });
});

describe('urgent branch', () => {
  it('when a charge is unrecognised, then freezing is advised first, only the urgent slots are asked, and priority is urgent', () => {
    const d = new DialogDriver();
    let s = say(d, '不是我刷的', { lang: 'zh-CN', intents: { category: 'unrecognized_charge' }, entities: { money: [{ value: cny(5000), role: 'charged' }] } });
    expect(s.keys[1]).toBe('misswipe:urgent.freeze');
    const asked = [lastAsk(s.replies)];
    for (let i = 0; i < 6 && s.state !== 'confirming'; i++) {
      s = say(d, '不知道', { intents: { skip: true } });
      asked.push(lastAsk(s.replies));
    }
    expect(asked.slice(0, -1)).toEqual(['cardInPossession', 'when', 'cardLast4', 'issuer']);
    expect(s.keys).toContain('guidance:cardholder.unrecognized');
    s = say(d, '对', { intents: { yesNo: 'yes' } });
    expect(s.handoff).toBe('urgent');
  });

  it('when a merchant reports an unrecognised charge, then the bot says honestly it is not covered and offers a human', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'merchant' } });
    const s = say(d, 'fraud', { intents: { category: 'unrecognized_charge' } });
    expect(s.state).toBe('notCovered');
    expect(s.keys).toEqual(['misswipe:notCovered.merchantUnrecognized', 'misswipe:ask.wantsHuman']);
    expect(say(d, 'yes', { intents: { yesNo: 'yes' } }).handoff).toBe('normal');
  });
});

describe('slot validation', () => {
  it('when an amount answer has no number, then the money hint is given, and after 3 misses the slot is left empty', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_amount' }, entities: { when: { ok: true, value: { date: '2026-11-20', time: null } }, merchantName: 'Shop' } });
    const a = say(d, 'lots');
    expect(a.keys).toEqual(['misswipe:reprompt.money', 'misswipe:ask.amountCharged.cardholder']);
    say(d, 'very much');
    const c = say(d, 'a lot!');
    expect(c.keys[0]).toBe('misswipe:gaveUp');
    expect(lastAsk(c.replies)).toBe('amountExpected');
    expect(d.context.givenUp).toContain('amountCharged');
  });

  it('when the user restates something already known instead of answering, then the question comes again without an error hint', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'zh-CN', intents: { role: 'cardholder', category: 'duplicate_charge' } });
    const s = say(d, '顾客', { intents: { role: 'cardholder' } });
    expect(s.keys).toEqual(['misswipe:ask.when.cardholder']);
    expect(d.context.attempts).toBe(1);
  });

  it('when a date in the future is given, then the future hint is given', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_card' } });
    const s = say(d, 'tomorrow', { entities: { when: { ok: false, reason: 'future' } } });
    expect(s.keys[0]).toBe('misswipe:reprompt.when_future');
  });

  it('when the user says skip, then the slot is left empty and the next one is asked', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_card' } });
    const s = say(d, "don't know", { intents: { skip: true } });
    expect(lastAsk(s.replies)).toBe('merchantName');
    expect(d.context.givenUp).toEqual(['when']);
  });

  it('when a yes/no question is asked, then it carries yes/no quick replies and expecting kind yesno', () => {
    const d = new DialogDriver();
    const s = say(d, 'x', { lang: 'en', intents: { role: 'merchant', category: 'wrong_card' }, entities: { when: { ok: true, value: { date: '2026-11-20', time: null } }, money: [{ value: cny(10), role: null }], merchantName: 'M' }, redaction: { last4: '1234' } });
    const last = s.replies[s.replies.length - 1];
    expect(last?.expecting).toEqual({ slot: 'batchSettled', kind: 'yesno' });
    expect(last?.choices?.map((c) => c.payload)).toEqual(['yes', 'no', 'skip']);
  });
});

describe('corrections', () => {
  it('when the user corrects the amount mid-way, then it is updated and the current question continues', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'zh-CN', intents: { role: 'cardholder', category: 'duplicate_charge' }, entities: { money: [{ value: cny(88), role: 'charged' }] } });
    const s = say(d, '不对，金额是200', { intents: { correction: true }, entities: { money: [{ value: cny(200), role: null }] }, fieldMention: 'amountCharged' });
    expect(s.keys[0]).toBe('misswipe:corrected');
    expect(d.context.slots.amountCharged).toEqual(cny(200));
    expect(lastAsk(s.replies)).toBe('when');
  });

  it('when a correction cannot be read, then the old value is kept and the user is told', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'zh-CN', intents: { role: 'cardholder', category: 'duplicate_charge' }, entities: { money: [{ value: cny(88), role: 'charged' }] } });
    const s = say(d, '不对，金额是好多', { intents: { correction: true }, fieldMention: 'amountCharged' });
    expect(s.keys[0]).toBe('misswipe:correctionRejected');
    expect(d.context.slots.amountCharged).toEqual(cny(88));
  });

  it('when the confirmation is answered with a correction, then the summary is shown again with the new value', () => {
    const d = new DialogDriver();
    const first = say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_amount' } });
    answerUntilConfirm(d, first);
    const s = say(d, 'actually the card ends in 9876', { intents: { correction: true }, entities: { last4: '9876' }, fieldMention: 'cardLast4' });
    expect(s.keys).toEqual(['misswipe:corrected', 'misswipe:confirm.summary', 'misswipe:confirm.ask']);
    expect(d.context.slots.cardLast4).toBe('9876');
  });

  it('when the confirmation is answered no, then the user picks a field and is asked it again', () => {
    const d = new DialogDriver();
    answerUntilConfirm(d, say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_amount' } }));
    const s = say(d, 'no', { intents: { yesNo: 'no' } });
    expect(s.state).toBe('fixing');
    expect(s.replies[0]?.choices?.map((c) => c.payload)).toContain('fix:amountCharged');
    const t = say(d, 'fix:amountCharged');
    expect(lastAsk(t.replies)).toBe('amountCharged');
    const u = say(d, '99', { answers: { money: cny(99), last4: null, count: null, merchantName: null } });
    expect(u.state).toBe('confirming');
    expect(d.context.slots.amountCharged).toEqual(cny(99));
  });
});

describe('global commands', () => {
  it('when the user asks for a human at any question, then a handoff is requested with what is known', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'duplicate_charge' } });
    const s = say(d, 'real person please', { intents: { human: true } });
    expect(s.state).toBe('handingOff');
    expect(s.handoff).toBe('normal');
    expect(s.replies.some((r) => r.expecting)).toBe(false);
    const done = d.send({ type: 'case.created', caseId: 'SD-1', position: 2, agentsOpen: true });
    expect(done.keys).toEqual(['misswipe:handoff.queued']);
    expect(done.replies[0]?.announcesCase).toBe(true);
    // The details now live in the case; the conversation keeps its language and case number only.
    expect(d.context).toMatchObject({ caseId: 'SD-1', locale: 'en', category: null, role: null, slots: {}, guidance: [] });
  });

  it('when the user says restart, then everything known is forgotten and the role is asked', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'duplicate_charge' } });
    const s = say(d, 'start over', { intents: { restart: true } });
    expect(s.state).toBe('askingRole');
    expect(d.context.category).toBeNull();
    expect(d.context.locale).toBe('en');
  });

  it('when the user says back, then the previous question is asked again', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_card' } });
    say(d, 'yesterday', { entities: { when: { ok: true, value: { date: '2026-11-20', time: null } } } });
    const s = say(d, 'back', { intents: { back: true } });
    expect(lastAsk(s.replies)).toBe('when');
    expect(d.context.slots.when).toBeUndefined();
  });

  it('when the user asks for help, then help is given and the same question asked again', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_card' } });
    const s = say(d, 'help', { intents: { help: true } });
    expect(s.keys).toEqual(['common:help', 'misswipe:ask.when.cardholder']);
  });

  it('when the user switches language, then the same question is asked and the locale changes', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'zh-CN', intents: { role: 'cardholder', category: 'wrong_card' } });
    const s = say(d, 'English please', { langSwitch: 'en', lang: 'en' });
    expect(s.keys).toEqual(['misswipe:ask.when.cardholder']);
    expect(d.context.locale).toBe('en');
  });

  it('when digits or "ok" arrive in a Chinese conversation, then the language does not change', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'zh-CN', intents: { role: 'cardholder', category: 'wrong_card' } });
    say(d, 'ok', { lang: null });
    expect(d.context.locale).toBe('zh-CN');
  });

  it('when the user returns after the idle timeout, then continue or start over is offered', () => {
    const d = new DialogDriver();
    say(d, 'x', { lang: 'en', intents: { role: 'cardholder', category: 'wrong_card' } });
    const s = say(d, 'hi again', {}, true);
    expect(s.state).toBe('offeringResume');
    const r = say(d, 'continue', { intents: { resume: true } });
    expect(lastAsk(r.replies)).toBe('when');
  });
});

describe('guidance and the slot table', () => {
  it.each(CATEGORIES.flatMap((c) => (['cardholder', 'merchant'] as Role[]).map((r) => [r, c] as const)))(
    'when %s reports %s, then the slot table has an entry or an honest not-covered answer',
    (role, category) => {
      const needs = needsFor(role, category);
      if (role === 'merchant' && category === 'unrecognized_charge') expect(needs).toBeNull();
      else expect(needs?.length).toBeGreaterThan(0);
    },
  );

  it('when a merchant confirms an undercharge before settlement, then consent advice is given and no void or refund', () => {
    const d = new DialogDriver();
    const first = say(d, 'x', {
      lang: 'en',
      intents: { role: 'merchant', category: 'wrong_amount' },
      entities: { money: [{ value: cny(8.8), role: 'charged' }, { value: cny(88), role: 'expected' }] },
    });
    const s = answerUntilConfirm(d, first);
    expect(s.keys).toContain('guidance:merchant.undercharge');
    // Nothing was overcharged: giving money back (撤销/退货) is not the fix for an undercharge.
    expect(s.keys).not.toContain('guidance:merchant.voidBeforeSettlement');
    expect(d.context.guidance).toContain('guidance:merchant.undercharge');
  });

  it('when a cardholder turns out to be undercharged, then the bot says so honestly and offers a human', () => {
    const d = new DialogDriver();
    const s = say(d, 'x', {
      lang: 'en',
      intents: { role: 'cardholder', category: 'wrong_amount' },
      entities: { money: [{ value: cny(5), role: 'charged' }, { value: cny(50), role: 'expected' }] },
    });
    expect(s.keys).toContain('misswipe:notCovered.cardholderUndercharge');
    expect(say(d, 'no', { intents: { yesNo: 'no' } }).state).toBe('closed');
  });
});

export type { Parsed };
