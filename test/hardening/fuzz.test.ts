// A bounded, seeded fuzz test (fast-check): thousands of random and mutated messages through the
// webhook and the websocket. No 5xx, no HTML, no crash; a normal conversation works afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, newUser, type TestServer } from '../helpers/server';

let s: TestServer;
beforeAll(async () => {
  s = await bootServer({ RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_CONVERSATION: '0' });
});
afterAll(async () => {
  await s.close();
});

const validUser = fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/);
const anyUser = fc.oneof(validUser, fc.string(), fc.constant(''), fc.constant('__proto__'), fc.integer(), fc.constant(null));
const nastyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.stringMatching(/^[0-9０-９ -]{10,40}$/), // card-number-like, full-width digits included
  fc.constantFrom('<script>alert(1)</script>', '\u0000\u0007\u001b[31m', '{{constructor}}', '${7*7}', '转人工', 'English please', '扣了两次88元', 'cvv 123', '\u202e\u200b'),
  fc.string({ maxLength: 5000 }),
);
const message = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'hello', 'welcome_back', 'poll'), fc.string()),
    user: anyUser,
    text: fc.oneof(nastyText, fc.integer(), fc.constant(null), fc.array(fc.string())),
    locale: fc.oneof(fc.constantFrom('zh-CN', 'en'), fc.string()),
    channel: fc.string(),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const rawBody = fc.oneof(
  message.map((m) => JSON.stringify(m)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  message.map((m) => JSON.stringify(m).slice(0, -3)), // truncated JSON
  fc.constant('{"__proto__":{"polluted":true},"type":"hello","user":"conv-0123456789abcdef"}'),
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin-9');

describe('fuzzing the webhook', () => {
  it('when 1500 random bodies are posted, then every answer is a JSON 2xx/4xx and never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, async (body, type) => {
        const res = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
        const text = await res.text();
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('content-type') ?? '').toMatch(/json/);
        const parsed = JSON.parse(text) as unknown;
        if (res.status === 200) expect(Array.isArray(parsed)).toBe(true);
        else expect(parsed).toMatchObject({ error: expect.any(String) as unknown });
      }),
      { seed: 20261121, numRuns: 1500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);
});

describe('fuzzing the websocket', () => {
  it('when 800 random frames are sent, then the server answers or closes politely and stays up', async () => {
    let client = await s.socket();
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawBody, fc.uint8Array({ maxLength: 64 })), async (frame) => {
        if (client.closeCode !== null) client = await s.socket();
        if (typeof frame === 'string') client.send(frame);
        else client.ws.send(Buffer.from(frame), { binary: true });
      }),
      { seed: 7, numRuns: 800 },
    );
    await new Promise((r) => setTimeout(r, 500));
    for (const f of client.frames) expect(typeof f).toBe('object');
    client.close();
  }, 120_000);
});

describe('after the fuzzing', () => {
  it('when a normal conversation follows, then it works', async () => {
    const user = newUser();
    const a = await s.say(user, '昨天在家乐福刷了两次，每次66块');
    expect(a[a.length - 1]?.expecting?.slot).toBe('role');
    const b = await s.say(user, '我是顾客');
    expect(b[b.length - 1]?.expecting).toBeDefined();
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
  });
});
