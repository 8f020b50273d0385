// "Where the gap goes": at one load level, the echo baseline, then the real server with each layer
// added in turn — our HTTP middleware and hardened Botkit channel (engine replaced by an echo), plus
// understanding, the whole engine on a memory store, and the full bot with Redis — run alternately
// so each row's extra CPU per turn is that layer's cost under load, not a guess from a profile.
import { cpuOf, type ChildHandle } from './children';
import { runLoad, type LoadResult } from './load';
import { median, round } from './stats';

export type GapVariant = 'echo' | 'channel' | 'nlu' | 'memory' | 'redis';

export const GAP_LABELS: Record<GapVariant, string> = {
  echo: 'Botkit echo baseline',
  channel: '+ our express middleware and hardened Botkit channel (engine answers with an echo)',
  nlu: '+ understanding (Engine.parse), still an echo reply',
  memory: '+ the rest of the engine: dialog, replies, case (memory store)',
  redis: '+ Redis instead of the memory store (the full bot)',
};

export interface GapRow {
  variant: GapVariant;
  label: string;
  turnsPerSec: number;
  ratioToEcho: number;
  serverCpuUsPerTurn: number;
  /** Extra server CPU per turn over the row above. */
  addedCpuUs: number | null;
  p50: number;
  errors: number;
}

export interface GapResult {
  users: number;
  pairs: number;
  rows: GapRow[];
}

/** `children` in row order; echo-reply variants are driven like the echo bot, the others as the bot. */
export async function measureGap(o: {
  children: Record<GapVariant, ChildHandle>;
  users: number;
  rounds: number;
  warmupMs: number;
  durationMs: number;
  echoTexts: readonly (readonly string[])[];
  log: (msg: string) => void;
}): Promise<GapResult> {
  const order: GapVariant[] = ['echo', 'channel', 'nlu', 'memory', 'redis'];
  const runs = new Map<GapVariant, LoadResult[]>(order.map((v) => [v, []]));
  for (let r = 0; r < o.rounds; r++) {
    for (const v of order) {
      const mode = v === 'memory' || v === 'redis' ? 'bot' : 'echo';
      const res = await runLoad({ base: o.children[v].base, mode, users: o.users, warmupMs: o.warmupMs, durationMs: o.durationMs, echoTexts: o.echoTexts, serverCpuUs: cpuOf(o.children[v]) });
      runs.get(v)?.push(res);
      o.log(`gap ${o.users} users round ${r + 1} ${v}: ${res.turnsPerSec} turns/s, ${res.serverCpuUsPerTurn} µs CPU/turn, errors ${res.errors}`);
    }
  }
  const med = (v: GapVariant, f: (r: LoadResult) => number | null) => round(median((runs.get(v) ?? []).map((r) => f(r) ?? Number.NaN)), 1);
  const echoTps = med('echo', (r) => r.turnsPerSec);
  const rows: GapRow[] = [];
  for (const v of order) {
    const cpu = med(v, (r) => r.serverCpuUsPerTurn);
    const prev = rows.at(-1);
    rows.push({
      variant: v,
      label: GAP_LABELS[v],
      turnsPerSec: med(v, (r) => r.turnsPerSec),
      ratioToEcho: round(med(v, (r) => r.turnsPerSec) / echoTps, 2),
      serverCpuUsPerTurn: cpu,
      addedCpuUs: prev ? round(cpu - prev.serverCpuUsPerTurn, 0) : null,
      p50: round(median((runs.get(v) ?? []).map((r) => r.latencyMs.p50)), 2),
      errors: (runs.get(v) ?? []).reduce((a, r) => a + r.errors, 0),
    });
  }
  return { users: o.users, pairs: o.rounds, rows };
}

export function gapMarkdown(g: GapResult): string[] {
  const L = [
    `Where the gap goes at ${g.users} users (${g.pairs} alternating rounds, medians; each row is a separate server child adding one layer to the row above):`,
    '',
    '| layer | turns/s | × echo | server CPU µs/turn | added µs/turn | p50 ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of g.rows) {
    L.push(`| ${r.label} | ${r.turnsPerSec.toFixed(0)} | ${r.ratioToEcho.toFixed(2)} | ${r.serverCpuUsPerTurn.toFixed(0)} | ${r.addedCpuUs === null ? '–' : r.addedCpuUs} | ${r.p50.toFixed(2)} | ${r.errors} |`);
  }
  return L;
}
