// `npx tsx bench/profile.ts [server|engine]`: CPU-profiles (node --cpu-prof) the server child with Redis
// through a 16-user load run, or the in-process engine-turn loop, and prints the top self-time functions.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SourceMapPayload } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startRedisServer, type RedisServer } from '../test/helpers/redis-server';
import { killAllChildren, ROOT, spawnChild, type ChildHandle } from './children';
import { runLoad } from './load';
import { round } from './stats';
import { summarise } from './top-profile';

const RESULTS = path.join(ROOT, 'bench', 'results');
const target = process.argv[2] === 'engine' ? 'engine' : 'server';
const users = Number(process.env.BENCH_PROFILE_USERS ?? 16) || 16;
const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 15) || 15;
// The bot's CPU per turn keeps falling for ~20 s while V8 optimises it (see README): a shorter
// warm-up profiles the optimiser's work, not the warm server's.
const warmupSeconds = Number(process.env.BENCH_PROFILE_WARMUP_SECONDS ?? 20) || 20;
const name = target === 'engine' ? 'engine' : `server-${users}u`;
const log = (msg: string) => process.stderr.write(`[profile] ${msg}\n`);
let redis: RedisServer | null = null;
let engineChild: ChildProcess | null = null;

const files = {
  profile: path.join(RESULTS, `${name}.cpuprofile`),
  maps: path.join(RESULTS, `${name}.sourcemaps.json`),
  window: path.join(RESULTS, `${name}.window.json`),
  // tsx's loader hooks run in a worker thread that --cpu-prof profiles too: every thread's profile
  // goes to a scratch folder and the main thread's (thread id 0 in the file name) is kept.
  scratch: path.join(RESULTS, `${name}.cpuprof.tmp`),
};
const profFlags = ['--cpu-prof', '--cpu-prof-dir', files.scratch, '--enable-source-maps'];

async function profileServer(): Promise<string> {
  let server: ChildHandle | null = null;
  try {
    redis = await startRedisServer();
    server = await spawnChild({
      name: 'server-profiled',
      file: 'bench/server-child.ts',
      env: { REDIS_URL: redis.url, AGENT_TOKEN: 'bench-agent-token-0123456789abcdef', BENCH_SOURCEMAPS_OUT: files.maps },
      nodeFlags: profFlags,
    });
    const child = server;
    log(`server pid ${child.pid} port ${child.port}; ${users} users, ${warmupSeconds} s warm-up + ${seconds} s`);
    const marks: number[] = [];
    const r = await runLoad({
      base: child.base,
      mode: 'bot',
      users,
      warmupMs: warmupSeconds * 1000,
      durationMs: seconds * 1000,
      echoTexts: [],
      serverCpuUs: async () => {
        const s = await child.stats(false);
        marks.push(s.hrtimeUs);
        return s.cpuUserUs + s.cpuSystemUs;
      },
    });
    const line = `${users} users: ${r.turnsPerSec} turns/s, p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99} ms, errors ${r.errors}, server ${r.serverCpuUsPerTurn} µs CPU/turn`;
    log(line);
    if (marks.length === 2) writeFileSync(files.window, JSON.stringify({ from: marks[0], to: marks[1] }));
    await child.stop();
    server = null;
    return line;
  } finally {
    await server?.stop();
    await redis?.stop();
    redis = null;
  }
}

async function profileEngine(): Promise<string> {
  const child = (engineChild = spawn(process.execPath, [...profFlags, '--import', 'tsx', path.join(ROOT, 'bench/engine-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, BENCH_SOURCEMAPS_OUT: files.maps, BENCH_WINDOW_OUT: files.window },
    stdio: ['ignore', 'inherit', 'inherit'],
  }));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  engineChild = null;
  if (code !== 0) throw new Error(`engine child exited with ${code}`);
  return 'engine turns in process (memory store)';
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  for (const f of [files.profile, files.maps, files.window]) rmSync(f, { force: true });
  rmSync(files.scratch, { recursive: true, force: true });
  mkdirSync(files.scratch);
  const loadavgStart = os.loadavg().map((x) => round(x, 2));
  const line = target === 'engine' ? await profileEngine() : await profileServer();
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile
  const mainThread = readdirSync(files.scratch).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (mainThread) renameSync(path.join(files.scratch, mainThread), files.profile);
  rmSync(files.scratch, { recursive: true, force: true });
  if (!existsSync(files.profile)) throw new Error('no main-thread profile was written');
  const profile = JSON.parse(readFileSync(files.profile, 'utf8')) as Parameters<typeof summarise>[0];
  const maps = existsSync(files.maps) ? (JSON.parse(readFileSync(files.maps, 'utf8')) as Record<string, SourceMapPayload>) : {};
  const window = existsSync(files.window) ? (JSON.parse(readFileSync(files.window, 'utf8')) as { from: number; to: number }) : undefined;
  const text = `${line}; loadavg at start ${loadavgStart.join(' ')}\n${summarise(profile, maps, 25, window)}\n`;
  writeFileSync(path.join(RESULTS, `${name}.top.txt`), text);
  process.stdout.write(text);
  log(`profile: ${path.relative(ROOT, files.profile)}; summary: bench/results/${name}.top.txt`);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    killAllChildren();
    engineChild?.kill('SIGKILL');
    void (redis?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}
main().then(
  () => process.exit(0),
  (err: unknown) => {
    killAllChildren();
    engineChild?.kill('SIGKILL');
    void (redis?.stop() ?? Promise.resolve()).finally(() => {
      process.stderr.write(`[profile] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
  },
);
