// Child side of the bench's IPC: announces the port, answers stats requests (memory, CPU, optional
// GC first) and shuts down cleanly on "stop", SIGTERM/SIGINT or a lost parent (so --cpu-prof is written).
import { writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';

export interface ChildStats {
  type: 'stats';
  id: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  gcRan: boolean;
  /** Monotonic clock in µs (the clock V8 stamps .cpuprofile samples with). */
  hrtimeUs: number;
}

export type ParentToChild = { type: 'stats'; id: number; gc?: boolean } | { type: 'stop' };
export type ChildToParent = { type: 'ready'; port: number } | ChildStats | { type: 'fatal'; error: string };

function send(msg: ChildToParent): void {
  process.send?.(msg);
}

function stats(id: number, gc: boolean): ChildStats {
  const g = (globalThis as { gc?: () => void }).gc;
  if (gc && g) {
    g();
    g();
  }
  const m = process.memoryUsage();
  const c = process.cpuUsage();
  return {
    type: 'stats',
    id,
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    cpuUserUs: c.user,
    cpuSystemUs: c.system,
    gcRan: Boolean(gc && g),
    hrtimeUs: Number(process.hrtime.bigint() / 1000n),
  };
}

/**
 * With BENCH_SOURCEMAPS_OUT set (and --enable-source-maps), writes the source maps of every loaded
 * .ts module (as tsx transformed it) so bench/top-profile.ts can print original file:line.
 */
export function dumpSourceMaps(): void {
  const out = process.env.BENCH_SOURCEMAPS_OUT;
  if (!out) return;
  const maps: Record<string, unknown> = {};
  for (const file of Object.keys(require.cache)) {
    if (!file.endsWith('.ts')) continue;
    const sm = findSourceMap(file);
    if (!sm) continue;
    const { sourcesContent: _dropped, ...payload } = sm.payload as unknown as Record<string, unknown>;
    maps[file] = payload;
  }
  writeFileSync(out, JSON.stringify(maps));
}

/** Starts `boot`, reports its port, and wires the stats/stop protocol around `close`. */
export function runChild(name: string, boot: () => Promise<{ port: number; close: () => Promise<void> }>): void {
  let close: (() => Promise<void>) | null = null;
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const hard = setTimeout(() => process.exit(code), 5000);
    hard.unref();
    void (close ? close() : Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        try {
          dumpSourceMaps();
        } catch (err) {
          process.stderr.write(`could not write source maps: ${String(err)}\n`);
        }
        process.exit(code);
      });
  };
  process.on('message', (raw: unknown) => {
    const msg = raw as ParentToChild;
    if (msg.type === 'stats') send(stats(msg.id, Boolean(msg.gc)));
    else if (msg.type === 'stop') stop(0);
  });
  process.on('disconnect', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  process.on('SIGUSR2', () => process.stdout.write(`${JSON.stringify(process.memoryUsage())}\n`));
  boot().then(
    (s) => {
      close = s.close;
      process.stdout.write(`${name} listening on port ${s.port}\n`);
      send({ type: 'ready', port: s.port });
    },
    (err: unknown) => {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`${name} failed to start: ${error}\n`);
      send({ type: 'fatal', error });
      process.exit(1);
    },
  );
}
