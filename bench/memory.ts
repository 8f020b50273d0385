// Memory measurements: the server child's RSS before/after many Redis-backed conversations, and
// Redis bytes per conversation (MEMORY USAGE over its keys) mid-conversation and after handoff.
import type Redis from 'ioredis';
import type { ChildHandle } from './children';
import { BotConversation, Client, driveConversations, type DriveResult } from './load';
import { SCRIPTS, type BenchScript } from './scripts';
import { round } from './stats';

const MB = 1024 * 1024;

export interface MemSnapshot {
  rssMb: number;
  heapUsedMb: number;
  /** V8 heap committed (what GC keeps reserved): most of RSS beyond the live heap. */
  heapTotalMb: number;
  externalMb: number;
  gcRan: boolean;
}

export interface RssResult {
  conversations: number;
  turnsPerConversation: number;
  concurrency: number;
  warmupConversations: number;
  /** Settled readings: forced GC, `settleMs` idle, forced GC again. What the process keeps. */
  before: MemSnapshot;
  after: MemSnapshot;
  settleMs: number;
  /** Forced GC right after the load, before any idle time: V8 still holds the pages it committed
   *  under load (its memory reducer returns them only once allocation stops), so this figure
   *  swings by tens of MB with timing. */
  beforeImmediate: MemSnapshot;
  afterImmediate: MemSnapshot;
  rssGrowthImmediateMb: number;
  /** Highest RSS seen during the drive (no forced GC): the working set under load. */
  peakRssMb: number;
  /** Without forcing a GC first (what a process monitor would see). */
  rssBeforeNoGcMb: number;
  rssAfterNoGcMb: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** RSS and heap (no forced GC) every tenth of the way: a plateau vs a steady climb. */
  series: { conversations: number; rssMb: number; heapUsedMb: number }[];
  /** Last minus first point of the series: growth once the working set has settled. */
  seriesRssGrowthMb: number | null;
  drive: DriveResult;
}

async function snap(child: ChildHandle, gc: boolean): Promise<MemSnapshot> {
  const s = await child.stats(gc);
  return { rssMb: round(s.rss / MB, 1), heapUsedMb: round(s.heapUsed / MB, 1), heapTotalMb: round(s.heapTotal / MB, 1), externalMb: round(s.external / MB, 1), gcRan: s.gcRan };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads memory the way it is kept, not as it is at the end of a burst: V8 returns the old-space
 * pages it committed under load only after allocation stops for a few seconds (measured: heap
 * committed 134-159 MB right after the load and a forced GC, 91-98 MB five seconds later; RSS
 * 314-415 MB vs 181-190 MB), so a reading right after the load measures V8's timing.
 */
async function settledSnap(child: ChildHandle, settleMs: number): Promise<{ immediate: MemSnapshot; settled: MemSnapshot }> {
  const immediate = await snap(child, true);
  await sleep(settleMs);
  return { immediate, settled: await snap(child, true) };
}

/** Warm up, read RSS (settled, see settledSnap), drive `count` conversations, read again. */
export async function measureRss(child: ChildHandle, o: { count: number; concurrency: number; turns: number; warmup: number; maxMs: number; settleMs: number }): Promise<RssResult> {
  await driveConversations({ base: child.base, count: o.warmup, concurrency: o.concurrency, maxTurns: o.turns });
  const rssBeforeNoGc = await snap(child, false);
  const { immediate: beforeImmediate, settled: before } = await settledSnap(child, o.settleMs);
  const pending: Promise<{ conversations: number; rssMb: number; heapUsedMb: number }>[] = [];
  const drive = await driveConversations({
    base: child.base,
    count: o.count,
    concurrency: o.concurrency,
    maxTurns: o.turns,
    maxMs: o.maxMs,
    progress: {
      every: Math.max(1, Math.round(o.count / 10)),
      fn: (n) => pending.push(snap(child, false).then((s) => ({ conversations: n, rssMb: s.rssMb, heapUsedMb: s.heapUsedMb }))),
    },
  });
  const series = await Promise.all(pending);
  const first = series[0];
  const last = series[series.length - 1];
  const rssAfterNoGc = await snap(child, false);
  const { immediate: afterImmediate, settled: after } = await settledSnap(child, o.settleMs);
  return {
    conversations: drive.conversations,
    turnsPerConversation: o.turns,
    concurrency: o.concurrency,
    warmupConversations: o.warmup,
    before,
    after,
    settleMs: o.settleMs,
    beforeImmediate,
    afterImmediate,
    rssGrowthImmediateMb: round(afterImmediate.rssMb - beforeImmediate.rssMb, 1),
    peakRssMb: Math.max(rssAfterNoGc.rssMb, ...series.map((x) => x.rssMb)),
    rssBeforeNoGcMb: rssBeforeNoGc.rssMb,
    rssAfterNoGcMb: rssAfterNoGc.rssMb,
    rssGrowthMb: round(after.rssMb - before.rssMb, 1),
    heapGrowthMb: round(after.heapUsedMb - before.heapUsedMb, 1),
    series,
    seriesRssGrowthMb: first && last && last !== first ? round(last.rssMb - first.rssMb, 1) : null,
    drive,
  };
}

export interface RedisBytesResult {
  conversations: number;
  reachedHandoff: number;
  /** Average over conversations still running after 3 turns. */
  midAvgBytes: number | null;
  midKeys: Record<string, number>;
  /** Average over handed-off conversations: conversation keys + the case's own keys. */
  afterHandoffAvgBytes: number | null;
  afterHandoffConvBytes: number | null;
  afterHandoffCaseBytes: number | null;
  afterKeys: Record<string, number>;
  /** Growth of the shared case index (`sd:{cases}:waiting`) per handed-off case. */
  statusIndexBytesPerCase: number | null;
  outcomes: Record<string, number>;
}

async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  for (let i = 0; i < 100_000; i++) {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
    if (cursor === '0') break;
  }
  return keys;
}

