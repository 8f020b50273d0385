// `npm run bench`: engine turn cost in process, Redis bytes per conversation, alternating A/B HTTP
// load runs (full bot with Redis vs a Botkit echo bot) per level, and server RSS over many conversations.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { startRedisServer, type RedisServer } from '../test/helpers/redis-server';
import { cpuOf, killAllChildren, ROOT, spawnChild, type ChildHandle } from './children';
import { benchEngineTurns, CONVERSATIONS_PER_STORE, type EngineTurnResult } from './engine-turn';
import { gapMarkdown, measureGap, type GapResult } from './gap';
import { runLoad, type ErrorKind, type LoadResult } from './load';
import { measureRedisBytes, measureRedisCommands, measureRss, type RedisBytesResult, type RedisCommandsResult, type RssResult } from './memory';
import { SCRIPTS } from './scripts';
import { median, round } from './stats';

const env = process.env;
const smoke = env.BENCH_SMOKE === '1';
const num = (name: string, def: number, smokeDef: number): number => {
  const v = Number(env[name]);
  return Number.isFinite(v) && v > 0 ? v : smoke ? smokeDef : def;
};
const CFG = {
  smoke,
  seconds: num('BENCH_SECONDS', 5, 1),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 1, 0.5),
  /** Unmeasured load on each server before the first level: the bot has far more code for V8 to
   *  optimise than the echo bot (its CPU per turn keeps falling for ~20 s), and a real instance
   *  runs warm. */
  primeSeconds: num('BENCH_PRIME_SECONDS', 20, 3),
  pairs: Math.round(num('BENCH_PAIRS', 3, 1)),
  levels: (env.BENCH_LEVELS ?? '1,16,64')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0 && n <= 1024),
  engineTurns: Math.round(num('BENCH_ENGINE_TURNS', 10_000, 2_000)),
  memConversations: Math.round(num('BENCH_MEM_CONVERSATIONS', 20_000, 1_000)),
  memTurns: Math.max(3, Math.round(num('BENCH_MEM_TURNS', 3, 3))),
  /** Cap on the RSS drive so a slow server cannot blow the time budget (reported when hit). */
  memMaxSeconds: num('BENCH_MEM_MAX_SECONDS', 180, 30),
  memConcurrency: 64,
  /** Node flag of the second RSS run: the heap cap README recommends for a small instance ('' = skip). */
  memCappedFlag: env.BENCH_MEM_CAPPED_FLAG ?? '--max-old-space-size=256',
  memSettleSeconds: num('BENCH_MEM_SETTLE_SECONDS', 6, 3),
  redisConversations: Math.round(num('BENCH_REDIS_CONVERSATIONS', 20, 6)),
  /** Users for the "where the gap goes" runs (BENCH_GAP_USERS=0 skips them). */
  gapUsers: env.BENCH_GAP_USERS === '0' ? 0 : Math.round(num('BENCH_GAP_USERS', 16, 16)),
};
const AGENT_TOKEN = 'bench-agent-token-0123456789abcdef';
const RESULTS = path.join(ROOT, 'bench', 'results');

interface LevelSummary {
  users: number;
  bot: Summary;
  echo: Summary;
  /** bot ÷ echo of the medians. */
  ratio: { turnsPerSec: number; p99: number };
  runs: LoadResult[];
}

interface Summary {
  turnsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  errorsByKind: Partial<Record<ErrorKind, number>>;
  conversationsCompleted: number;
  turns: number;
  serverCpuUsPerTurn: number;
  serverCores: number;
  loadGenCores: number;
}

