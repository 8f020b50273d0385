// The channel contract of design.md over real HTTP and websockets: the webhook always answers a
// JSON array, bad input gets a JSON 4xx and the server keeps answering, hello/welcome_back/poll.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALOG_STATE_CONFIG_KEY } from '../../src/channels/botkit/channel';
import { bootServer, newUser, WsClient, type TestServer } from '../helpers/server';

let s: TestServer;
beforeAll(async () => {
  s = await bootServer();
});
afterAll(async () => {
  await s.close();
});

async function stillAnswers(): Promise<void> {
  const replies = await s.event(newUser(), 'hello', { locale: 'en' });
  expect(replies.length).toBeGreaterThan(0);
}

describe('webhook POST /api/messages', () => {
  it('when a hello arrives, then the greeting and the role question come back in the hinted language', async () => {
    const replies = await s.event(newUser(), 'hello', { locale: 'en' });
    expect(replies[0]?.text).toMatch(/card number/i);
    const last = replies[replies.length - 1];
    expect(last?.expecting).toEqual({ slot: 'role', kind: 'choice' });
    expect(last?.quick_replies?.map((q) => q.payload)).toEqual(['cardholder', 'merchant']);
    expect(replies.every((m) => m.locale === 'en' && m.type === 'message')).toBe(true);
  });

  it('when the first message is Chinese, then the bot answers in Chinese', async () => {
    const replies = await s.say(newUser(), '你好，我被多扣钱了', { channel: 'webhook' });
    expect(replies.every((m) => m.locale === 'zh-CN')).toBe(true);
    expect(replies[0]?.text).toMatch(/卡号/);
  });

  it('when a poll has nothing pending, then the body is an empty JSON array', async () => {
    const r = await s.post({ type: 'poll', user: newUser() });
    expect(r.status).toBe(200);
    expect(r.text).toBe('[]');
  });

  it.each([
    ['malformed JSON', '{"type":"message",', 400],
    ['a JSON array', '[1,2]', 400],
    ['a JSON string', '"hello"', 400],
    ['a missing user', { type: 'message', text: 'hi' }, 400],
    ['a short user', { type: 'message', user: 'abc', text: 'hi' }, 400],
    ['a user with bad characters', { type: 'message', user: 'conv-../../etc/passwd-xx', text: 'hi' }, 400],
    ['text that is a number', { type: 'message', user: 'conv-0123456789abcdef', text: 42 }, 400],
    ['a message without text', { type: 'message', user: 'conv-0123456789abcdef' }, 400],
    ['an unknown type', { type: 'typing', user: 'conv-0123456789abcdef' }, 400],
    ['an unknown locale', { type: 'hello', user: 'conv-0123456789abcdef', locale: 'fr' }, 400],
    ['a prototype-pollution key', '{"type":"hello","user":"conv-0123456789abcdef","__proto__":{"x":1}}', 400],
  ])('when the body has %s, then it gets a JSON 4xx and the server still answers', async (_name, body, status) => {
    const r = await s.post(body);
    expect(r.status).toBe(status);
    expect(r.json).toMatchObject({ error: expect.any(String) as unknown });
    await stillAnswers();
  });

  it('when the body is larger than 64 KB, then it gets 413 JSON', async () => {
    const r = await s.post({ type: 'message', user: newUser(), text: 'x'.repeat(70 * 1024) });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ error: expect.any(String) as unknown });
    await stillAnswers();
  });

  it('when the content type is not JSON, then it gets 415 JSON', async () => {
    const r = await s.post('type=message', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
    expect(r.json).toMatchObject({ error: expect.any(String) as unknown });
    await stillAnswers();
  });

  it('when unknown fields are sent, then they are ignored', async () => {
    const r = await s.post({ type: 'hello', user: newUser(), channel: 'webhook', foo: { bar: 1 }, locale: 'zh-CN' });
    expect(r.status).toBe(200);
    expect(Array.isArray(r.json)).toBe(true);
  });

  it('when a reload sends welcome_back, then the redacted history and the current question come back', async () => {
    const user = newUser();
    await s.event(user, 'hello', { locale: 'zh-CN' });
    await s.say(user, '我的卡号是 6222 0212 3456 7890 128，被扣了两次');
    const replies = await s.event(user, 'welcome_back');
    const first = replies[0];
    expect(first?.history?.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(first?.history)).not.toContain('6222 0212');
    expect(JSON.stringify(first?.history)).toContain('0128');
    expect(replies[replies.length - 1]?.expecting).toBeDefined();
  });

  it('when a message holds a card number, then the reply warns and never echoes it', async () => {
    const replies = await s.say(newUser(), 'card 4111-1111-1111-1111 was charged twice');
    const all = JSON.stringify(replies);
    expect(all).not.toMatch(/4111.?1111.?1111/);
    expect(replies[0]?.text).toMatch(/card number/i);
  });
});

