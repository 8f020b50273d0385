// `npx tsx bench/profile.ts`: runs the server child (Redis) under `node --cpu-prof` through a 16-user
// load run, then prints its top self-time functions (bench/top-profile.ts) for the measured window.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceMapPayload } from 'node:module';
import { startRedisServer, type RedisServer } from '../test/helpers/redis-server';
import { killAllChildren, ROOT, spawnChild, type ChildHandle } from './children';
import { runLoad } from './load';
import { round } from './stats';
import { summarise } from './top-profile';

const RESULTS = path.join(ROOT, 'bench', 'results');
const users = Number(process.env.BENCH_PROFILE_USERS ?? 16) || 16;
const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 15) || 15;
const name = `server-${users}u`;
const log = (msg: string) => process.stderr.write(`[profile] ${msg}\n`);
let redis: RedisServer | null = null;

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const profileFile = path.join(RESULTS, `${name}.cpuprofile`);
  const mapsFile = path.join(RESULTS, `${name}.sourcemaps.json`);
  const windowFile = path.join(RESULTS, `${name}.window.json`);
  for (const f of [profileFile, mapsFile, windowFile]) rmSync(f, { force: true });
  // tsx's loader hooks run in a worker thread that --cpu-prof profiles too: write every thread's
  // profile into a scratch folder and keep the main thread's (thread id 0 in the file name).
  const scratch = path.join(RESULTS, `${name}.cpuprof.tmp`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  let server: ChildHandle | null = null;
  const loadavgStart = os.loadavg().map((x) => round(x, 2));
  try {
    redis = await startRedisServer();
    server = await spawnChild({
      name: 'server-profiled',
      file: 'bench/server-child.ts',
      env: { REDIS_URL: redis.url, AGENT_TOKEN: 'bench-agent-token-0123456789abcdef', BENCH_SOURCEMAPS_OUT: mapsFile },
      nodeFlags: ['--cpu-prof', '--cpu-prof-dir', scratch, '--enable-source-maps'],
    });
    const child = server;
    log(`server pid ${child.pid} port ${child.port}; ${users} users, 2 s warm-up + ${seconds} s`);
    const marks: number[] = [];
    const r = await runLoad({
      base: child.base,
      mode: 'bot',
      users,
      warmupMs: 2000,
      durationMs: seconds * 1000,
      echoTexts: [],
      serverCpuUs: async () => {
        const s = await child.stats(false);
        marks.push(s.hrtimeUs);
        return s.cpuUserUs + s.cpuSystemUs;
      },
    });
    log(`${r.turnsPerSec} turns/s, p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99} ms, errors ${r.errors}, server ${r.serverCpuUsPerTurn} µs CPU/turn`);
    if (marks.length === 2) writeFileSync(windowFile, JSON.stringify({ from: marks[0], to: marks[1] }));
    await child.stop();
    server = null;
  } finally {
    await server?.stop();
    await redis?.stop();
    redis = null;
  }
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile
  const main = readdirSync(scratch).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (main) renameSync(path.join(scratch, main), profileFile);
  rmSync(scratch, { recursive: true, force: true });
  if (!existsSync(profileFile)) throw new Error(`no main-thread profile written (looked in ${scratch})`);
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as Parameters<typeof summarise>[0];
  const maps = existsSync(mapsFile) ? (JSON.parse(readFileSync(mapsFile, 'utf8')) as Record<string, SourceMapPayload>) : {};
  const window = existsSync(windowFile) ? (JSON.parse(readFileSync(windowFile, 'utf8')) as { from: number; to: number }) : undefined;
  const text = `${users} users, ${seconds} s, loadavg at start ${loadavgStart.join(' ')}\n${summarise(profile, maps, 25, window)}\n`;
  writeFileSync(path.join(RESULTS, `${name}.top.txt`), text);
  process.stdout.write(text);
  log(`profile: ${path.relative(ROOT, profileFile)}; summary: bench/results/${name}.top.txt`);
}

process.once('SIGINT', () => {
  killAllChildren();
  void (redis?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
});
main().then(
  () => process.exit(0),
  (err: unknown) => {
    killAllChildren();
    process.stderr.write(`[profile] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
