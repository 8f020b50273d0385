// Dispute deadlines against the day of the conversation: a window that has passed or is days
// away is visible to the agent (details + summary), and a late charge gets no deadline counted
// from the sale date (its window runs from the posting date, which the bot does not collect).
import { describe, expect, it } from 'vitest';
import type { DialogContext } from '../../dialogs/misswipe/context';
import { initialContext } from '../../dialogs/misswipe/context';
import { Engine } from '../../src/engine/engine';
import { buildCase } from '../../src/handoff/build-case';
import { daysLeft, deadlineStatus } from '../../dialogs/misswipe/deadlines';
import { localDay } from '../../src/handoff/deadlines';
import { disputeDeadline } from '../../dialogs/misswipe/deadlines';
import { Renderer } from '../../src/i18n';
import { createMemoryStores } from '../../src/store/memory';
import type { Category } from '../../src/types';

const renderer = new Renderer();
const createdAt = new Date('2026-11-22T04:30:00Z');

function caseFor(category: Category, date: string, today: string | null | undefined) {
  const ctx: DialogContext = {
    ...initialContext({ locale: 'en' }),
    role: 'cardholder',
    category,
    slots: { when: { date, time: null }, amountCharged: { minor: 249900, currency: 'CNY' }, chargeCount: 2 },
  };
  if (today === undefined) delete ctx.today;
  else ctx.today = today;
  return buildCase({ caseId: 'C-1', createdAt, context: ctx, priority: 'normal', transcript: [] }, renderer);
}

describe('deadline status', () => {
  it.each([
    ['2026-06-12', '2026-11-22', 'passed', -163],
    ['2026-11-22', '2026-11-22', 'closing', 0],
    ['2026-11-29', '2026-11-22', 'closing', 7],
    ['2026-11-30', '2026-11-22', 'open', 8],
    ['2027-02-18', '2026-11-22', 'open', 88],
  ] as const)('deadline %s on %s → %s (%i days left)', (deadline, today, status, left) => {
    expect(deadlineStatus(deadline, today)).toBe(status);
    expect(daysLeft(deadline, today)).toBe(left);
  });

  it('when either day is unknown, then there is no status', () => {
    expect(deadlineStatus(null, '2026-11-22')).toBeNull();
    expect(deadlineStatus('2026-06-12', null)).toBeNull();
  });

  it("takes the bot's time zone for the day, not UTC", () => {
    expect(localDay(new Date('2026-11-22T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDay(new Date('2026-11-22T20:00:00Z'), 'UTC')).toBe('2026-11-22');
  });
});

describe('late presentment: counted from the posting date, not the sale', () => {
  it('computes no deadline from the sale date', () => {
    expect(disputeDeadline('late_presentment', '2026-08-20', { undercharge: false })).toBeNull();
  });

  it('still computes the other processing-error deadlines from the transaction date', () => {
    expect(disputeDeadline('duplicate_charge', '2026-03-14', { undercharge: false })).toBe('2026-06-12');
    expect(disputeDeadline('currency_conversion', '2026-08-20', { undercharge: false })).toBe('2026-11-18');
  });

  it('tells the agent where the window counts from, in both summaries', () => {
    const k = caseFor('late_presentment', '2026-08-20', '2026-11-22');
    expect(k.disputeDeadline).toBeNull();
    expect(k.details.deadlineCountsFrom).toBe('posting_date');
    expect(k.details.deadlineStatus).toBeNull();
    expect(k.summary.en).toContain('counts from the date it posted');
    expect(k.summary['zh-CN']).toContain('入账的日期起算');
  });
});

describe('the case shows a deadline that passed or is close', () => {
  it('a duplicate from March seen in November: passed, with the date, in both summaries', () => {
    const k = caseFor('duplicate_charge', '2026-03-14', '2026-11-22');
    expect(k.disputeDeadline).toBe('2026-06-12');
    expect(k.details).toMatchObject({ deadlineStatus: 'passed', deadlineDaysLeft: -163, deadlineCountsFrom: 'transaction_date' });
    expect(k.summary.en).toMatch(/deadline \(Jun 12, 2026.*\) has probably passed/);
    expect(k.summary['zh-CN']).toContain('可能已过');
  });

  it('a fraud charge 117 days old: closing', () => {
    const k = caseFor('unrecognized_charge', '2026-07-28', '2026-11-22');
    expect(k.details.deadlineStatus).toBe('closing');
    expect(k.summary.en).toContain('only days away');
  });

  it('a recent charge: open, and the summary says nothing about it', () => {
    const k = caseFor('duplicate_charge', '2026-11-20', '2026-11-22');
    expect(k.details.deadlineStatus).toBe('open');
    expect(k.summary.en).not.toMatch(/deadline|dispute window/i);
  });

  it('a context stored before the day existed: judged against the day the case is made', () => {
    expect(caseFor('duplicate_charge', '2026-03-14', undefined).details.deadlineStatus).toBe('passed');
  });

  it('a category without a deadline: no status', () => {
    const k = caseFor('wrong_card', '2026-03-14', '2026-11-22');
    expect(k.details).toMatchObject({ deadlineStatus: null, deadlineDaysLeft: null, deadlineCountsFrom: null });
  });
});

describe('through the engine: the day comes from its clock, in the bot time zone', () => {
  it('an old duplicate gets the "may have passed" line and the case says passed', async () => {
    const stores = createMemoryStores({ sessionTtlSeconds: 3600, caseRetentionDays: 30 });
    const config = { BOT_TIMEZONE: 'Asia/Shanghai', DEFAULT_CURRENCY: 'CNY', IDLE_TIMEOUT_SECONDS: 1800 };
    const engine = new Engine({ stores, renderer, config, clock: () => createdAt });
    const conversationId = 'conv-sweep6-deadline-0001';
    const say = (text: string) => engine.handle({ conversationId, type: 'message', text });
    const texts: string[] = [];
    let out = await say("I'm the cardholder, IKEA charged me 2499 yuan twice on March 14");
    const answers: Record<string, string> = { merchantName: 'IKEA', cardLast4: '6642', cardType: 'credit', issuer: 'CMB', confirm: 'yes' };
    for (let i = 0; i < 12 && !out.some((m) => m.handoff); i++) {
      texts.push(...out.map((m) => m.text));
      const slot = out.at(-1)?.expecting?.slot;
      out = await say(slot ? (answers[slot] ?? 'skip') : 'yes');
    }
    expect(texts).toContain(renderer.t('guidance:deadline.passed', 'en'));
    const caseId = out.find((m) => m.handoff)?.handoff?.caseId;
    const kase = caseId ? await stores.cases.get(caseId) : null;
    expect(kase?.disputeDeadline).toBe('2026-06-12');
    expect(kase?.details.deadlineStatus).toBe('passed');
  });
});
