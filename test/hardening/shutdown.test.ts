// Graceful shutdown with a real process: SIGTERM while turns are in flight — they finish, new
// requests are refused, and the process exits 0 well before the 5 s force limit.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths';
import { freePort } from '../helpers/redis-server';
import { AGENT_TOKEN, newUser } from '../helpers/server';

describe('graceful shutdown', () => {
  it('when SIGTERM arrives during turns, then in-flight turns are answered and the exit code is 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src/main.ts')], {
      cwd: fromRoot(),
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', AGENT_TOKEN, LOG_LEVEL: 'silent', RATE_LIMIT_PER_IP: '0' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const turns = Array.from({ length: 30 }, () =>
      fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', user: newUser(), text: '昨天在家乐福刷了两次卡，每次66块' }),
      }).then(
        async (r) => ({ status: r.status, body: (await r.json()) as unknown }),
        () => ({ status: 0, body: null }),
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGTERM');
    const results = await Promise.all(turns);
    const code = await exited;

    expect(code).toBe(0); // a forced exit after the 5 s limit would be 1
    // Every request got a real answer or a clear refusal: none got a broken or 5xx-with-HTML reply.
    for (const r of results) expect([0, 200, 503]).toContain(r.status);
    expect(results.filter((r) => r.status === 200).every((r) => Array.isArray(r.body) && r.body.length > 0)).toBe(true);
    expect(results.some((r) => r.status === 200)).toBe(true);
    expect(await fetch(`${base}/healthz`).then(() => 'up', () => 'refused')).toBe('refused');
  }, 60_000);
});
