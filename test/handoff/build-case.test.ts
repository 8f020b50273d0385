// A duplicate charge that was partly given back ("先是刷了两次，后来商家退了一笔"): the case keeps the
// number of charges made and says how many came back, read with the real parser and dialog.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/handoff/build-case';
import { Renderer } from '../../src/i18n';
import { parse } from '../../src/nlu/parse';
import type { DialogContext } from '../../dialogs/misswipe/context';
import { DialogDriver } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const renderer = new Renderer();

function contextAfter(...messages: string[]): DialogContext {
  const d = new DialogDriver();
  for (const text of messages) d.send({ type: 'user.said', idle: false, parsed: parse(text, opts) });
  return d.context;
}

const caseOf = (context: DialogContext) =>
  buildCase({ caseId: 'C-1', createdAt: opts.now, context, priority: 'normal', transcript: [] }, renderer);

describe('a duplicate charge with one charge already refunded', () => {
  it.each([
    ['我是顾客，在家乐福先是刷了两次，每次88元，后来商家退了一笔'],
    ["I'm the customer, they swiped it twice at Target for $88, then refunded one of them"],
  ])('%s → two charges, one refunded', (text) => {
    const ctx = contextAfter(text);
    expect(ctx.category).toBe('duplicate_charge');
    expect(ctx.slots.chargeCount).toBe(2);
    expect(ctx.refundedCount).toBe(1);
    const kase = caseOf(ctx);
    expect(kase.transaction.chargeCount).toBe(2);
    expect(kase.details.refundedCount).toBe(1);
  });

  it('says so in both summaries, after the charges', () => {
    const kase = caseOf(contextAfter('我是顾客，在家乐福先是刷了两次，每次88元，后来商家退了一笔'));
    expect(kase.summary.en).toContain('2 times. One of the charges has already been refunded or reversed. Merchant: 家乐福.');
    expect(kase.summary['zh-CN']).toContain('共 2 笔。其中 1 笔已退回或撤销。');
  });

  it('when the refund is told at the count question, then the answer is the number of charges', () => {
    const ctx = contextAfter('I was double charged at Target, I am the customer', 'yesterday', '$88', '2, but one got reversed since');
    expect(ctx.slots.chargeCount).toBe(2);
    expect(ctx.refundedCount).toBe(1);
  });

  it('when nothing was refunded, then the case says none and the summary is silent about it', () => {
    const kase = caseOf(contextAfter('我是顾客，在家乐福刷了两次，每次88元，商家还没退'));
    expect(kase.details.refundedCount).toBeNull();
    expect(kase.summary.en).not.toContain('refunded');
  });

  it('when a conversation stored before the field existed hands off, then the count is unknown, not missing', () => {
    const ctx = contextAfter('我是顾客，在家乐福刷了两次，每次88元');
    const old = { ...ctx } as Partial<DialogContext>;
    delete old.refundedCount;
    expect(caseOf(old as DialogContext).details.refundedCount).toBeNull();
  });
});
