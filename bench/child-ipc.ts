// Child side of the bench's IPC: announces the port, answers stats requests (memory, CPU, optional
// GC first) and shuts down cleanly on "stop", SIGTERM/SIGINT or a lost parent (so --cpu-prof is written).

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
  };
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
      .finally(() => process.exit(code));
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
