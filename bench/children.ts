// Parent side of the bench's child processes: spawns a .ts child under `node --import tsx` with an
// IPC channel, waits for its port, asks it for memory/CPU stats, and stops it (every one is tracked).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildStats, ChildToParent, ParentToChild } from './child-ipc';

export const ROOT = path.resolve(__dirname, '..');

export interface ChildHandle {
  name: string;
  pid: number;
  port: number;
  base: string;
  stats(gc?: boolean): Promise<ChildStats>;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** A reader of a child's cumulative CPU (user + system µs), for runLoad's serverCpuUs. */
export const cpuOf = (child: ChildHandle) => async (): Promise<number> => {
  const s = await child.stats(false);
  return s.cpuUserUs + s.cpuSystemUs;
};

/** Kills every child still running (used on errors and SIGINT); only ones this process spawned. */
export function killAllChildren(): void {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  live.clear();
}

export async function spawnChild(opts: { name: string; file: string; env?: NodeJS.ProcessEnv; nodeFlags?: string[]; startTimeoutMs?: number }): Promise<ChildHandle> {
  const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), '--import', 'tsx', path.join(ROOT, opts.file)], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => live.delete(child), () => undefined);

  const waiters = new Map<number, (s: ChildStats) => void>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${opts.name} did not start within ${opts.startTimeoutMs ?? 30_000} ms`)), opts.startTimeoutMs ?? 30_000);
    child.on('message', (raw: unknown) => {
      const msg = raw as ChildToParent;
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve(msg.port);
      } else if (msg.type === 'fatal') {
        clearTimeout(timer);
        reject(new Error(`${opts.name} failed to start: ${msg.error}`));
      } else if (msg.type === 'stats') {
        waiters.get(msg.id)?.(msg);
        waiters.delete(msg.id);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited during start-up (code ${code}, signal ${signal})`));
    });
  });
  const send = (m: ParentToChild) => child.send(m);
  return {
    name: opts.name,
    pid: child.pid ?? -1,
    port,
    base: `http://127.0.0.1:${port}`,
    stats: (gc = false) =>
      new Promise<ChildStats>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          waiters.delete(id);
          reject(new Error(`${opts.name} did not answer a stats request`));
        }, 10_000);
        waiters.set(id, (s) => {
          clearTimeout(timer);
          resolve(s);
        });
        send({ type: 'stats', id, gc });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) send({ type: 'stop' });
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
