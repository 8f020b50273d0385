// One contract for every store implementation: the in-memory default and Redis (a real
// redis-server started by the global setup). Both must behave the same.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Case } from '../../src/handoff/case-schema';
import { createMemoryStores } from '../../src/store/memory';
import { createRedisStores } from '../../src/store/redis';
import type { Stores } from '../../src/store/types';

const opts = { sessionTtlSeconds: 3600, caseRetentionDays: 30 };

function sampleCase(overrides: Partial<Case> = {}): Case {
  return {
    schemaVersion: 1,
    caseId: `SD-${randomUUID().slice(0, 8)}`,
    status: 'waiting',
    createdAt: new Date().toISOString(),
    locale: 'en',
    role: 'cardholder',
    category: 'duplicate_charge',
    priority: 'normal',
    transaction: {
      date: '2026-11-20',
      time: '12:00',
      amountCharged: { minor: 8800, currency: 'CNY' },
      amountExpected: null,
      chargeCount: 2,
      merchantName: 'Shop',
      cardLast4: '0937',
      cardType: 'debit',
      issuer: 'ICBC',
      referenceNumber: null,
      hasReceipt: true,
    },
    merchantContacted: false,
    merchantResponse: null,
    cardInPossession: null,
    reasonCodes: { visa: '12.6.1', mastercard: '4834', unionpay: '4512' },
    disputeDeadline: null,
    missing: [],
    guidance: [],
    details: {},
    transcript: [{ from: 'user', text: 'hi', at: new Date().toISOString() }],
    summary: { en: 'x', 'zh-CN': 'x' },
    assignedTo: null,
    assignedAt: null,
    resolvedAt: null,
    ...overrides,
  };
}

const implementations: [string, () => Promise<Stores>][] = [
  ['memory', async () => createMemoryStores(opts)],
  ['redis', async () => createRedisStores({ ...opts, url: inject('redisUrl'), prefix: `sdtest:${randomUUID()}` })],
];