describe('websocket /ws', () => {
  it('when a hello frame is sent, then bot frames are pushed back', async () => {
    const c = await s.socket();
    c.send({ type: 'hello', user: newUser(), locale: 'en' });
    const frames = await c.waitFor((f) => f.some((m) => m.expecting));
    expect(frames[0]?.type).toBe('message');
    c.close();
  });

  it('when a frame is invalid, then an error frame comes back and the socket keeps working', async () => {
    const c = await s.socket();
    c.send('not json');
    c.send({ type: 'message', text: 'no user' });
    await c.waitFor((f) => f.filter((m) => m.type === 'error').length === 2);
    c.send({ type: 'hello', user: newUser(), locale: 'en' });
    await c.waitFor((f) => f.some((m) => m.expecting));
    c.close();
  });

  it('when a binary frame is sent, then the socket is closed with 1003 and the server lives on', async () => {
    const c = await s.socket();
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await c.waitFor(() => c.closeCode !== null).catch(() => undefined);
    expect(c.closeCode).toBe(1003);
    await stillAnswers();
  });

  it('when the Origin is foreign, then the upgrade is refused', async () => {
    await expect(WsClient.open(`ws://127.0.0.1:${s.server.port}/ws`, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const ok = await WsClient.open(`ws://127.0.0.1:${s.server.port}/ws`, { origin: `http://127.0.0.1:${s.server.port}` });
    ok.close();
  });
});

describe('Botkit turn overhead', () => {
  it('when turns arrive by webhook and websocket, then they all share one dialog-state configuration built by botbuilder', async () => {
    // Observes the turn state after Botkit's turn; if botbuilder stopped reading the shared
    // configuration from this key, every turn would build (and leave) its own.
    type TurnMiddleware = (ctx: { turnState: Map<unknown, unknown> }, next: () => Promise<void>) => Promise<void>;
    const { adapter } = s.server.channel.controller as unknown as { adapter: { use(mw: TurnMiddleware): void } };
    const seen: unknown[] = [];
    adapter.use(async (ctx, next) => {
      await next();
      seen.push(ctx.turnState.get(DIALOG_STATE_CONFIG_KEY));
    });
    await s.event(newUser(), 'hello', { locale: 'en' });
    await s.say(newUser(), 'I was charged twice', { channel: 'webhook' });
    const c = await s.socket();
    c.send({ type: 'hello', user: newUser(), locale: 'zh-CN' });
    await c.waitFor((f) => f.some((m) => m.expecting));
    c.close();
    await vi.waitFor(() => expect(seen).toHaveLength(3)); // the socket's frames can beat the turn's end
    const config = seen[0] as { memoryScopes?: unknown[] } | undefined;
    expect(config?.memoryScopes?.length).toBeGreaterThan(0);
    expect(seen.every((x) => x === config)).toBe(true);
  });
});

describe('health', () => {
  it('when asked, then /healthz and /readyz answer 200 JSON', async () => {
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    const r = await fetch(`${s.base}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
  });

  it('when an unknown API path is asked, then a JSON 404 comes back', async () => {
    const r = await fetch(`${s.base}/api/nope`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: 'not found' });
  });
});
