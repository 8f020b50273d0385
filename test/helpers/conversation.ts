// Plays a scripted customer against the real server over the webhook: answers whatever the bot
// asks (by `expecting.slot`), then reads the case from the agent API.
import { expect } from 'vitest';
import type { Case } from '../../src/handoff/case-schema';
import type { OutMessage } from '../../src/types';
import { newUser, type TestServer } from './server';

export interface Script {
  id: string;
  first: string;
  answers: Record<string, string>;
  expect: Record<string, unknown>;
  /** Regexes some bot reply must match. */
  replies?: RegExp[];
  /** Slots the bot must never ask. */
  neverAsks?: string[];
}

export interface Played {
  kase: Case;
  asked: string[];
  transcript: OutMessage[];
}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), obj);
}

export async function play(s: TestServer, script: Script): Promise<Played> {
  const user = newUser();
  const asked: string[] = [];
  const transcript: OutMessage[] = [];
  let text: string | undefined = script.first;
  let caseId: string | null = null;
  for (let turn = 0; turn < 30 && text !== undefined; turn++) {
    const replies = await s.say(user, text);
    transcript.push(...replies);
    const asking = replies.filter((m) => m.expecting);
    expect(asking.length, `turn ${turn}: at most one question`).toBeLessThanOrEqual(1);
    if (asking[0]) expect(replies[replies.length - 1], 'the question is the last message').toBe(asking[0]);
    const h = replies.find((m) => m.handoff);
    if (h?.handoff) {
      caseId = h.handoff.caseId;
      expect(asking).toEqual([]);
      break;
    }
    const slot = asking[0]?.expecting?.slot;
    if (!slot) throw new Error(`${script.id}: the bot asked nothing and handed nothing off: ${JSON.stringify(replies)}`);
    asked.push(slot);
    if (asked.filter((x) => x === slot).length > 3) throw new Error(`${script.id}: asked ${slot} more than 3 times`);
    text = script.answers[slot] ?? script.answers['*'];
    if (text === undefined) throw new Error(`${script.id}: no answer for ${slot}`);
  }
  if (!caseId) throw new Error(`${script.id}: no handoff; asked ${asked.join(', ')}`);
  const r = await s.agent('GET', `/api/cases/${caseId}`);
  expect(r.status).toBe(200);
  return { kase: r.json as Case, asked, transcript };
}

export function check(script: Script, played: Played): void {
  for (const [path, want] of Object.entries(script.expect)) {
    expect(get(played.kase, path), `${script.id}: ${path}`).toEqual(want);
  }
  for (const re of script.replies ?? []) {
    expect(played.transcript.some((m) => re.test(m.text)), `${script.id}: a reply matches ${re}`).toBe(true);
  }
  for (const slot of script.neverAsks ?? []) expect(played.asked, `${script.id}: never asks ${slot}`).not.toContain(slot);
}
