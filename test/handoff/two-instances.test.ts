// A customer on one instance and an agent on another, sharing a real Redis: the case is claimed,
// both sides chat live through it (pub/sub to the socket's instance), until it is resolved.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Case } from '../../src/handoff/case-schema';
import { disputeDeadline } from '../../dialogs/misswipe/deadlines';
import { reasonCodesFor } from '../../src/handoff/reason-codes';
import { CATEGORIES } from '../../src/types';
import { bootServer, newUser, type TestServer } from '../helpers/server';

describe('live chat across two instances', () => {
  let customerSide: TestServer;
  let agentSide: TestServer;
  beforeAll(async () => {
    const url = inject('redisUrl');
    customerSide = await bootServer({ REDIS_URL: url });
    agentSide = await bootServer({ REDIS_URL: url });
  });
  afterAll(async () => {
    await Promise.all([customerSide.close(), agentSide.close()]);
  });

  it('when the agent works on instance B, then the customer on instance A chats with them live until the case is resolved', async () => {
    const user = newUser();
    const ws = await customerSide.socket();
    ws.send({ type: 'hello', user, locale: 'zh-CN' });
    await ws.waitFor((f) => f.some((m) => m.expecting));
    ws.send({ type: 'message', user, text: '昨天在永辉超市被扣了两次，每次45元，我要转人工' });
    const frames = await ws.waitFor((f) => f.some((m) => m.handoff));
    const caseId = (frames.find((m) => m.handoff)?.handoff as { caseId: string }).caseId;

    // The agent, on the other instance, sees the case in the queue and claims it.
    const waiting = (await agentSide.agent('GET', '/api/cases?status=waiting')).json as { cases: Case[] };
    expect(waiting.cases.some((c) => c.caseId === caseId)).toBe(true);
    expect((await agentSide.agent('POST', `/api/cases/${caseId}/claim`, { agent: 'Wang' })).status).toBe(200);
    await ws.waitFor((f) => f.some((m) => typeof m.text === 'string' && m.text.includes('Wang')));

    // Agent → customer, live over the socket held by the other instance.
    await agentSide.agent('POST', `/api/cases/${caseId}/messages`, { text: '您好，我是王经理，马上帮您查' });
    await ws.waitFor((f) => f.some((m) => m.from === 'agent' && m.text === '您好，我是王经理，马上帮您查'));

    // Customer → agent: the bot stays quiet, the agent reads it in the case transcript.
    const before = ws.frames.length;
    ws.send({ type: 'message', user, text: '好的，小票我拍照了' });
    let kase: Case | null = null;
    for (let i = 0; i < 50; i++) {
      kase = (await agentSide.agent('GET', `/api/cases/${caseId}`)).json as Case;
      if (kase.transcript.some((e) => e.from === 'user' && e.text === '好的,小票我拍照了')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(kase?.transcript.some((e) => e.from === 'user' && e.text === '好的,小票我拍照了')).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(ws.frames.slice(before).filter((m) => m.from !== 'agent')).toEqual([]);

    // Resolve on B; the customer on A is told.
    expect((await agentSide.agent('POST', `/api/cases/${caseId}/resolve`)).status).toBe(200);
    await ws.waitFor((f) => f.some((m) => typeof m.text === 'string' && m.text.includes(caseId) && /处理完毕/.test(m.text)));
    const resolved = (await customerSide.agent('GET', `/api/cases/${caseId}`)).json as Case;
    expect(resolved.status).toBe('resolved');
    expect(resolved.transcript.filter((e) => e.from === 'agent')).toHaveLength(1);
    ws.close();
  });

  it('when a conversation is handed off, then its transcript is kept once, in the case, and a returning customer still sees all of it', async () => {
    const user = newUser();
    await customerSide.event(user, 'hello', { locale: 'en' });
    const first = await customerSide.say(user, 'I was charged twice at the gas station yesterday, $45 each, I want a human');
    const caseId = first.find((m) => m.handoff)?.handoff?.caseId;
    expect(caseId).toBeTruthy();
    await agentSide.agent('POST', `/api/cases/${caseId}/claim`, { agent: 'Li' });
    await agentSide.agent('POST', `/api/cases/${caseId}/messages`, { text: 'Hello, I am looking at it now' });
    await customerSide.say(user, 'thanks, I have the receipt');

    const kase = (await agentSide.agent('GET', `/api/cases/${caseId}`)).json as Case;
    const texts = kase.transcript.map((e) => `${e.from}: ${e.text}`);
    const once = (t: string) => texts.filter((x) => x === t).length;
    expect(once('user: I was charged twice at the gas station yesterday, $45 each, I want a human')).toBe(1);
    expect(once('agent: Hello, I am looking at it now')).toBe(1);
    expect(once('user: thanks, I have the receipt')).toBe(1);
    // The case announcement (rendered after the case was stored) is in it too, once.
    expect(texts.filter((t) => t.startsWith('bot: ') && t.includes(caseId!))).toHaveLength(1);
    expect(texts.indexOf('agent: Hello, I am looking at it now')).toBeLessThan(texts.indexOf('user: thanks, I have the receipt'));

    // No second copy under the conversation's own keys.
    const redis = new Redis(inject('redisUrl'));
    try {
      expect(await redis.exists(`sd:{conv:${user}}:transcript`)).toBe(0);
    } finally {
      redis.disconnect();
    }

    // Coming back (on the other instance), the customer gets the whole conversation, agent included.
    const back = await agentSide.event(user, 'welcome_back');
    const history = back.find((m) => m.history)?.history ?? [];
    expect(history.map((e) => `${e.from}: ${e.text}`)).toEqual(texts);
  });
});

describe('reason codes and deadlines', () => {
  it('when each category is looked up, then the design table codes come back', () => {
    const table = Object.fromEntries(CATEGORIES.map((c) => [c, reasonCodesFor(c, { role: 'cardholder', undercharge: false })]));
    expect(table.wrong_amount).toEqual({ visa: '12.5', mastercard: '4834', unionpay: '4507' });
    expect(table.duplicate_charge).toEqual({ visa: '12.6.1', mastercard: '4834', unionpay: '4512' });
    expect(table.charged_but_failed).toEqual({ visa: null, mastercard: '4834', unionpay: '4502' });
    expect(table.paid_by_other_means).toEqual({ visa: '12.6.2', mastercard: '4834', unionpay: '4806' });
    expect(table.refund_not_received).toEqual({ visa: '13.6', mastercard: '4853', unionpay: '4532' });
    expect(table.preauth_hold).toEqual({ visa: null, mastercard: '4808', unionpay: '4528' });
    expect(table.currency_conversion).toEqual({ visa: '12.3', mastercard: '4834', unionpay: null });
    expect(table.late_presentment).toEqual({ visa: '12.1', mastercard: '4834', unionpay: '4536' });
    expect(table.unrecognized_charge).toEqual({ visa: '10.3', mastercard: '4837', unionpay: '4515' });
    expect(table.wrong_card).toEqual({ visa: null, mastercard: null, unionpay: null });
    expect(table.other).toEqual({ visa: null, mastercard: null, unionpay: null });
    expect(reasonCodesFor('wrong_amount', { role: 'merchant', undercharge: true })).toEqual({ visa: null, mastercard: null, unionpay: null });
  });

  it('when the transaction date is known, then processing errors get +90 days and credits/fraud +120', () => {
    expect(disputeDeadline('duplicate_charge', '2026-11-20', { undercharge: false })).toBe('2027-02-18');
    expect(disputeDeadline('refund_not_received', '2026-11-20', { undercharge: false })).toBe('2027-03-20');
    expect(disputeDeadline('unrecognized_charge', '2026-11-20', { undercharge: false })).toBe('2027-03-20');
    expect(disputeDeadline('duplicate_charge', null, { undercharge: false })).toBeNull();
    expect(disputeDeadline('wrong_card', '2026-11-20', { undercharge: false })).toBeNull();
    expect(disputeDeadline('wrong_amount', '2026-11-20', { undercharge: true })).toBeNull();
  });
});