async function usage(redis: Redis, key: string): Promise<number> {
  const v = await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
  return typeof v === 'number' ? v : 0;
}

/** Bytes over the keys matching `pattern`, plus bytes per key suffix (snapshot, transcript, …). */
async function bytesOf(redis: Redis, pattern: string): Promise<{ total: number; byKind: Record<string, number> }> {
  let total = 0;
  const byKind: Record<string, number> = {};
  for (const k of await keysMatching(redis, pattern)) {
    const b = await usage(redis, k);
    total += b;
    const kind = k.slice(k.lastIndexOf(':') + 1);
    byKind[kind] = (byKind[kind] ?? 0) + b;
  }
  return { total, byKind };
}

const addInto = (acc: Record<string, number>, add: Record<string, number>, prefix = '') => {
  for (const [k, v] of Object.entries(add)) acc[prefix + k] = (acc[prefix + k] ?? 0) + v;
};
const averaged = (acc: Record<string, number>, n: number) => Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, Math.round(v / Math.max(1, n))]));

/** Plays `count` conversations one at a time, measuring their keys after 3 turns and after handoff. */
export async function measureRedisBytes(redis: Redis, base: string, count: number, prefix = 'sd'): Promise<RedisBytesResult> {
  const client = new Client(base, 1);
  const outcomes: Record<string, number> = {};
  let midSum = 0;
  let midN = 0;
  const midKeys: Record<string, number> = {};
  let convSum = 0;
  let caseSum = 0;
  let afterN = 0;
  const afterKeys: Record<string, number> = {};
  const indexKey = `${prefix}:{cases}:waiting`;
  const indexBefore = await usage(redis, indexKey);
  try {
    for (let i = 0; i < count; i++) {
      const conv = new BotConversation(client, SCRIPTS[i % SCRIPTS.length] as BenchScript);
      const pattern = `*{conv:${conv.user}}*`;
      let outcome = 'too_many_turns';
      for (let t = 0; t < 60; t++) {
        const out = await conv.step();
        if (out.kind === 'continue') {
          if (conv.turns === 3) {
            const b = await bytesOf(redis, pattern);
            midSum += b.total;
            midN++;
            addInto(midKeys, b.byKind);
          }
          continue;
        }
        if (out.kind === 'done' && out.caseId) {
          const c = await bytesOf(redis, pattern);
          const k = await bytesOf(redis, `${prefix}:{case:${out.caseId}}:*`);
          convSum += c.total;
          caseSum += k.total;
          afterN++;
          addInto(afterKeys, c.byKind, 'conv:');
          addInto(afterKeys, k.byKind, 'case:');
          outcome = 'handoff';
        } else outcome = out.kind === 'error' ? out.error : 'done_without_case';
        break;
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  } finally {
    client.close();
  }
  const indexAfter = await usage(redis, indexKey);
  return {
    conversations: count,
    reachedHandoff: afterN,
    midAvgBytes: midN ? Math.round(midSum / midN) : null,
    midKeys: averaged(midKeys, midN),
    afterHandoffAvgBytes: afterN ? Math.round((convSum + caseSum) / afterN) : null,
    afterHandoffConvBytes: afterN ? Math.round(convSum / afterN) : null,
    afterHandoffCaseBytes: afterN ? Math.round(caseSum / afterN) : null,
    afterKeys: averaged(afterKeys, afterN),
    statusIndexBytesPerCase: afterN ? Math.round((indexAfter - indexBefore) / afterN) : null,
    outcomes,
  };
}

export interface RedisCommandsResult {
  conversations: number;
  turns: number;
  commandsPerTurn: number;
  /** Calls per turn by command (MULTI/EXEC included, as Redis counts them). */
  perTurn: Record<string, number>;
}

/** Redis commands one turn costs: CONFIG RESETSTAT, play whole conversations, read INFO commandstats. */
export async function measureRedisCommands(redis: Redis, base: string, count: number): Promise<RedisCommandsResult> {
  const client = new Client(base, 1);
  let turns = 0;
  await redis.call('CONFIG', 'RESETSTAT');
  try {
    for (let i = 0; i < count; i++) {
      const conv = new BotConversation(client, SCRIPTS[i % SCRIPTS.length] as BenchScript);
      for (let t = 0; t < 60; t++) if ((await conv.step()).kind !== 'continue') break;
      turns += conv.turns;
    }
  } finally {
    client.close();
  }
  const info = String(await redis.info('commandstats'));
  const perTurn: Record<string, number> = {};
  let total = 0;
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const cmd = m[1] ?? '?';
    if (cmd === 'config' || cmd === 'info' || cmd.startsWith('config|')) continue;
    const calls = Number(m[2]);
    total += calls;
    perTurn[cmd] = round(calls / Math.max(1, turns), 2);
  }
  return { conversations: count, turns, commandsPerTurn: round(total / Math.max(1, turns), 1), perTurn };
}
