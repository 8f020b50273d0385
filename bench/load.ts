// Closed-loop load generator: N virtual users over keep-alive HTTP on loopback, each chatting through
// whole scripted conversations (bot: answer what `expecting.slot` asks; echo: replay fixed texts).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { SCRIPTS, ScriptCursor, type BenchScript, type BotMessageView } from './scripts';
import { percentile, round, Samples } from './stats';

export type ErrorKind =
  | 'http_status'
  | 'not_array'
  | 'transport'
  | 'no_ask_no_handoff'
  | 'no_answer'
  | 'stuck'
  | 'too_many_turns'
  | 'echo_mismatch';

export interface PostResult {
  status: number;
  body: unknown;
}

/** A keep-alive JSON client bound to one loopback server. */
export class Client {
  readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;
  constructor(base: string, maxSockets: number) {
    const u = new URL(base);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  post(path: string, payload: unknown): Promise<PostResult> {
    const data = Buffer.from(JSON.stringify(payload));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': data.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = undefined;
            if (text) {
              try {
                body = JSON.parse(text) as unknown;
              } catch {
                body = text;
              }
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(data);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export type StepOutcome =
  | { kind: 'continue' }
  | { kind: 'done'; caseId?: string }
  | { kind: 'error'; error: ErrorKind };

/** One conversation with the real bot: each step sends one message and judges the reply. */
export class BotConversation {
  readonly user = `conv-${randomUUID()}`;
  private readonly cursor: ScriptCursor;
  private nextText: string;
  turns = 0;
  constructor(
    private readonly client: Client,
    readonly script: BenchScript,
  ) {
    this.cursor = new ScriptCursor(script);
    this.nextText = script.first;
  }

  async step(): Promise<StepOutcome> {
    let r: PostResult;
    try {
      r = await this.client.post('/api/messages', { type: 'message', user: this.user, text: this.nextText });
    } catch {
      return { kind: 'error', error: 'transport' };
    }
    this.turns++;
    if (r.status !== 200) return { kind: 'error', error: 'http_status' };
    if (!Array.isArray(r.body)) return { kind: 'error', error: 'not_array' };
    const v = this.cursor.next(r.body as BotMessageView[]);
    if (v.kind === 'handoff') return { kind: 'done', caseId: v.caseId };
    if (v.kind === 'error') return { kind: 'error', error: v.reason };
    this.nextText = v.next;
    return { kind: 'continue' };
  }
}

/** One conversation with the echo baseline: the same texts in the same order, one turn per step. */
export class EchoConversation {
  readonly user = `conv-${randomUUID()}`;
  private i = 0;
  constructor(
    private readonly client: Client,
    private readonly texts: readonly string[],
  ) {}

  async step(): Promise<StepOutcome> {
    const text = this.texts[this.i] ?? '';
    let r: PostResult;
    try {
      r = await this.client.post('/api/messages', { type: 'message', user: this.user, text });
    } catch {
      return { kind: 'error', error: 'transport' };
    }
    this.i++;
    if (r.status !== 200) return { kind: 'error', error: 'http_status' };
    if (!Array.isArray(r.body)) return { kind: 'error', error: 'not_array' };
    const first = r.body[0] as BotMessageView | undefined;
    if (!first || first.text !== text) return { kind: 'error', error: 'echo_mismatch' };
    return this.i >= this.texts.length ? { kind: 'done' } : { kind: 'continue' };
  }
}

export interface LoadOptions {
  base: string;
  mode: 'bot' | 'echo';
  users: number;
  warmupMs: number;
  durationMs: number;
  /** Per-script text sequences for the echo baseline, in SCRIPTS order. */
  echoTexts: readonly (readonly string[])[];
  /** Cumulative CPU µs of the server under test, read at the start and end of the measured window. */
  serverCpuUs?: () => Promise<number>;
}

export interface LoadResult {
  mode: 'bot' | 'echo';
  users: number;
  seconds: number;
  turns: number;
  turnsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  errorsByKind: Partial<Record<ErrorKind, number>>;
  conversationsCompleted: number;
  conversationsStarted: number;
  /** Server child CPU (user+system) per counted turn, and its utilisation in cores. */
  serverCpuUsPerTurn: number | null;
  serverCores: number | null;
  /** This (load generator) process's CPU utilisation in cores over the window. */
  loadGenCores: number;
  /** 1-minute load average at the end of the run (other work on the machine shows here). */
  loadavg1: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `users` virtual users for warm-up + duration. Only turns that start after the warm-up and
 * finish before the end are counted; users stop starting turns at the end (bounded run).
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const client = new Client(o.base, o.users);
  const samples = new Samples();
  const errorsByKind: Partial<Record<ErrorKind, number>> = {};
  let errors = 0;
  let completed = 0;
  let started = 0;
  const t0 = performance.now();
  const measureFrom = t0 + o.warmupMs;
  const end = measureFrom + o.durationMs;
  const cpu: { start: Promise<number> | null; end: Promise<number> | null } = { start: null, end: null };
  let genStart = process.cpuUsage();
  const startTimer = setTimeout(() => {
    genStart = process.cpuUsage();
    if (o.serverCpuUs) cpu.start = o.serverCpuUs();
  }, o.warmupMs);
  const win: { gen: NodeJS.CpuUsage | null } = { gen: null };
  const endTimer = setTimeout(() => {
    win.gen = process.cpuUsage(genStart);
    if (o.serverCpuUs) cpu.end = o.serverCpuUs();
  }, o.warmupMs + o.durationMs);

  const vu = async (index: number) => {
    let n = index;
    while (performance.now() < end) {
      const k = n++ % SCRIPTS.length;
      const conv =
        o.mode === 'bot'
          ? new BotConversation(client, SCRIPTS[k] as BenchScript)
          : new EchoConversation(client, o.echoTexts[k] ?? ['hello']);
      let first = true;
      for (;;) {
        if (performance.now() >= end) return;
        const s = performance.now();
        const out = await conv.step();
        const f = performance.now();
        const counted = s >= measureFrom && f <= end;
        if (counted) {
          samples.push(f - s);
          if (first) started++;
        }
        first = false;
        if (out.kind === 'continue') continue;
        if (out.kind === 'done') {
          if (counted) completed++;
        } else {
          if (counted) {
            errors++;
            errorsByKind[out.error] = (errorsByKind[out.error] ?? 0) + 1;
          }
          if (out.error === 'transport') await sleep(10);
        }
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: o.users }, (_, i) => vu(i)));
  // The end timer may still be pending if the last turns finished early; let it fire.
  while (win.gen === null) await sleep(5);
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  client.close();
  const sorted = samples.sorted();
  const seconds = o.durationMs / 1000;
  let serverCpu: number | null = null;
  if (cpu.start && cpu.end && samples.length > 0) serverCpu = (await cpu.end) - (await cpu.start);
  const gen = win.gen;
  return {
    mode: o.mode,
    users: o.users,
    seconds,
    turns: samples.length,
    turnsPerSec: round(samples.length / seconds, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50), 3),
      p95: round(percentile(sorted, 95), 3),
      p99: round(percentile(sorted, 99), 3),
      max: round(sorted[sorted.length - 1] ?? Number.NaN, 3),
    },
    errors,
    errorsByKind,
    conversationsCompleted: completed,
    conversationsStarted: started,
    serverCpuUsPerTurn: serverCpu === null ? null : round(serverCpu / Math.max(1, samples.length), 1),
    serverCores: serverCpu === null ? null : round(serverCpu / (o.durationMs * 1000), 2),
    loadGenCores: round((gen.user + gen.system) / (o.durationMs * 1000), 2),
    loadavg1: round(os.loadavg()[0] ?? Number.NaN, 2),
  };
}

export interface DriveResult {
  /** Conversations actually started (fewer than asked when the time cap hit). */
  conversations: number;
  timedOut: boolean;
  turns: number;
  completed: number;
  errors: number;
  errorsByKind: Partial<Record<ErrorKind, number>>;
  ms: number;
}

/**
 * Drives `count` bot conversations with `concurrency` workers, each for at most `maxTurns` turns
 * (then abandoned, as a user who leaves) or to its end. Used for the memory measurement.
 */
export async function driveConversations(o: {
  base: string;
  count: number;
  concurrency: number;
  maxTurns: number;
  maxMs?: number;
  /** Called (not awaited) each time another `every` conversations have finished. */
  progress?: { every: number; fn: (finished: number) => void };
}): Promise<DriveResult> {
  const client = new Client(o.base, o.concurrency);
  let next = 0;
  let turns = 0;
  let completed = 0;
  let errors = 0;
  const errorsByKind: Partial<Record<ErrorKind, number>> = {};
  const t0 = performance.now();
  const stopAt = t0 + (o.maxMs ?? Number.POSITIVE_INFINITY);
  let started = 0;
  let finished = 0;
  const worker = async () => {
    while (next < o.count && performance.now() < stopAt) {
      started++;
      const k = next++;
      const conv = new BotConversation(client, SCRIPTS[k % SCRIPTS.length] as BenchScript);
      for (let t = 0; t < o.maxTurns; t++) {
        const out = await conv.step();
        turns++;
        if (out.kind === 'continue') continue;
        if (out.kind === 'done') completed++;
        else {
          errors++;
          errorsByKind[out.error] = (errorsByKind[out.error] ?? 0) + 1;
          if (out.error === 'transport') await sleep(10);
        }
        break;
      }
      finished++;
      if (o.progress && finished % o.progress.every === 0) o.progress.fn(finished);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, () => worker()));
  client.close();
  return { conversations: started, turns, completed, errors, errorsByKind, ms: Math.round(performance.now() - t0), timedOut: started < o.count };
}
