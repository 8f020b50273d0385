// Profiling target for `npx tsx bench/profile.ts engine`: runs the in-process engine-turn bench in its
// own process and leaves the measured window (and .ts source maps) beside the CPU profile.
import { writeFileSync } from 'node:fs';
import { dumpSourceMaps } from './child-ipc';
import { benchEngineTurns } from './engine-turn';

async function main(): Promise<void> {
  const turns = Number(process.env.BENCH_ENGINE_TURNS ?? 20_000) || 20_000;
  // Warm up first so the window holds steady-state turns only.
  await benchEngineTurns({ turns: 2000, warmupMs: 1000, maxMs: 10_000, parseBench: false });
  const from = Number(process.hrtime.bigint() / 1000n);
  const r = await benchEngineTurns({ turns, warmupMs: 0, maxMs: 30_000, parseBench: false });
  const to = Number(process.hrtime.bigint() / 1000n);
  const windowOut = process.env.BENCH_WINDOW_OUT;
  if (windowOut) writeFileSync(windowOut, JSON.stringify({ from, to }));
  process.stderr.write(`[engine-child] ${r.turns} turns, p50 ${r.turnUs.p50} µs, p99 ${r.turnUs.p99} µs, CPU ${r.cpuUsPerTurn} µs/turn\n`);
  dumpSourceMaps();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`[engine-child] failed: ${String(err)}\n`);
    process.exit(1);
  },
);
