// HTTP hardening: security headers and CSP, the Origin check, rate limits with Retry-After
// (one noisy conversation does not starve another), metrics, and request ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, isLoopback } from '../../src/http/client-ip';
import { bootServer, newUser, WsClient, type TestServer } from '../helpers/server';

let s: TestServer;
beforeAll(async () => {
  s = await bootServer({ RATE_LIMIT_PER_CONVERSATION: '3', RATE_LIMIT_PER_IP: '0', ALLOWED_ORIGINS: 'https://shop.example' });
});
afterAll(async () => {
  await s.close();
});

describe('http hardening', () => {
  it('when a page is served, then helmet headers and a strict CSP are set', async () => {
    const res = await fetch(`${s.base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('when the chat API answers, then the reply is marked not to be sniffed, cached or referred', async () => {
    const res = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'hello', user: newUser() }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('when a foreign Origin posts, then 403 JSON; an allowed one gets CORS headers', async () => {
    const body = JSON.stringify({ type: 'hello', user: newUser() });
    const bad = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body });
    expect(bad.status).toBe(403);
    expect(await bad.json()).toMatchObject({ error: expect.any(String) as unknown });
    const ok = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://shop.example' }, body });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('when one conversation exceeds its limit, then it gets 429 with Retry-After and another conversation is unaffected', async () => {
    const noisy = newUser();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', user: noisy, text: `hi ${i}` }) });
      statuses.push(r.status);
      if (r.status === 429) {
        retryAfter = r.headers.get('retry-after');
        expect(await r.json()).toMatchObject({ error: expect.any(String) as unknown });
      } else await r.text();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const other = await s.say(newUser(), 'hello, I was charged twice');
    expect(other.length).toBeGreaterThan(0);
  });

  it('when a client exceeds the per-IP limit, then it gets 429 and other clients do not; behind a proxy on this host the client is the forwarded address, on the chat API and on sockets', async () => {
    const limited = await bootServer({ RATE_LIMIT_PER_IP: '2', RATE_LIMIT_PER_CONVERSATION: '0' });
    const post = (forwardedFor?: string) =>
      fetch(`${limited.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify({ type: 'poll', user: newUser() }),
      }).then(async (r) => (await r.text(), r.status));
    try {
      // Behind a proxy on this host (the test client is one), the forwarded address is the client.
      expect([await post('203.0.113.7'), await post('203.0.113.7'), await post('203.0.113.7')]).toEqual([200, 200, 429]);
      expect(await post('198.51.100.9')).toBe(200);
      // Straight from this host: its own address and budget.
      expect([await post(), await post(), await post()]).toEqual([200, 200, 429]);
      // Websocket frames: the same rule, by the address behind the proxy.
      const ws = await WsClient.open(`${limited.base.replace('http', 'ws')}/ws`, { 'x-forwarded-for': '192.0.2.44' });
      const user = newUser();
      for (let i = 0; i < 3; i++) ws.send({ type: 'poll', user });
      const frames = await ws.waitFor((f) => f.some((m) => m.error === 'rate limited'));
      expect(frames.filter((m) => m.error === 'rate limited')).toHaveLength(1);
      ws.close();
    } finally {
      await limited.close();
    }
  });

  it('when addresses are forwarded, then only hops behind loopback proxies are believed', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '10.0.0.9, 203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '203.0.113.7, 127.0.0.1')).toBe('203.0.113.7');
    expect(clientAddress('198.51.100.1', '127.0.0.1')).toBe('198.51.100.1'); // a client cannot claim to be local
    expect(clientAddress('::1', undefined)).toBe('::1');
    expect(isLoopback('127.8.9.10')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  it('when a limit is 0, then it is off', async () => {
    const free = await bootServer({ RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_IP: '0' });
    try {
      const user = newUser();
      for (let i = 0; i < 70; i++) await free.event(user, 'poll');
    } finally {
      await free.close();
    }
  });

  it('when /metrics is scraped, then turn, latency and handoff metrics are there', async () => {
    await s.say(newUser(), '转人工');
    const regular = newUser();
    await s.say(regular, '昨天在超市被扣了两次');
    await s.say(regular, '我是顾客'); // answered from the state kept after the first turn
    const text = await (await fetch(`${s.base}/metrics`)).text();
    expect(text).toMatch(/swipedesk_turn_commits_total\{path="kept"\} [1-9]/);
    expect(text).toMatch(/swipedesk_turn_commits_total\{path="locked"\} [1-9]/);
    expect(text).toMatch(/swipedesk_turns_total\{type="message"\} \d+/);
    expect(text).toContain('swipedesk_turn_seconds_bucket');
    expect(text).toMatch(/swipedesk_handoffs_total\{category="unknown",priority="normal"\} 1/);
    expect(text).toContain('swipedesk_open_conversations');
    expect(text).toContain('swipedesk_dropoff_total');
    expect(text).toContain('swipedesk_redis_errors_total');
  });
});
