// Restart safety with real processes: kill -9 an instance mid-conversation; the next turn, on the
// other instance or on a restarted one, continues where the user was.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { OutMessage } from '../../src/types';
import { fromRoot } from '../../src/paths';
import { freePort } from '../helpers/redis-server';
import { AGENT_TOKEN, newUser } from '../helpers/server';

interface Proc {
  child: ChildProcess;
  base: string;
}

const procs: Proc[] = [];

async function startInstance(redisUrl: string, port?: number): Promise<Proc> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src/main.ts')], {
    cwd: fromRoot(),
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', REDIS_URL: redisUrl, AGENT_TOKEN, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${p}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const proc = { child, base };
  procs.push(proc);
  return proc;
}

async function say(p: Proc, user: string, text: string): Promise<OutMessage[]> {
  const res = await fetch(`${p.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', user, text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as OutMessage[];
}

const asked = (r: OutMessage[]) => r[r.length - 1]?.expecting?.slot;

afterAll(() => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});

describe('restart safety', () => {
  it('when an instance is killed with SIGKILL mid-conversation, then another instance and a restarted one continue it', async () => {
    const url = inject('redisUrl');
    const a = await startInstance(url);
    const b = await startInstance(url);
    const user = newUser();

    expect(asked(await say(a, user, '昨天在沃尔玛刷了两次卡，每次128元'))).toBe('role');
    const afterRole = asked(await say(a, user, '我是顾客'));
    expect(afterRole).toBeDefined();

    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));

    const onB = await say(b, user, '尾号是6543');
    expect(onB.every((m) => m.locale === 'zh-CN')).toBe(true);
    const nextOnB = asked(onB);
    expect(nextOnB).not.toBe('role');

    const port = Number(new URL(a.base).port);
    const a2 = await startInstance(url, port);
    const onA2 = await say(a2, user, '借记卡');
    expect(asked(onA2)).not.toBe(nextOnB === 'cardType' ? 'cardType' : 'role');

    const history = await fetch(`${a2.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'welcome_back', user }),
    }).then((r) => r.json() as Promise<OutMessage[]>);
    const userLines = (history[0]?.history ?? []).filter((e) => e.from === 'user').map((e) => e.text);
    expect(userLines).toEqual(['昨天在沃尔玛刷了两次卡,每次128元', '我是顾客', '尾号是6543', '借记卡']);
  }, 60_000);
});
