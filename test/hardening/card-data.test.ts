// Card data never stays anywhere: after a conversation where a full card number (full-width
// digits too) and security codes were typed, scan every Redis key and value, the transcript,
// the case, the logs and every reply.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import Redis from 'ioredis';
import { createLogger } from '../../src/logger';
import type { OutMessage } from '../../src/types';
import { unpack } from '../../src/store/redis/packing';
import { bootServer, newUser, type TestServer } from '../helpers/server';

const PAN = '6222 0299 8877 6655 432';
const PAN_FULLWIDTH = '６２２２０２９９８８７７６６５５４３２';
const DIGITS = '6222029988776655432';
const CVV = '739';
const PIN = '902417';

let s: TestServer;
let logs = '';
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs += chunk.toString();
      cb();
    },
  });
  s = await bootServer({ REDIS_URL: inject('redisUrl') }, { logger: createLogger('debug', sink) });
});
afterAll(async () => {
  await s.close();
});

function leaks(text: string): string[] {
  const found: string[] = [];
  const squashed = text.replace(/[\s-]/g, '');
  if (squashed.includes(DIGITS)) found.push('card number');
  if (text.includes(PAN_FULLWIDTH)) found.push('full-width card number');
  if (/(?:cvv|安全码)\D{0,6}739/i.test(text)) found.push('cvv');
  if (text.includes(PIN)) found.push('pin');
  return found;
}

describe('card data', () => {
  it('when a customer types card numbers and codes, then they appear nowhere and the customer is warned', async () => {
    const user = newUser();
    const replies: OutMessage[] = [];
    replies.push(...(await s.say(user, `我的卡号是 ${PAN}，被重复扣款了两次，每次88元`)));
    expect(replies.some((m) => /卡号/.test(m.text) && /删除|隐藏/.test(m.text))).toBe(true);
    replies.push(...(await s.say(user, '我是顾客')));
    replies.push(...(await s.say(user, `卡号：${PAN_FULLWIDTH}，cvv ${CVV}，密码 ${PIN}`)));
    replies.push(...(await s.say(user, `安全码是${CVV}`)));
    replies.push(...(await s.say(user, '转人工')));
    const caseId = replies.find((m) => m.handoff)?.handoff?.caseId;
    expect(caseId).toBeDefined();

    const history = await s.event(user, 'welcome_back');
    const kase = await s.agent('GET', `/api/cases/${String(caseId)}`);
    expect(JSON.stringify(kase.json)).toContain('5432'); // the last 4 may be kept
    expect((kase.json as { transaction: { cardLast4: string } }).transaction.cardLast4).toBe('5432');

    const redis = new Redis(inject('redisUrl'));
    let dump = '';
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
        cursor = next;
        for (const k of keys) {
          const type = await redis.type(k);
          dump += `\n${k} `;
          // Packed (deflated) values are read as the store reads them: compression hides nothing.
          if (type === 'string') dump += unpack((await redis.getBuffer(k)) ?? Buffer.alloc(0));
          else if (type === 'list') dump += (await redis.lrangeBuffer(k, 0, -1)).map(unpack).join('\n');
          else if (type === 'hash') dump += Object.entries(await redis.hgetallBuffer(k)).map(([f, v]) => `${f}=${unpack(v)}`).join('\n');
          else if (type === 'zset') dump += (await redis.zrange(k, 0, -1)).join('\n');
          else if (type === 'stream') dump += JSON.stringify(await redis.xrange(k, '-', '+'));
        }
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    expect(dump).toContain(String(caseId)); // the scan really saw this conversation's data
    expect(dump).toContain('"cardLast4":"5432"'); // ...including the packed case body

    expect(leaks(JSON.stringify(replies)), 'replies').toEqual([]);
    expect(leaks(JSON.stringify(history)), 'transcript').toEqual([]);
    expect(leaks(JSON.stringify(kase.json)), 'case').toEqual([]);
    expect(leaks(dump), 'redis').toEqual([]);
    expect(logs.length).toBeGreaterThan(100);
    expect(leaks(logs), 'logs').toEqual([]);
    expect(logs).not.toContain(user); // only a hash of the conversation id is logged
  });
});
