// Dialog behaviour for dates that are not the transaction's: a refund promised "12 days ago"
// leaves the payment date to be asked (and is kept for the agent), "right now" answering another
// question does not date the charge, and a failed-but-charged payment from last year is told
// that the usual dispute window has passed.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/handoff/build-case';
import { Renderer } from '../../src/i18n';
import { parse } from '../../src/nlu/parse';
import { DialogDriver } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T15:33:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const TODAY = '2026-11-22';
const renderer = new Renderer();

/** Answers each question by the slot it expects ("*" for any other) until the confirmation. */
function converse(first: string, answers: Record<string, string>) {
  const d = new DialogDriver();
  const keys: string[] = [];
  const asked: string[] = [];
  let text: string | undefined = first;
  for (let turn = 0; text !== undefined && turn < 20; turn++) {
    const step = d.send({ type: 'user.said', idle: false, parsed: parse(text, opts), today: TODAY });
    keys.push(...step.keys);
    const slot = step.replies.at(-1)?.expecting?.slot;
    if (slot) asked.push(slot);
    text = slot && slot !== 'confirm' ? (answers[slot] ?? answers['*']) : undefined;
  }
  return { keys, asked, context: d.context };
}

describe('a refund promised or a return made on some day: the payment date is still asked', () => {
  it.each([
    ['商家12天前就说给我退款了，退货单都打出来了，可是钱到现在都没到账，一千二百九十九元', { when: '10月30号', role: '持卡人', '*': '跳过' }],
    [
      'The store promised me a refund three weeks ago for a jacket I returned, RMB 1,299.00, and it still has not shown up on my card',
      { when: 'October 30', role: 'cardholder', '*': 'skip' },
    ],
  ])('"%s"', (first, answers) => {
    const { asked, context } = converse(first, answers);
    expect(asked).toContain('when');
    expect(context.slots.when?.date).toBe('2026-10-30');
    expect(context.refundWhen?.date).not.toBe('2026-10-30');
    expect(context.refundWhen?.date).toMatch(/^2026-11-(10|01)$/);
  });

  it('the refund date reaches the agent in details and the summary, not as the transaction date', () => {
    const { context } = converse('商家12天前就说给我退款了，退货单都打出来了，可是钱到现在都没到账，一千二百九十九元', {
      role: '持卡人',
      '*': '跳过',
    });
    const kase = buildCase({ caseId: 'SD-20261122-TEST01', createdAt: opts.now, context, priority: 'normal', transcript: [] }, renderer);
    expect(kase.transaction.date).toBeNull();
    expect(kase.details.refundDate).toBe('2026-11-10');
    expect(kase.summary['zh-CN']).toContain('承诺退款、退款或退货的日期');
  });

  it('negative: the sale date told beside the return date is the transaction date', () => {
    const { asked, context } = converse('11月1号在优衣库买的，5号退的货，699元，退款到现在没到', { role: '持卡人', '*': '跳过' });
    expect(asked).not.toContain('when');
    expect(context.slots.when?.date).toBe('2026-11-01');
    expect(context.refundWhen?.date).toBe('2026-11-05');
  });
});

describe('"right now" in an answer to another question is not when the charge happened', () => {
  it('fraud: "yes it\'s in my wallet right now" leaves the time of the charge to be asked', () => {
    const { asked, context } = converse('Someone used my card!! There is a 1.2k charge from an electronics store in Shenzhen', {
      cardInPossession: "yes it's in my wallet right now",
      when: 'this morning at 9:14',
      '*': 'skip',
    });
    expect(context.slots.cardInPossession).toBe(true);
    expect(asked).toContain('when');
    expect(context.slots.when).toEqual({ date: '2026-11-22', time: '09:14' });
  });
});

describe('a failed-but-charged payment from last year: the window that has passed is said', () => {
  it('zh: 去年8月15号 … 显示失败但是扣了3280', () => {
    const { keys } = converse('去年8月15号在国美刷卡，显示失败但是扣了3280，一直没退回来', { role: '持卡人', chargeCount: '1', '*': '跳过' });
    expect(keys).toContain('guidance:deadline.passed');
    expect(keys).not.toContain('guidance:deadline.processingError');
    // The words say so plainly: "过了…期限".
    expect(renderer.t('guidance:deadline.passed', 'zh-CN')).toMatch(/过了.*期限/);
  });
});

describe('"when?" answered with the refund date', () => {
  it("a merchant's missing refund: the refund is the transaction, its date answers", () => {
    const { asked, context, keys } = converse("I'm the store owner. I refunded a customer $150 on the 3rd through the terminal and she says it never arrived", {
      when: 'the refund was on the 3rd at about 4pm',
      '*': 'skip',
    });
    expect(asked.filter((s) => s === 'when')).toHaveLength(1);
    expect(context.slots.when?.date).toBe('2026-11-03');
    expect(keys).not.toContain('misswipe:reprompt.when_refund');
  });

  it("a cardholder: the refund's date is kept and the payment's asked again, saying why", () => {
    const { asked, context, keys } = converse('退款一直没到账，1299元，持卡人', { when: '退款是11月3号退的', '*': '跳过' });
    expect(keys).toContain('misswipe:reprompt.when_refund');
    expect(asked.filter((s) => s === 'when').length).toBeGreaterThan(1);
    expect(context.refundWhen?.date).toBe('2026-11-03');
    expect(context.slots.when).toBeUndefined();
  });
});