describe.each(implementations)('%s stores', (_name, make) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await make();
  });
  afterAll(async () => {
    await stores.close();
  });

  it('when a session is saved, then it loads back equal', async () => {
    const id = `conv-${randomUUID()}`;
    expect(await stores.sessions.load(id)).toBeNull();
    const record = { dialogVersion: 'v1', snapshot: { value: 'askingRole', context: { n: 1 } }, lastActiveAt: 123 };
    await stores.sessions.save(id, record);
    expect(await stores.sessions.load(id)).toEqual(record);
  });

  it('when transcript entries are appended, then they come back in order', async () => {
    const id = `conv-${randomUUID()}`;
    await stores.sessions.appendTranscript(id, [{ from: 'user', text: 'a', at: '1' }]);
    await stores.sessions.appendTranscript(id, [
      { from: 'bot', text: 'b', at: '2' },
      { from: 'agent', text: 'c', at: '3' },
    ]);
    expect((await stores.sessions.transcript(id)).map((e) => e.text)).toEqual(['a', 'b', 'c']);
  });

  it('when the outbox is drained twice, then each message is delivered once', async () => {
    const id = `conv-${randomUUID()}`;
    await stores.sessions.pushOutbox(id, { type: 'message', text: 'one', locale: 'en', from: 'agent' });
    await stores.sessions.pushOutbox(id, { type: 'message', text: 'two', locale: 'en', from: 'agent' });
    const [a, b] = await Promise.all([stores.sessions.drainOutbox(id), stores.sessions.drainOutbox(id)]);
    const all = [...a, ...b].map((m) => m.text).sort();
    expect(all).toEqual(['one', 'two']);
  });

  it('when two turns of one conversation race, then the lock runs them one at a time', async () => {
    const id = `conv-${randomUUID()}`;
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        stores.sessions.runTurn(id, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise((r) => setTimeout(r, 5));
          order.push(n);
          inside--;
          return { result: n, commit: null };
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(order).toHaveLength(5);
  });

  it('when a turn runs, then it sees the stored state, its commit is written and pending messages come back', async () => {
    const id = `conv-${randomUUID()}`;
    await stores.sessions.save(id, { dialogVersion: 'v', snapshot: { n: 1 }, lastActiveAt: 1 });
    await stores.sessions.pushOutbox(id, { type: 'message', text: 'from agent', locale: 'en', from: 'agent' });
    const { result, pending } = await stores.sessions.runTurn(id, async (state) => ({
      result: (state.record?.snapshot as { n: number }).n,
      commit: { record: { dialogVersion: 'v', snapshot: { n: 2 }, lastActiveAt: 2 }, transcript: [{ from: 'user', text: 'hi', at: 'x' }] },
    }));
    expect(result).toBe(1);
    expect(pending.map((m) => m.text)).toEqual(['from agent']);
    expect((await stores.sessions.load(id))?.snapshot).toEqual({ n: 2 });
    expect(await stores.sessions.transcript(id)).toEqual([{ from: 'user', text: 'hi', at: 'x' }]);
  });

  it('when a turn hands the conversation over to a case, then the session\'s own transcript is dropped', async () => {
    const id = `conv-${randomUUID()}`;
    const at = new Date().toISOString();
    await stores.sessions.appendTranscript(id, [{ from: 'user', text: 'before the handoff', at }]);
    await stores.sessions.runTurn(id, async () => ({
      result: null,
      commit: { record: { dialogVersion: 'v', snapshot: { n: 3 }, lastActiveAt: 3 }, transcript: [], dropTranscript: true },
    }));
    expect(await stores.sessions.transcript(id)).toEqual([]);
    expect((await stores.sessions.load(id))?.snapshot).toEqual({ n: 3 });
  });

  it('when a turn kept from the last revision is committed without the lock, then it is written only while that revision is current', async () => {
    const id = `conv-${randomUUID()}`;
    const at = new Date().toISOString();
    const rec = (rev: string, n: number) => ({ rev, dialogVersion: 'v', snapshot: { n }, lastActiveAt: n });
    await stores.sessions.save(id, rec('r1', 1));
    await stores.sessions.pushOutbox(id, { type: 'message', text: 'from agent', locale: 'en', from: 'agent' });
    const ok = await stores.sessions.tryCommit(id, 'r1', { record: rec('r2', 2), transcript: [{ from: 'user', text: 'fast', at }] });
    expect(ok?.pending.map((m) => m.text)).toEqual(['from agent']);
    expect((await stores.sessions.load(id))?.snapshot).toEqual({ n: 2 });
    expect((await stores.sessions.transcript(id)).map((e) => e.text)).toEqual(['fast']);

    // A stale revision (another turn won) writes nothing; nor does 'r2' as a prefix of 'r20'.
    expect(await stores.sessions.tryCommit(id, 'r1', { record: rec('r3', 3), transcript: [{ from: 'user', text: 'stale', at }] })).toBeNull();
    await stores.sessions.save(id, rec('r20', 20));
    expect(await stores.sessions.tryCommit(id, 'r2', { record: rec('r3', 3), transcript: [] })).toBeNull();
    expect((await stores.sessions.load(id))?.snapshot).toEqual({ n: 20 });

    // Nor while a locked turn runs, nor once the conversation has a case.
    await stores.sessions.runTurn(id, async () => {
      expect(await stores.sessions.tryCommit(id, 'r20', { record: rec('r4', 4), transcript: [] })).toBeNull();
      return { result: null, commit: null };
    });
    await stores.cases.create(sampleCase(), id);
    expect(await stores.sessions.tryCommit(id, 'r20', { record: rec('r5', 5), transcript: [] })).toBeNull();
    expect((await stores.sessions.load(id))?.snapshot).toEqual({ n: 20 });
    expect((await stores.sessions.transcript(id)).map((e) => e.text)).toEqual(['fast']);
  });

  it('when a turn throws, then nothing is written and the lock is free for the next turn', async () => {
    const id = `conv-${randomUUID()}`;
    await expect(stores.sessions.runTurn(id, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await stores.sessions.load(id)).toBeNull();
    const next = await stores.sessions.runTurn(id, async (state) => ({ result: state.record, commit: null }));
    expect(next.result).toBeNull();
  });

  it('when a conversation was handed off, then the turn state carries its case id', async () => {
    const id = `conv-${randomUUID()}`;
    const kase = sampleCase();
    await stores.cases.create(kase, id);
    const { result } = await stores.sessions.runTurn(id, async (state) => ({ result: state.caseId, commit: null }));
    expect(result).toBe(kase.caseId);
  });

  it('when a session is deleted, then nothing of it remains', async () => {
    const id = `conv-${randomUUID()}`;
    await stores.sessions.save(id, { dialogVersion: 'v', snapshot: {}, lastActiveAt: 1 });
    await stores.sessions.appendTranscript(id, [{ from: 'user', text: 'x', at: '1' }]);
    await stores.sessions.delete(id);
    expect(await stores.sessions.load(id)).toBeNull();
    expect(await stores.sessions.transcript(id)).toEqual([]);
  });

  it('when a case is created, then it reads back with its transcript and links to its conversation', async () => {
    const conv = `conv-${randomUUID()}`;
    const kase = sampleCase();
    await stores.cases.create(kase, conv);
    const got = await stores.cases.get(kase.caseId);
    expect(got).toEqual(kase);
    expect(await stores.cases.caseOf(conv)).toBe(kase.caseId);
    expect(await stores.cases.conversationOf(kase.caseId)).toBe(conv);
    expect(await stores.cases.get('SD-unknown')).toBeNull();
  });

  it('when cases are listed, then urgent come first, then oldest first, without transcripts', async () => {
    const t0 = Date.now() - 60_000;
    const older = sampleCase({ createdAt: new Date(t0).toISOString() });
    const newer = sampleCase({ createdAt: new Date(t0 + 1000).toISOString() });
    const urgent = sampleCase({ createdAt: new Date(t0 + 2000).toISOString(), priority: 'urgent' });
    for (const c of [newer, urgent, older]) await stores.cases.create(c, `conv-${randomUUID()}`);
    const ids = (await stores.cases.list('waiting')).map((c) => c.caseId);
    const mine = ids.filter((id) => [older.caseId, newer.caseId, urgent.caseId].includes(id));
    expect(mine).toEqual([urgent.caseId, older.caseId, newer.caseId]);
    const listed = (await stores.cases.list('waiting')).find((c) => c.caseId === older.caseId);
    expect(listed?.transcript).toEqual([]);
    expect(await stores.cases.queuePosition(urgent.caseId)).toBeLessThan((await stores.cases.queuePosition(older.caseId)) ?? 0);
  });

  it('when cases ahead are claimed or resolved, then those behind move up by exactly that many', async () => {
    const own = await make(); // a queue holding only this test's cases
    try {
      const t0 = Date.now() - 60_000;
      const at = (s: number) => new Date(t0 + s * 1000).toISOString();
      const [a, b, c, d] = [sampleCase({ createdAt: at(1) }), sampleCase({ createdAt: at(2) }), sampleCase({ createdAt: at(3) }), sampleCase({ createdAt: at(4) })];
      const u = sampleCase({ createdAt: at(5), priority: 'urgent' });
      for (const k of [c, a, u, d, b]) await own.cases.create(k, `conv-${randomUUID()}`);
      const positions = async () => Promise.all([u, a, b, c, d].map((k) => own.cases.queuePosition(k.caseId)));
      expect(await positions()).toEqual([1, 2, 3, 4, 5]);
      await own.cases.claim(a.caseId, 'alice');
      expect(await positions()).toEqual([1, null, 2, 3, 4]);
      await own.cases.resolve(u.caseId);
      expect(await positions()).toEqual([null, null, 1, 2, 3]);
      await own.cases.resolve(d.caseId);
      expect(await positions()).toEqual([null, null, 1, 2, null]);
      expect((await own.cases.list('waiting')).map((k) => k.caseId)).toEqual([b.caseId, c.caseId]);
      const later = sampleCase({ createdAt: at(0) }); // older than all: goes first
      await own.cases.create(later, `conv-${randomUUID()}`);
      expect(await positions()).toEqual([null, null, 2, 3, null]);
      expect(await own.cases.queuePosition(later.caseId)).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('when two agents claim one case, then the second gets a conflict', async () => {
    const kase = sampleCase();
    await stores.cases.create(kase, `conv-${randomUUID()}`);
    const first = await stores.cases.claim(kase.caseId, 'alice');
    expect(first.ok).toBe(true);
    expect(await stores.cases.claim(kase.caseId, 'alice')).toMatchObject({ ok: true });
    expect(await stores.cases.claim(kase.caseId, 'bob')).toEqual({ ok: false, reason: 'conflict' });
    expect(await stores.cases.claim('SD-nope', 'bob')).toEqual({ ok: false, reason: 'not_found' });
    expect((await stores.cases.get(kase.caseId))?.status).toBe('assigned');
    expect((await stores.cases.list('assigned')).some((c) => c.caseId === kase.caseId)).toBe(true);
    expect(await stores.cases.queuePosition(kase.caseId)).toBeNull();
  });

  it('when a case is resolved, then it is listed as resolved and keeps new transcript entries', async () => {
    const kase = sampleCase();
    await stores.cases.create(kase, `conv-${randomUUID()}`);
    await stores.cases.appendTranscript(kase.caseId, [{ from: 'agent', text: 'done', at: 'x' }]);
    const resolved = await stores.cases.resolve(kase.caseId);
    expect(resolved?.status).toBe('resolved');
    expect(resolved?.transcript.map((e) => e.text)).toEqual(['hi', 'done']);
    expect((await stores.cases.list('resolved')).some((c) => c.caseId === kase.caseId)).toBe(true);
    expect((await stores.cases.list('waiting')).some((c) => c.caseId === kase.caseId)).toBe(false);
  });

  it('when a relay notice is published, then subscribers hear the conversation id', async () => {
    const heard: string[] = [];
    await stores.relay.subscribe((id) => heard.push(id));
    await new Promise((r) => setTimeout(r, 50));
    await stores.relay.publish('conv-relay-test-1234');
    for (let i = 0; i < 50 && !heard.includes('conv-relay-test-1234'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toContain('conv-relay-test-1234');
  });
});
