// The in-memory case store keeps waiting cases in an ordered index beside the cases themselves:
// a case that expires (retention) must leave the queue too, or everyone behind it would be told a
// place too far back.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../src/handoff/case-schema';
import { MemoryCaseStore } from '../../src/store/memory';

function waitingCase(createdAt: string): Case {
  return {
    schemaVersion: 1,
    caseId: `SD-${randomUUID().slice(0, 8)}`,
    status: 'waiting',
    createdAt,
    locale: 'zh-CN',
    role: 'cardholder',
    category: 'wrong_amount',
    priority: 'normal',
    transaction: {
      date: null,
      time: null,
      amountCharged: null,
      amountExpected: null,
      chargeCount: null,
      merchantName: null,
      cardLast4: null,
      cardType: null,
      issuer: null,
      referenceNumber: null,
      hasReceipt: null,
    },
    merchantContacted: null,
    merchantResponse: null,
    cardInPossession: null,
    reasonCodes: { visa: null, mastercard: null, unionpay: null },
    disputeDeadline: null,
    missing: [],
    guidance: [],
    details: {},
    transcript: [],
    summary: { en: 'x', 'zh-CN': 'x' },
    assignedTo: null,
    assignedAt: null,
    resolvedAt: null,
  };
}

describe('memory case store: waiting index', () => {
  afterEach(() => vi.useRealTimers());

  it('when a waiting case expires, then it leaves the queue and the cases behind it move up', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-01T00:00:00Z') });
    const store = new MemoryCaseStore(1); // one day of retention
    const old = waitingCase('2026-11-01T00:00:00.000Z');
    await store.create(old, 'conv-old');
    vi.setSystemTime(new Date('2026-11-01T12:00:00Z'));
    const fresh = waitingCase('2026-11-01T12:00:00.000Z');
    await store.create(fresh, 'conv-fresh');
    expect(await store.queuePosition(fresh.caseId)).toBe(2);

    vi.setSystemTime(new Date('2026-11-02T01:00:00Z')); // the first case is past its day
    expect(await store.queuePosition(old.caseId)).toBeNull();
    expect(await store.queuePosition(fresh.caseId)).toBe(1);
    expect((await store.list('waiting')).map((c) => c.caseId)).toEqual([fresh.caseId]);
    store.close();
  });

  it('when a case is stored again under the same number, then it is queued once', async () => {
    const store = new MemoryCaseStore(30);
    const k = waitingCase(new Date().toISOString());
    await store.create(k, 'conv-1');
    await store.create(k, 'conv-1');
    expect((await store.list('waiting')).filter((c) => c.caseId === k.caseId)).toHaveLength(1);
    expect(await store.queuePosition(k.caseId)).toBe(1);
    store.close();
  });
});