function summarise(runs: LoadResult[]): Summary {
  const byKind: Partial<Record<ErrorKind, number>> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.errorsByKind) as [ErrorKind, number][]) byKind[k] = (byKind[k] ?? 0) + v;
  const m = (f: (r: LoadResult) => number | null) => round(median(runs.map((r) => f(r) ?? Number.NaN)), 3);
  return {
    turnsPerSec: m((r) => r.turnsPerSec),
    p50: m((r) => r.latencyMs.p50),
    p95: m((r) => r.latencyMs.p95),
    p99: m((r) => r.latencyMs.p99),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    errorsByKind: byKind,
    conversationsCompleted: runs.reduce((a, r) => a + r.conversationsCompleted, 0),
    turns: runs.reduce((a, r) => a + r.turns, 0),
    serverCpuUsPerTurn: m((r) => r.serverCpuUsPerTurn),
    serverCores: m((r) => r.serverCores),
    loadGenCores: m((r) => r.loadGenCores),
  };
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

function gitInfo(): { head: string; dirtyFiles: number } {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'dialogs', 'locales'], { cwd: ROOT, encoding: 'utf8' });
    return { head, dirtyFiles: dirty.split('\n').filter(Boolean).length };
  } catch {
    return { head: 'unknown', dirtyFiles: -1 };
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadavgStart = os.loadavg().map((x) => round(x, 2));
  log(`config ${JSON.stringify(CFG)}; loadavg ${loadavgStart.join(' ')}`);
  let redisServer: RedisServer | null = null;
  let redis: Redis | null = null;
  const children: ChildHandle[] = [];
  const stopAll = async () => {
    await Promise.allSettled(children.map((c) => c.stop()));
    children.length = 0;
    redis?.disconnect();
    redis = null;
    await redisServer?.stop();
    redisServer = null;
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping children and redis-server`);
      killAllChildren();
      void (redisServer?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }

  try {
    // 1. In-process engine turn (also records each script's text sequence for the echo baseline).
    log(`engine turn in process (${CFG.engineTurns} turns)`);
    const engineTurn: EngineTurnResult = await benchEngineTurns({ turns: CFG.engineTurns, warmupMs: smoke ? 300 : 1500, maxMs: smoke ? 3000 : 20_000 });
    log(`engine turn p50 ${engineTurn.turnUs.p50} µs, p99 ${engineTurn.turnUs.p99} µs; scripts: ${engineTurn.scripts.map((s) => `${s.id}=${s.outcome}/${s.texts.length}`).join(' ')}`);
    const echoTexts = SCRIPTS.map((s) => engineTurn.scripts.find((r) => r.id === s.id)?.texts ?? [s.first]);
    /** Unmeasured 16-user load before a server's first measured run (V8 optimises the bot for ~20 s). */
    const prime = async (name: string, child: ChildHandle, mode: 'bot' | 'echo'): Promise<void> => {
      const p = await runLoad({ base: child.base, mode, users: 16, warmupMs: 0, durationMs: CFG.primeSeconds * 1000, echoTexts });
      log(`primed ${name} for ${CFG.primeSeconds} s: ${p.turnsPerSec} turns/s, errors ${p.errors}`);
    };

    // 2. Redis, the server child and the echo child.
    redisServer = await startRedisServer();
    redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const serverEnv = { REDIS_URL: redisServer.url, AGENT_TOKEN };
    const server = await spawnChild({ name: 'server', file: 'bench/server-child.ts', env: serverEnv });
    children.push(server);
    const echo = await spawnChild({ name: 'echo', file: 'bench/echo-bot.ts' });
    children.push(echo);
    log(`redis ${redisServer.port}, server pid ${server.pid} port ${server.port}, echo pid ${echo.pid} port ${echo.port}`);

    // 3. Redis bytes per conversation, on a fresh keyspace.
    log(`redis bytes over ${CFG.redisConversations} conversations`);
    const redisBytes: RedisBytesResult = await measureRedisBytes(redis, server.base, CFG.redisConversations);
    const redisCommands: RedisCommandsResult = await measureRedisCommands(redis, server.base, SCRIPTS.length * 2);
    log(`redis commands per turn: ${redisCommands.commandsPerTurn} ${JSON.stringify(redisCommands.perTurn)}`);
    log(`redis bytes: mid ${redisBytes.midAvgBytes}, after handoff ${redisBytes.afterHandoffAvgBytes} (${redisBytes.reachedHandoff}/${redisBytes.conversations} handed off)`);

    // 4. Both servers primed (unmeasured), then alternating A (bot) / B (echo) runs per level.
    for (const [mode, child] of [['bot', server], ['echo', echo]] as const) {
      await prime(mode, child, mode);
    }
    const levels: LevelSummary[] = [];
    for (const users of CFG.levels) {
      const runs: LoadResult[] = [];
      for (let p = 0; p < CFG.pairs; p++) {
        for (const mode of ['bot', 'echo'] as const) {
          const child = mode === 'bot' ? server : echo;
          const r = await runLoad({
            base: child.base,
            mode,
            users,
            warmupMs: CFG.warmupSeconds * 1000,
            durationMs: CFG.seconds * 1000,
            echoTexts,
            serverCpuUs: cpuOf(child),
          });
          runs.push(r);
          log(
            `users ${users} pair ${p + 1} ${mode}: ${r.turnsPerSec} turns/s p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99} ms, errors ${r.errors} ${JSON.stringify(r.errorsByKind)}, done ${r.conversationsCompleted}, srv ${r.serverCpuUsPerTurn} µs/turn`,
          );
        }
      }
      const bot = summarise(runs.filter((r) => r.mode === 'bot'));
      const e = summarise(runs.filter((r) => r.mode === 'echo'));
      levels.push({ users, bot, echo: e, ratio: { turnsPerSec: round(bot.turnsPerSec / e.turnsPerSec, 3), p99: round(bot.p99 / e.p99, 2) }, runs });
    }
    const serverAfterLoad = await server.stats(false);

    // 4b. Where the gap goes: the server with the engine replaced, then with understanding only,
    // then the whole engine on a memory store, beside the echo and the full bot (both still warm).
    let gap: GapResult | null = null;
    if (CFG.gapUsers > 0) {
      const layers = {
        channel: await spawnChild({ name: 'ceiling-channel', file: 'bench/ceiling-child.ts', env: { AGENT_TOKEN, BENCH_CEILING: 'channel' } }),
        nlu: await spawnChild({ name: 'ceiling-nlu', file: 'bench/ceiling-child.ts', env: { AGENT_TOKEN, BENCH_CEILING: 'nlu' } }),
        memory: await spawnChild({ name: 'server-memory', file: 'bench/server-child.ts', env: { AGENT_TOKEN, BENCH_MEMORY: '1', REDIS_URL: '' } }),
      };
      children.push(layers.channel, layers.nlu, layers.memory);
      for (const [name, child] of Object.entries(layers)) {
        await prime(name, child, name === 'memory' ? 'bot' : 'echo');
      }
      gap = await measureGap({
        children: { echo, redis: server, ...layers },
        users: CFG.gapUsers,
        rounds: CFG.pairs,
        warmupMs: CFG.warmupSeconds * 1000,
        durationMs: CFG.seconds * 1000,
        echoTexts,
        log,
      });
      for (const c of Object.values(layers)) {
        await c.stop();
        children.splice(children.indexOf(c), 1);
      }
    }

    // 5. RSS over many conversations, in a fresh server child (GC forced before each reading).
    await Promise.allSettled([server.stop(), echo.stop()]);
    children.length = 0;
    const rssRun = async (name: string, flags: string[]): Promise<RssResult> => {
      const child = await spawnChild({ name, file: 'bench/server-child.ts', env: serverEnv, nodeFlags: ['--expose-gc', ...flags] });
      children.push(child);
      log(`${name}: RSS over ${CFG.memConversations} conversations × ${CFG.memTurns} turns (concurrency ${CFG.memConcurrency}) ${flags.join(' ')}`);
      const r = await measureRss(child, {
        count: CFG.memConversations,
        concurrency: CFG.memConcurrency,
        turns: CFG.memTurns,
        warmup: Math.min(2000, Math.max(100, Math.round(CFG.memConversations / 10))),
        maxMs: CFG.memMaxSeconds * 1000,
        settleMs: CFG.memSettleSeconds * 1000,
      });
      log(`RSS ${r.before.rssMb} → ${r.after.rssMb} MB (heap ${r.before.heapUsedMb} → ${r.after.heapUsedMb} MB) in ${r.drive.ms} ms, errors ${r.drive.errors}`);
      await child.stop();
      children.splice(children.indexOf(child), 1);
      return r;
    };
    const rss = await rssRun('server-mem', []);
    // The same with V8's old space capped: RSS then follows the live heap instead of V8's and the
    // allocator's retained pages, which make the default-flags figure swing by tens of MB.
    const rssCapped = CFG.memCappedFlag ? await rssRun('server-mem-capped', [CFG.memCappedFlag]) : null;
    const redisInfo = String(await redis.info('memory'));
    const redisUsedMb = round(Number(/used_memory:(\d+)/.exec(redisInfo)?.[1] ?? Number.NaN) / 1024 / 1024, 1);
    const redisKeys = await redis.dbsize();

    const finishedAt = new Date();
    const loadavgEnd = os.loadavg().map((x) => round(x, 2));
    const at16 = levels.find((l) => l.users === 16);
    const at1 = levels.find((l) => l.users === 1);
    const goals = [
      { goal: 'bot turns/s ≥ 0.8 × echo at 16 users', value: at16?.ratio.turnsPerSec ?? null, pass: at16 ? at16.ratio.turnsPerSec >= 0.8 : null },
      { goal: '0 errors at 16 users', value: at16?.bot.errors ?? null, pass: at16 ? at16.bot.errors === 0 : null },
      { goal: 'p50 ≤ 2 ms at 1 user (HTTP)', value: at1?.bot.p50 ?? null, pass: at1 ? at1.bot.p50 <= 2 : null },
      { goal: 'engine turn ≤ 150 µs (p50, in process)', value: engineTurn.turnUs.p50, pass: engineTurn.turnUs.p50 <= 150 },
      {
        goal: `RSS growth ≤ 50 MB over ${CFG.memConversations} conversations (settled)${rss.drive.timedOut ? ` (time cap hit after ${rss.conversations})` : ''}`,
        value: rss.rssGrowthMb,
        pass: rss.drive.timedOut ? null : rss.rssGrowthMb <= 50,
      },
      {
        goal: `… the same, read right after the load (forced GC, no idle: includes pages V8 has not yet returned)`,
        value: rss.rssGrowthImmediateMb,
        pass: rss.drive.timedOut ? null : rss.rssGrowthImmediateMb <= 50,
      },
      ...(rssCapped
        ? [
            {
              goal: `RSS growth ≤ 50 MB over ${CFG.memConversations} conversations (settled) with ${CFG.memCappedFlag} (README, small instance)${rssCapped.drive.timedOut ? ` (time cap hit after ${rssCapped.conversations})` : ''}`,
              value: rssCapped.rssGrowthMb,
              pass: rssCapped.drive.timedOut ? null : rssCapped.rssGrowthMb <= 50,
            },
          ]
        : []),
      {
        goal: '≤ 2 KB Redis per conversation (after handoff, conv + case keys)',
        value: redisBytes.afterHandoffAvgBytes,
        pass: redisBytes.afterHandoffAvgBytes === null ? null : redisBytes.afterHandoffAvgBytes <= 2048,
      },
    ];
    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      seconds: round((finishedAt.getTime() - startedAt.getTime()) / 1000, 1),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemMb: Math.round(os.totalmem() / 1024 / 1024) },
      git: gitInfo(),
      loadavgStart,
      loadavgEnd,
      config: CFG,
      goals,
      engineTurn,
      redisBytes,
      redisCommands,
      levels,
      gap,
      rss,
      rssCapped,
      serverAfterLoad: { rssMb: round(serverAfterLoad.rss / 1024 / 1024, 1), heapUsedMb: round(serverAfterLoad.heapUsed / 1024 / 1024, 1) },
      redisAtEnd: { usedMemoryMb: redisUsedMb, keys: redisKeys },
    };
    mkdirSync(RESULTS, { recursive: true });
    // A smoke run never overwrites the full run's results.
    const base = smoke ? 'smoke' : 'latest';
    writeFileSync(path.join(RESULTS, `${base}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const md = markdown(results);
    writeFileSync(path.join(RESULTS, `${base}.md`), md);
    log(`wrote bench/results/${base}.json and ${base}.md`);
    process.stdout.write(`\n${md}`);
  } finally {
    await stopAll();
  }
}

