// Redis state under stress: one conversation hammered by 50 concurrent turns over two app
// instances; a real redis-server stopped and restarted under a running app.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getStateNodes } from 'xstate/graph';
import { misswipeMachine } from '../../dialogs/misswipe/misswipe.machine';
import { freePort, startRedisServer } from '../helpers/redis-server';
import { expandSnapshot } from '../../src/engine/snapshot-codec';
import { bootServer, newUser, type TestServer } from '../helpers/server';

describe('two instances sharing Redis', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const url = inject('redisUrl');
    a = await bootServer({ REDIS_URL: url, RATE_LIMIT_PER_CONVERSATION: '0' });
    b = await bootServer({ REDIS_URL: url, RATE_LIMIT_PER_CONVERSATION: '0' });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('when 50 turns of one conversation race over two instances, then every turn is answered and each message is in the transcript once', async () => {
    const user = newUser();
    await a.event(user, 'hello', { locale: 'en' });
    const texts = Array.from({ length: 50 }, (_, i) => `message number ${i} about a double charge`);
    const replies = await Promise.all(texts.map((t, i) => (i % 2 ? b : a).say(user, t)));
    expect(replies.every((r) => r.length > 0)).toBe(true);

    const history = (await b.event(user, 'welcome_back'))[0]?.history ?? [];
    for (const t of texts) expect(history.filter((e) => e.from === 'user' && e.text === t), t).toHaveLength(1);

    const record = await a.server.stores.sessions.load(user);
    const legal = new Set(getStateNodes(misswipeMachine.root).map((n) => n.key));
    expect(legal.has(String((expandSnapshot(record?.snapshot) as { value: unknown }).value))).toBe(true);
  });

  it('when a conversation starts on one instance, then the other continues it', async () => {
    const user = newUser();
    const first = await a.say(user, 'There were two charges of 12 pounds each at Tesco yesterday');
    expect(first[first.length - 1]?.expecting?.slot).toBe('role');
    const second = await b.say(user, "I'm the customer");
    expect(second[second.length - 1]?.expecting?.slot).not.toBe('role');
    expect(second.every((m) => m.locale === 'en')).toBe(true);
  });
});

describe('a Redis outage', () => {
  it('when Redis stops, then turns get a polite retry message and /readyz is 503; when it is back, the conversation continues', async () => {
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-outage-'));
    let redis = await startRedisServer(port, dir);
    const app = await bootServer({ REDIS_URL: redis.url });
    try {
      const user = newUser();
      const r1 = await app.say(user, '昨天在家乐福刷了两次卡，每次66块');
      expect(r1[r1.length - 1]?.expecting?.slot).toBe('role');

      await redis.stop();
      const down = await app.say(user, '我是顾客');
      expect(down).toHaveLength(1);
      expect(down[0]?.text).toMatch(/暂时|稍后/);
      expect(down[0]?.locale).toBe('zh-CN');
      expect((await fetch(`${app.base}/readyz`)).status).toBe(503);
      expect((await fetch(`${app.base}/healthz`)).status).toBe(200);

      redis = await startRedisServer(port, dir);
      let ready = 0;
      for (let i = 0; i < 100 && ready !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = (await fetch(`${app.base}/readyz`)).status;
      }
      expect(ready).toBe(200);
      const back = await app.say(user, '我是顾客');
      expect(back[back.length - 1]?.expecting?.slot).not.toBe('role');
      expect(back.some((m) => /暂时/.test(m.text))).toBe(false);
    } finally {
      await app.close();
      await redis.stop();
    }
  });
});
