// Packed storage of case bodies and handed-off transcripts: exact round trips, a dictionary that
// never changes under stored data, and cases written before packing still readable.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import Redis from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { fromRoot } from '../../src/paths';
import { createRedisStores } from '../../src/store/redis';
import { isPacked, pack, unpack } from '../../src/store/redis/packing';

describe('packing', () => {
  it('when the v1 dictionary is read, then it is byte for byte the one stored cases were packed with', () => {
    const sha = createHash('sha256').update(readFileSync(fromRoot('src/store/redis/dictionary-v1.txt'))).digest('hex');
    // Changing this file makes every stored case unreadable: add dictionary-v2 with a new marker instead.
    expect(sha).toBe('ee3de184c13d9c03cbec5dca64879dd3282b9d7a947dca1fdb1c660f1866417e');
  });

  it('when the v2 dictionary is read, then it is byte for byte the one cases are packed with now', () => {
    const sha = createHash('sha256').update(readFileSync(fromRoot('src/store/redis/dictionary-v2.txt'))).digest('hex');
    expect(sha).toBe('5951ac98568cb6081ce5435e0808f16cea8d820850a6a74b4e301b7a076be924');
  });

  it('when a value was packed with the v1 dictionary, then it still unpacks after v2 became current', () => {
    const text = '{"details":{"batchSettled":null,"handoffReason":"confirmed"},"summary":{"zh-CN":"持卡人"}}';
    const v1 = deflateRawSync(text, { dictionary: readFileSync(fromRoot('src/store/redis/dictionary-v1.txt')) });
    const stored = Buffer.concat([Buffer.from([0x01]), v1]);
    expect(isPacked(stored)).toBe(true);
    expect(unpack(stored)).toBe(text);
  });

  it("when a case body with today's deadline and refund details is packed, then v2 stores it smaller than v1 did", async () => {
    const details =
      '"details":{"batchSettled":null,"overchargeDifference":null,"overchargeDifferenceCurrency":null,"refundedCount":null,"refundDate":null,"handoffReason":"confirmed","undercharge":false,"deadlineStatus":"open","deadlineDaysLeft":87,"deadlineCountsFrom":"transaction_date"}';
    const text = `{"reasonCodes":{"visa":"12.6.1","mastercard":"4834","unionpay":"4512"},"disputeDeadline":"2027-02-15","missing":[],${details}}`;
    const v2 = await pack(text);
    const v1 = deflateRawSync(text, { dictionary: readFileSync(fromRoot('src/store/redis/dictionary-v1.txt')), level: 9 });
    expect(v2[0]).toBe(0x02);
    expect(unpack(v2)).toBe(text);
    expect(v2.length).toBeLessThan(v1.length + 1 - 20);
  });

  it('when text is packed, then it unpacks exactly, Chinese and newlines included, and smaller', async () => {
    const text = JSON.stringify({ category: 'duplicate_charge', summary: { 'zh-CN': '持卡人 / 顾客反映：重复扣款（普通）。\n扣款 ¥88.00' }, guidance: ['guidance:common.escalation'] });
    const packed = await pack(text);
    expect(isPacked(packed)).toBe(true);
    expect(unpack(packed)).toBe(text);
    expect(packed.length).toBeLessThan(Buffer.byteLength(text) / 2);
    expect(unpack(Buffer.from('{"plain":"json"}'))).toBe('{"plain":"json"}');
    expect(isPacked(Buffer.from('{'))).toBe(false);
  });

  it('when a case was stored as plain JSON before packing, then it still reads back', async () => {
    const prefix = `sdtest:${randomUUID()}`;
    const stores = await createRedisStores({ url: inject('redisUrl'), prefix, sessionTtlSeconds: 60, caseRetentionDays: 1 });
    const redis = new Redis(inject('redisUrl'));
    try {
      const body = { schemaVersion: 1, caseId: 'SD-OLD-1', createdAt: new Date().toISOString(), locale: 'en', category: 'duplicate_charge' };
      await redis.hset(`${prefix}:{case:SD-OLD-1}:data`, { body: JSON.stringify(body), status: 'waiting', conversation: 'conv-old', assignedTo: '', assignedAt: '', resolvedAt: '' });
      await redis.rpush(`${prefix}:{case:SD-OLD-1}:transcript`, JSON.stringify({ from: 'user', text: 'old entry', at: '2026-01-01T00:00:00.000Z' }));
      const kase = await stores.cases.get('SD-OLD-1');
      expect(kase).toMatchObject({ caseId: 'SD-OLD-1', status: 'waiting', assignedTo: null });
      expect(kase?.transcript).toEqual([{ from: 'user', text: 'old entry', at: '2026-01-01T00:00:00.000Z' }]);
    } finally {
      redis.disconnect();
      await stores.close();
    }
  });
});
