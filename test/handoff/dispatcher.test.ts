// The background hand-off work: the signed webhook (checked by a real local receiver), its
// retries, the "still waiting" notice, the Redis Streams queue, and case retention.
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import Redis from 'ioredis';
import type { Case } from '../../src/handoff/case-schema';
import { createRedisStores } from '../../src/store/redis';
import { bootServer, newUser, type TestServer } from '../helpers/server';

interface Received {
  body: string;
  signature: string | undefined;
}

function receiver(failFirst: number): Promise<{ url: string; got: Received[]; close: () => Promise<void> }> {
  const got: Received[] = [];
  let calls = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls++;
      if (calls <= failFirst) {
        res.writeHead(503).end();
        return;
      }
      got.push({ body, signature: req.headers['x-signature'] as string | undefined });
      res.writeHead(200).end('ok');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        got,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

async function until(pred: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('outbound webhook', () => {
  let hook: Awaited<ReturnType<typeof receiver>>;
  let s: TestServer;
  const secret = 'webhook-secret-for-tests';
  beforeAll(async () => {
    hook = await receiver(2); // the helpdesk is down for the first two attempts
    s = await bootServer({ HANDOFF_WEBHOOK_URL: hook.url, HANDOFF_WEBHOOK_SECRET: secret, REDIS_URL: inject('redisUrl') }, { dispatcherTickMs: 50 });
  });
  afterAll(async () => {
    await s.close();
    await hook.close();
  });

  it('when a case is created, then it is POSTed with a valid HMAC signature, after retries', async () => {
    const replies = await s.say(newUser(), '转人工');
    const caseId = replies.find((m) => m.handoff)?.handoff?.caseId;
    await until(() => hook.got.some((g) => g.body.includes(String(caseId))));
    const g = hook.got.find((x) => x.body.includes(String(caseId)));
    const expected = `sha256=${createHmac('sha256', secret).update(g?.body ?? '').digest('hex')}`;
    expect(g?.signature).toBe(expected);
    expect((JSON.parse(g?.body ?? '{}') as Case).schemaVersion).toBe(1);
  });
});

describe('waiting without an agent', () => {
  it('when nobody claims within AGENT_WAIT_SECONDS, then the customer is told once that the case is saved', async () => {
    const s = await bootServer({ AGENT_WAIT_SECONDS: '1' }, { dispatcherTickMs: 100 });
    try {
      const user = newUser();
      const replies = await s.say(user, 'I want to talk to a human');
      const caseId = String(replies.find((m) => m.handoff)?.handoff?.caseId);
      let notices: string[] = [];
      await until(async () => {
        await new Promise((r) => setTimeout(r, 400)); // poll like a client would, not in a hot loop
        notices.push(...(await s.event(user, 'poll')).map((m) => m.text));
        return notices.length > 0;
      });
      expect(notices[0]).toContain(caseId);
      expect(notices[0]).toMatch(/saved/);
      await new Promise((r) => setTimeout(r, 6000));
      notices = (await s.event(user, 'poll')).map((m) => m.text);
      expect(notices).toEqual([]);
    } finally {
      await s.close();
    }
  }, 20_000);

  it('when agents are out of hours, then the handoff says when to expect contact', async () => {
    // A window that is never "now": one minute on a day that is not today in Shanghai.
    const today = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(new Date());
    const other = today === 'Mon' ? 'Tue' : 'Mon';
    const s = await bootServer({ AGENT_HOURS: `${other} 09:00-09:01` });
    try {
      const replies = await s.say(newUser(), '我要找人工客服');
      const announce = replies.find((m) => m.handoff);
      expect(announce?.text).toMatch(/非工作时间/);
      expect(announce?.text).toMatch(/09:00/);
    } finally {
      await s.close();
    }
  });
});

describe('Redis Streams queue and retention', () => {
  let stores: Awaited<ReturnType<typeof createRedisStores>>;
  const prefix = `sdq:${randomUUID()}`;
  beforeAll(async () => {
    stores = await createRedisStores({ url: inject('redisUrl'), prefix, sessionTtlSeconds: 3600, caseRetentionDays: 30 });
  });
  afterAll(async () => {
    await stores.close();
  });

  it('when normal and urgent cases are queued, then a consumer reads urgent first and unacknowledged entries can be reclaimed', async () => {
    await stores.queue.enqueue('C-normal-1', 'normal');
    await stores.queue.enqueue('C-urgent-1', 'urgent');
    const read = await stores.queue.read('c1', 10);
    expect(read.map((e) => e.caseId)).toEqual(['C-urgent-1', 'C-normal-1']);
    const first = read[0];
    if (first) await stores.queue.ack(first);
    await new Promise((r) => setTimeout(r, 20));
    const reclaimed = await stores.queue.reclaim('c2', 10, 10);
    expect(reclaimed.map((e) => e.caseId)).toEqual(['C-normal-1']);
  });

  it('when a case is stored, then its keys expire after CASE_RETENTION_DAYS', async () => {
    const conv = `conv-${randomUUID()}`;
    const caseId = `SD-${randomUUID().slice(0, 8)}`;
    const kase: Case = {
      schemaVersion: 1, caseId, status: 'waiting', createdAt: new Date().toISOString(), locale: 'en', role: null, category: null, priority: 'normal',
      transaction: { date: null, time: null, amountCharged: null, amountExpected: null, chargeCount: null, merchantName: null, cardLast4: null, cardType: null, issuer: null, referenceNumber: null, hasReceipt: null },
      merchantContacted: null, merchantResponse: null, cardInPossession: null, reasonCodes: { visa: null, mastercard: null, unionpay: null }, disputeDeadline: null,
      missing: ['role', 'category'], guidance: [], details: {}, transcript: [{ from: 'user', text: 'hi', at: new Date().toISOString() }], summary: { en: 'x', 'zh-CN': 'x' },
    };
    await stores.cases.create(kase, conv);
    const redis = new Redis(inject('redisUrl'));
    try {
      const keys = await redis.keys(`${prefix}:{case:${caseId}}:*`);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      for (const k of keys) {
        const ttl = await redis.ttl(k);
        expect(ttl).toBeGreaterThan(29 * 86_400);
        expect(ttl).toBeLessThanOrEqual(30 * 86_400);
      }
    } finally {
      redis.disconnect();
    }
  });
});
