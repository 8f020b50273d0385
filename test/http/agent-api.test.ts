// The agent API of design.md over HTTP: auth, list order, get, claim (409 for a second agent),
// messages relayed to the customer (socket or poll), resolve; and the bot's silence once claimed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/handoff/case-schema';
import type { OutMessage } from '../../src/types';
import { bootServer, newUser, type TestServer } from '../helpers/server';

let s: TestServer;
beforeAll(async () => {
  s = await bootServer();
});
afterAll(async () => {
  await s.close();
});

async function handOff(text = '我要转人工', user = newUser()): Promise<{ user: string; caseId: string; replies: OutMessage[] }> {
  const replies = await s.say(user, text);
  const h = replies.find((m) => m.handoff)?.handoff;
  if (!h) throw new Error(`no handoff in ${JSON.stringify(replies)}`);
  return { user, caseId: h.caseId, replies };
}

describe('agent API auth', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'wrong-token-0123456789'],
    ['an empty bearer', ''],
  ])('when a request has %s, then it gets 401 JSON', async (_n, token) => {
    const res = await fetch(`${s.base}/api/cases?status=waiting`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: expect.any(String) as unknown });
  });

  it('when the right token is sent, then the list answers 200', async () => {
    const r = await s.agent('GET', '/api/cases?status=waiting');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ cases: expect.any(Array) as unknown });
  });

  it('when an unknown case or a bad status is asked, then 404 / 400 JSON', async () => {
    expect((await s.agent('GET', '/api/cases/SD-20260101-NOPE00')).status).toBe(404);
    expect((await s.agent('GET', '/api/cases?status=lost')).status).toBe(400);
    expect((await s.agent('POST', '/api/cases/SD-20260101-NOPE00/claim', { agent: 'a' })).status).toBe(404);
  });
});

describe('a handed-off case', () => {
  it('when the customer asks for a human, then the case is readable, valid, and hides the conversation id', async () => {
    const { user, caseId } = await handOff('I want to talk to a real person about a double charge');
    const r = await s.agent('GET', `/api/cases/${caseId}`);
    expect(r.status).toBe(200);
    const kase = r.json as Case;
    expect(kase).toMatchObject({ schemaVersion: 1, caseId, status: 'waiting', locale: 'en' });
    expect(kase.summary.en.length).toBeGreaterThan(10);
    expect(kase.summary['zh-CN'].length).toBeGreaterThan(5);
    expect(JSON.stringify(kase)).not.toContain(user);
    expect(kase.transcript.length).toBeGreaterThan(0);
  });

  it('when two agents claim, then the second gets 409, and the agent message reaches the customer by poll', async () => {
    const { user, caseId } = await handOff();
    const claim = await s.agent('POST', `/api/cases/${caseId}/claim`, { agent: 'Alice' });
    expect(claim.status).toBe(200);
    expect((claim.json as Case).status).toBe('assigned');
    expect((await s.agent('POST', `/api/cases/${caseId}/claim`, { agent: 'Bob' })).status).toBe(409);
    expect((await s.agent('POST', `/api/cases/${caseId}/claim`, {})).status).toBe(400);

    const sent = await s.agent('POST', `/api/cases/${caseId}/messages`, { text: '您好，我是客服小王' });
    expect(sent.status).toBe(200);
    const polled = await s.event(user, 'poll');
    const agentMsg = polled.find((m) => m.from === 'agent');
    expect(agentMsg?.text).toBe('您好，我是客服小王');
    expect(await s.event(user, 'poll')).toEqual([]);
  });

  it('when the customer writes after the claim, then the bot stays quiet and the text lands in the case transcript', async () => {
    const { user, caseId } = await handOff();
    await s.agent('POST', `/api/cases/${caseId}/claim`, { agent: 'Alice' });
    await s.event(user, 'poll');
    const replies = await s.say(user, '<script>alert(1)</script> 我的小票找到了');
    expect(replies.filter((m) => m.from !== 'agent')).toEqual([]);
    const kase = (await s.agent('GET', `/api/cases/${caseId}`)).json as Case;
    expect(kase.transcript.some((e) => e.from === 'user' && e.text.includes('<script>alert(1)</script>'))).toBe(true);
  });

  it('when the customer writes while waiting, then the bot says the case is waiting', async () => {
    const { user, caseId } = await handOff();
    const replies = await s.say(user, 'hello? anyone?');
    expect(replies.some((m) => m.text.includes(caseId))).toBe(true);
  });

  it('when the case is resolved, then it is listed as resolved and the customer is told', async () => {
    const { user, caseId } = await handOff();
    await s.agent('POST', `/api/cases/${caseId}/claim`, { agent: 'Alice' });
    const r = await s.agent('POST', `/api/cases/${caseId}/resolve`);
    expect(r.status).toBe(200);
    expect((r.json as Case).status).toBe('resolved');
    const list = (await s.agent('GET', '/api/cases?status=resolved')).json as { cases: Case[] };
    expect(list.cases.some((c) => c.caseId === caseId)).toBe(true);
    const polled = await s.event(user, 'poll');
    expect(polled.some((m) => m.text.includes(caseId))).toBe(true);
    expect((await s.agent('POST', `/api/cases/${caseId}/messages`, { text: 'late' })).status).toBe(409);
    const again = await s.say(user, '还有一个问题，我被重复扣款了');
    expect(again[again.length - 1]?.expecting).toBeDefined();
  });

  it('when urgent and normal cases wait, then the list shows urgent first, then oldest first', async () => {
    const a = await handOff('转人工');
    const b = await handOff('卡在我身上，刚收到短信消费了3000元，不是我刷的，转人工');
    const list = ((await s.agent('GET', '/api/cases?status=waiting')).json as { cases: Case[] }).cases;
    const ids = list.map((c) => c.caseId);
    expect(ids.indexOf(b.caseId)).toBeLessThan(ids.indexOf(a.caseId));
    expect(list.find((c) => c.caseId === b.caseId)?.priority).toBe('urgent');
    expect(list.every((c) => c.transcript.length === 0)).toBe(true);
  });
});

describe('live relay over the websocket', () => {
  it('when an agent writes, then the customer socket receives it with from: agent', async () => {
    const user = newUser();
    const c = await s.socket();
    c.send({ type: 'message', user, text: '转人工' });
    const frames = await c.waitFor((f) => f.some((m) => m.handoff));
    const caseId = (frames.find((m) => m.handoff)?.handoff as { caseId: string }).caseId;
    await s.agent('POST', `/api/cases/${caseId}/claim`, { agent: 'Alice' });
    await s.agent('POST', `/api/cases/${caseId}/messages`, { text: 'Hi, Alice here' });
    const got = await c.waitFor((f) => f.some((m) => m.from === 'agent'));
    expect(got.find((m) => m.from === 'agent')?.text).toBe('Hi, Alice here');
    c.close();
  });
});