const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));
const kinds = (k: Partial<Record<ErrorKind, number>>) => {
  const e = Object.entries(k);
  return e.length ? ` (${e.map(([a, b]) => `${a} ${b}`).join(', ')})` : '';
};

function markdown(r: {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; model: string; node: string };
  git: { head: string; dirtyFiles: number };
  loadavgStart: number[];
  loadavgEnd: number[];
  config: typeof CFG;
  goals: { goal: string; value: number | null; pass: boolean | null }[];
  engineTurn: EngineTurnResult;
  redisBytes: RedisBytesResult;
  redisCommands: RedisCommandsResult;
  levels: LevelSummary[];
  gap: GapResult | null;
  rss: RssResult;
  rssCapped: RssResult | null;
}): string {
  const L: string[] = [];
  L.push(`# swipedesk bench — ${r.startedAt}`);
  L.push('');
  L.push(
    `${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}, git ${r.git.head} (${r.git.dirtyFiles} uncommitted files in src/dialogs/locales); ` +
      `loadavg ${r.loadavgStart.join(' ')} → ${r.loadavgEnd.join(' ')}; both servers primed with ${r.config.primeSeconds} s of unmeasured 16-user load, then ${r.config.pairs} A/B pairs × ${r.config.seconds} s (+${r.config.warmupSeconds} s warm-up) per level; took ${r.seconds} s${r.config.smoke ? ' — SMOKE RUN' : ''}.`,
  );
  L.push('');
  L.push('Full bot (A: express + Botkit + engine + Redis, child process) vs echo baseline (B: bare Botkit web adapter on express, child process); closed loop, keep-alive HTTP on loopback; medians across runs; errors and completed conversations summed over runs.');
  L.push('');
  L.push('| users | bot turns/s | echo turns/s | ratio | bot p50 / p95 / p99 ms | echo p50 / p95 / p99 ms | p99 ratio | bot errors | conv. done | server CPU µs/turn bot / echo |');
  L.push('|---:|---:|---:|---:|---|---|---:|---|---:|---|');
  for (const l of r.levels) {
    L.push(
      `| ${l.users} | ${f(l.bot.turnsPerSec, 0)} | ${f(l.echo.turnsPerSec, 0)} | ${f(l.ratio.turnsPerSec, 2)} | ${f(l.bot.p50, 2)} / ${f(l.bot.p95, 2)} / ${f(l.bot.p99, 2)} | ${f(l.echo.p50, 2)} / ${f(l.echo.p95, 2)} / ${f(l.echo.p99, 2)} | ${f(l.ratio.p99, 1)} | ${l.bot.errors}${kinds(l.bot.errorsByKind)}${l.echo.errors ? `; echo ${l.echo.errors}` : ''} | ${l.bot.conversationsCompleted} | ${f(l.bot.serverCpuUsPerTurn, 0)} / ${f(l.echo.serverCpuUsPerTurn, 0)} |`,
    );
  }
  L.push('');
  if (r.gap) L.push(...gapMarkdown(r.gap), '');
  const e = r.engineTurn;
  L.push(
    `Engine turn in process (memory store, fresh every ${CONVERSATIONS_PER_STORE} conversations): p50 ${f(e.turnUs.p50)} µs, p95 ${f(e.turnUs.p95)} µs, p99 ${f(e.turnUs.p99)} µs, mean ${f(e.turnUs.mean)} µs, CPU ${f(e.cpuUsPerTurn)} µs/turn over ${e.turns} turns (${e.completed}/${e.conversations} conversations handed off); ` +
      `first turn p50 ${f(e.firstTurnUs.p50)} / p99 ${f(e.firstTurnUs.p99)} µs, handoff turn p50 ${f(e.handoffTurnUs.p50)} / p99 ${f(e.handoffTurnUs.p99)} µs, other turns p50 ${f(e.laterTurnUs.p50)} / p99 ${f(e.laterTurnUs.p99)} µs; NLU parse alone p50 ${f(e.parseUs.p50)} µs, p99 ${f(e.parseUs.p99)} µs.`,
  );
  L.push('');
  const b = r.redisBytes;
  L.push(
    `Redis per conversation (MEMORY USAGE, avg of ${b.conversations}): after 3 turns ${b.midAvgBytes ?? '–'} B ${JSON.stringify(b.midKeys)}; after handoff ${b.afterHandoffAvgBytes ?? '–'} B = conversation ${b.afterHandoffConvBytes ?? '–'} B + case ${b.afterHandoffCaseBytes ?? '–'} B ${JSON.stringify(b.afterKeys)} (+ ~${b.statusIndexBytesPerCase ?? '–'} B in the shared waiting index); ${b.reachedHandoff}/${b.conversations} handed off ${JSON.stringify(b.outcomes)}.`,
  );
  L.push('');
  L.push(`Redis commands per turn (${r.redisCommands.turns} turns, ${r.redisCommands.conversations} whole conversations): ${r.redisCommands.commandsPerTurn} ${JSON.stringify(r.redisCommands.perTurn)}.`);
  L.push('');
  const rssLine = (m: RssResult, label: string) =>
    `Server RSS${label} over ${m.conversations} Redis conversations × ${m.turnsPerConversation} turns (concurrency ${m.concurrency}, after ${m.warmupConversations} warm-up${m.drive.timedOut ? `; STOPPED BY THE ${r.config.memMaxSeconds} s CAP before ${r.config.memConversations}` : ''}), ` +
    `settled (forced GC, ${f(m.settleMs / 1000, 0)} s idle, forced GC): ${f(m.before.rssMb)} → ${f(m.after.rssMb)} MB (**growth ${f(m.rssGrowthMb)} MB**; live heap ${f(m.before.heapUsedMb)} → ${f(m.after.heapUsedMb)} MB, V8 heap committed ${f(m.before.heapTotalMb)} → ${f(m.after.heapTotalMb)} MB). ` +
    `Right after the load with a forced GC but no idle time: ${f(m.beforeImmediate.rssMb)} → ${f(m.afterImmediate.rssMb)} MB (growth ${f(m.rssGrowthImmediateMb)} MB; V8 heap committed ${f(m.beforeImmediate.heapTotalMb)} → ${f(m.afterImmediate.heapTotalMb)} MB: pages V8 has not yet returned). ` +
    `Without GC ${f(m.rssBeforeNoGcMb)} → ${f(m.rssAfterNoGcMb)} MB; peak under load ${f(m.peakRssMb)} MB. ${(m.drive.ms / 1000).toFixed(1)} s, ${m.drive.turns} turns, errors ${m.drive.errors}${kinds(m.drive.errorsByKind)}. ` +
    `RSS along the way (MB, no GC): ${m.series.map((x) => `${x.conversations}: ${f(x.rssMb, 0)}`).join(', ')} — ${f(m.seriesRssGrowthMb)} MB from the first tenth to the end; heap (no GC) ${m.series.map((x) => f(x.heapUsedMb, 0)).join(', ')} MB.`;
  L.push(rssLine(r.rss, ' (default Node flags)'));
  if (r.rssCapped) {
    L.push('');
    L.push(rssLine(r.rssCapped, ` with ${r.config.memCappedFlag}`));
  }
  L.push('');
  L.push('| goal | measured | met |');
  L.push('|---|---:|:---:|');
  for (const g of r.goals) L.push(`| ${g.goal} | ${g.value ?? '–'} | ${g.pass === null ? '–' : g.pass ? 'yes' : 'no'} |`);
  L.push('');
  return L.join('\n');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    killAllChildren();
    process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
