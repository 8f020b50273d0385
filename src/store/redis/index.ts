// Redis stores (REDIS_URL): sessions, transcripts, the outbox, cases and the relay, so any
// instance can serve any turn. Request-path commands fail fast while Redis is down.
import { randomUUID, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Redis, { type RedisOptions } from 'ioredis';
import { caseSchema, type Case, type CaseStatus } from '../../handoff/case-schema';
import { fromRoot } from '../../paths';
import type { OutMessage, TranscriptEntry } from '../../types';
import { recordPrefix, type CaseStore, type ClaimResult, type HandoffQueue, type QueueEntry, type Relay, type SessionRecord, type SessionStore, type Stores, type TurnCommit, type TurnState } from '../types';
import { makeKeys, type Keys } from './keys';
import { makeTranscriptCodec, type TranscriptCodec } from '../transcript-codec';
import { isPacked, pack, unpack } from './packing';

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('state store unavailable', { cause });
  }
}

export class LockTimeoutError extends Error {}

/** A Lua script from src/store/redis/lua, run by SHA with a fallback to EVAL after a flush. */
class Script {
  private readonly source: string;
  private readonly sha: string;
  constructor(name: string) {
    this.source = readFileSync(fromRoot('src/store/redis/lua', `${name}.lua`), 'utf8');
    this.sha = createHash('sha1').update(this.source).digest('hex');
  }
  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (err instanceof Error && err.message.includes('NOSCRIPT')) {
        return redis.eval(this.source, keys.length, ...keys, ...args);
      }
      throw err;
    }
  }
}

const scripts = {
  turnOpen: new Script('turn-open'),
  turnClose: new Script('turn-close'),
  turnCommit: new Script('turn-commit'),
  unlock: new Script('unlock'),
  claim: new Script('claim'),
  drain: new Script('drain'),
};

export interface RedisStoreOptions {
  url: string;
  prefix?: string;
  sessionTtlSeconds: number;
  caseRetentionDays: number;
  /** Called once per outage (not per command) so logs stay readable. */
  onError?: (err: Error) => void;
  onReady?: () => void;
  /** Stored form of transcript entries (known bot texts by reference). */
  transcriptCodec?: TranscriptCodec;
}

/** Connection options for request-path clients: fail fast instead of queueing while down. */
export function requestPathOptions(): RedisOptions {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    lazyConnect: true,
    // Commands issued in the same tick (concurrent turns) share one socket write: each write is a
    // system call, a visible cost in the server's profile under load. Order per connection holds.
    enableAutoPipelining: true,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RedisSessionStore implements SessionStore {
  private readonly ttl: number;
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    ttlSeconds: number,
    private readonly codec: TranscriptCodec = makeTranscriptCodec(),
  ) {
    this.ttl = ttlSeconds;
  }

  // A lock with an owner token and an expiry: a crashed instance cannot hold a conversation
  // forever, and only the owner releases it. Chosen over optimistic CAS because a turn renders
  // replies, appends to the transcript and may create a case, which must not happen twice on a
  // retry.
  async runTurn<T>(
    id: string,
    fn: (state: TurnState) => Promise<{ result: T; commit: TurnCommit | null }>,
  ): Promise<{ result: T; pending: OutMessage[] }> {
    const k = this.keys;
    const token = randomUUID();
    const deadline = Date.now() + 15_000;
    let wait = 2;
    let opened: [string, string] | null = null;
    for (;;) {
      opened = (await scripts.turnOpen.run(this.redis, [k.lock(id), k.snapshot(id), k.caseOfConv(id)], [token, 10_000])) as [string, string] | null;
      if (opened) break;
      if (Date.now() > deadline) throw new LockTimeoutError('conversation lock busy');
      await sleep(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 50);
    }
    const state: TurnState = {
      record: opened[0] ? (JSON.parse(opened[0]) as SessionRecord) : null,
      caseId: opened[1] || null,
    };
    let out: { result: T; commit: TurnCommit | null };
    try {
      out = await fn(state);
    } catch (err) {
      await scripts.unlock.run(this.redis, [k.lock(id)], [token]).catch(() => undefined);
      throw err;
    }
    const { commit } = out;
    const pending = (await scripts.turnClose.run(
      this.redis,
      [k.lock(id), k.snapshot(id), k.transcript(id), k.outbox(id), k.caseOfConv(id)],
      [
        token,
        this.ttl,
        commit ? JSON.stringify(commit.record) : '',
        commit?.dropTranscript ? '1' : '',
        ...(commit?.transcript ?? []).map((e) => this.codec.encode(e)),
      ],
    )) as string[];
    return { result: out.result, pending: pending.map((m) => JSON.parse(m) as OutMessage) };
  }

  async tryCommit(id: string, expectedRev: string, commit: TurnCommit): Promise<{ pending: OutMessage[] } | null> {
    const k = this.keys;
    const pending = (await scripts.turnCommit.run(
      this.redis,
      [k.lock(id), k.snapshot(id), k.transcript(id), k.outbox(id), k.caseOfConv(id)],
      [recordPrefix(expectedRev), this.ttl, JSON.stringify(commit.record), ...commit.transcript.map((e) => this.codec.encode(e))],
    )) as string[] | null;
    return pending ? { pending: pending.map((m) => JSON.parse(m) as OutMessage) } : null;
  }

  async load(id: string): Promise<SessionRecord | null> {
    const raw = await this.redis.get(this.keys.snapshot(id));
    return raw ? (JSON.parse(raw) as SessionRecord) : null;
  }

  async save(id: string, record: SessionRecord): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.snapshot(id), JSON.stringify(record), 'EX', this.ttl)
      .expire(this.keys.transcript(id), this.ttl)
      .expire(this.keys.caseOfConv(id), this.ttl)
      .exec();
  }

  async appendTranscript(id: string, entries: readonly TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const key = this.keys.transcript(id);
    await this.redis
      .multi()
      .rpush(key, ...entries.map((e) => this.codec.encode(e)))
      .expire(key, this.ttl)
      .exec();
  }

  async transcript(id: string): Promise<TranscriptEntry[]> {
    const items = await this.redis.lrange(this.keys.transcript(id), 0, -1);
    return items.map((s) => this.codec.decode(s));
  }

  async pushOutbox(id: string, message: OutMessage): Promise<void> {
    const key = this.keys.outbox(id);
    await this.redis.multi().rpush(key, JSON.stringify(message)).expire(key, this.ttl).exec();
  }

  async drainOutbox(id: string): Promise<OutMessage[]> {
    const items = (await scripts.drain.run(this.redis, [this.keys.outbox(id)], [])) as string[];
    return items.map((s) => JSON.parse(s) as OutMessage);
  }

  async delete(id: string): Promise<void> {
    await this.redis.del(
      this.keys.snapshot(id),
      this.keys.transcript(id),
      this.keys.outbox(id),
      this.keys.caseOfConv(id),
    );
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }
}

const PRIORITY_WEIGHT = { urgent: 0, normal: 1 } as const;

export class RedisCaseStore implements CaseStore {
  private readonly retentionSeconds: number;
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    retentionDays: number,
    private readonly codec: TranscriptCodec = makeTranscriptCodec(),
  ) {
    this.retentionSeconds = retentionDays * 86_400;
  }

  // Queue order as a sorted-set score: urgent before normal, then by creation time.
  private score(kase: Case): number {
    return PRIORITY_WEIGHT[kase.priority] * 1e14 + Date.parse(kase.createdAt);
  }

  async create(kase: Case, conversationId: string): Promise<void> {
    // buildCase validated it already; a store must still refuse anything else.
    const valid = kase.schemaVersion === 1 ? kase : caseSchema.parse(kase);
    const { transcript, status, assignedTo, assignedAt, resolvedAt, ...body } = valid;
    const hash = this.keys.caseHash(kase.caseId);
    const tkey = this.keys.caseTranscript(kase.caseId);
    const ttl = this.retentionSeconds;
    // The conversation up to the handoff is one packed entry (one JSON entry per line); what is
    // said afterwards is appended entry by entry, as it happens.
    const [packedBody, packedTranscript] = await Promise.all([
      pack(JSON.stringify(body)),
      transcript.length ? pack(transcript.map((e) => this.codec.encode(e)).join('\n')) : null,
    ]);
    const m = this.redis.multi();
    // Empty fields are left out (read back as null): a case is kept for months.
    m.hset(hash, {
      body: packedBody,
      status,
      conversation: conversationId,
      ...(assignedTo ? { assignedTo } : {}),
      ...(assignedAt ? { assignedAt } : {}),
      ...(resolvedAt ? { resolvedAt } : {}),
    });
    m.expire(hash, ttl);
    if (packedTranscript) m.rpush(tkey, packedTranscript);
    m.expire(tkey, ttl);
    await m.exec();
    // Separate commands, not MULTI: these keys live in other hash slots on a cluster.
    await this.redis.set(this.keys.caseOfConv(conversationId), kase.caseId, 'EX', ttl);
    await this.redis.zadd(this.keys.statusIndex(status), this.score(valid), kase.caseId);
  }

  private async read(caseId: string, withTranscript: boolean): Promise<Case | null> {
    const raw = await this.redis.hgetallBuffer(this.keys.caseHash(caseId));
    if (!raw.body || !raw.status) return null;
    const h: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(raw)) if (k !== 'body') h[k] = v.toString('utf8');
    const transcript: TranscriptEntry[] = [];
    if (withTranscript) {
      for (const item of await this.redis.lrangeBuffer(this.keys.caseTranscript(caseId), 0, -1)) {
        if (!isPacked(item)) transcript.push(this.codec.decode(item.toString('utf8')));
        else for (const line of unpack(item).split('\n')) transcript.push(this.codec.decode(line));
      }
    }
    const body = JSON.parse(unpack(raw.body)) as Omit<Case, 'status' | 'transcript'>;
    return {
      ...body,
      status: h.status as CaseStatus,
      transcript,
      assignedTo: h.assignedTo || null,
      assignedAt: h.assignedAt || null,
      resolvedAt: h.resolvedAt || null,
    };
  }

  get(caseId: string): Promise<Case | null> {
    return this.read(caseId, true);
  }

  async list(status: CaseStatus): Promise<Case[]> {
    const index = this.keys.statusIndex(status);
    const ids = await this.redis.zrange(index, 0, 499);
    const cases: Case[] = [];
    for (const id of ids) {
      const c = await this.read(id, false);
      // Expired or moved on: tidy the index so it does not grow.
      if (!c || c.status !== status) await this.redis.zrem(index, id);
      else cases.push(c);
    }
    return cases;
  }

  async claim(caseId: string, agent: string): Promise<ClaimResult> {
    const r = await scripts.claim.run(this.redis, [this.keys.caseHash(caseId)], [agent, new Date().toISOString()]);
    if (r !== 'ok') return { ok: false, reason: r === 'not_found' ? 'not_found' : 'conflict' };
    const kase = await this.read(caseId, true);
    if (!kase) return { ok: false, reason: 'not_found' };
    await this.redis
      .multi()
      .zadd(this.keys.statusIndex('assigned'), this.score(kase), caseId)
      .zrem(this.keys.statusIndex('waiting'), caseId)
      .exec();
    return { ok: true, case: kase };
  }

  async resolve(caseId: string): Promise<Case | null> {
    const hash = this.keys.caseHash(caseId);
    if (!(await this.redis.exists(hash))) return null;
    await this.redis.hset(hash, 'status', 'resolved', 'resolvedAt', new Date().toISOString());
    const kase = await this.read(caseId, true);
    if (!kase) return null;
    await this.redis
      .multi()
      .zrem(this.keys.statusIndex('waiting'), caseId)
      .zrem(this.keys.statusIndex('assigned'), caseId)
      .zadd(this.keys.statusIndex('resolved'), this.score(kase), caseId)
      .exec();
    return kase;
  }

  async appendTranscript(caseId: string, entries: readonly TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.redis.rpush(this.keys.caseTranscript(caseId), ...entries.map((e) => this.codec.encode(e)));
  }

  async conversationOf(caseId: string): Promise<string | null> {
    return (await this.redis.hget(this.keys.caseHash(caseId), 'conversation')) || null;
  }

  async caseOf(conversationId: string): Promise<string | null> {
    return this.redis.get(this.keys.caseOfConv(conversationId));
  }

  async queuePosition(caseId: string): Promise<number | null> {
    const rank = await this.redis.zrank(this.keys.statusIndex('waiting'), caseId);
    return rank === null ? null : rank + 1;
  }

  async markWaitNotified(caseId: string): Promise<boolean> {
    const r = await this.redis.set(this.keys.caseNotified(caseId), '1', 'EX', this.retentionSeconds, 'NX');
    return r === 'OK';
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }
}

const GROUP = 'dispatch';
const PRIORITIES = ['urgent', 'normal'] as const;
type StreamReply = [string, [string, string[]][]][] | null;

/** Redis Streams, one per priority, read through one consumer group: urgent first. */
export class RedisQueue implements HandoffQueue {
  private groupsReady: Promise<void> | null = null;
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private ensureGroups(): Promise<void> {
    this.groupsReady ??= (async () => {
      for (const p of PRIORITIES) {
        try {
          await this.redis.xgroup('CREATE', this.keys.queueStream(p), GROUP, '0', 'MKSTREAM');
        } catch (err) {
          if (!(err instanceof Error && err.message.includes('BUSYGROUP'))) throw err;
        }
      }
    })().catch((err: unknown) => {
      this.groupsReady = null; // try again on the next call (Redis may have been down)
      throw err;
    });
    return this.groupsReady;
  }

  async enqueue(caseId: string, priority: 'urgent' | 'normal'): Promise<void> {
    await this.ensureGroups();
    // Trim approximately: acknowledged history is not needed beyond the recent past.
    await this.redis.xadd(this.keys.queueStream(priority), 'MAXLEN', '~', '10000', '*', 'caseId', caseId);
  }

  private entries(priority: 'urgent' | 'normal', rows: [string, string[]][]): QueueEntry[] {
    return rows
      .filter(([, fields]) => Array.isArray(fields))
      .map(([id, fields]) => ({ id, priority, caseId: fields[fields.indexOf('caseId') + 1] ?? '' }))
      .filter((e) => e.caseId);
  }

  async read(consumer: string, count: number): Promise<QueueEntry[]> {
    await this.ensureGroups();
    const out: QueueEntry[] = [];
    for (const p of PRIORITIES) {
      if (out.length >= count) break;
      const r = (await this.redis.xreadgroup('GROUP', GROUP, consumer, 'COUNT', count - out.length, 'STREAMS', this.keys.queueStream(p), '>')) as StreamReply;
      for (const [, rows] of r ?? []) out.push(...this.entries(p, rows));
    }
    return out;
  }

  async reclaim(consumer: string, idleMs: number, count: number): Promise<QueueEntry[]> {
    await this.ensureGroups();
    const out: QueueEntry[] = [];
    for (const p of PRIORITIES) {
      const r = (await this.redis.xautoclaim(this.keys.queueStream(p), GROUP, consumer, idleMs, '0-0', 'COUNT', count)) as [string, [string, string[]][], string[]?];
      out.push(...this.entries(p, r[1] ?? []));
    }
    return out;
  }

  async ack(entry: QueueEntry): Promise<void> {
    await this.redis.xack(this.keys.queueStream(entry.priority), GROUP, entry.id);
  }
}

/** Pub/sub fan-out so an agent message reaches the instance holding the customer's socket. */
export class RedisRelay implements Relay {
  private sub: Redis | null = null;
  constructor(
    private readonly pub: Redis,
    private readonly url: string,
    private readonly keys: Keys,
  ) {}

  async publish(id: string): Promise<void> {
    await this.pub.publish(this.keys.relayChannel(), id);
  }

  async subscribe(handler: (id: string) => void): Promise<void> {
    if (!this.sub) {
      // Subscriber connections may queue and retry forever: they carry no request.
      this.sub = new Redis(this.url, { maxRetriesPerRequest: null, retryStrategy: (t) => Math.min(t * 100, 2000) });
      this.sub.on('error', () => undefined);
      await this.sub.subscribe(this.keys.relayChannel());
    }
    this.sub.on('message', (_channel: string, id: string) => handler(id));
  }

  async close(): Promise<void> {
    if (this.sub) this.sub.disconnect();
    this.sub = null;
  }
}

export async function createRedisStores(opts: RedisStoreOptions): Promise<Stores & { redis: Redis }> {
  const redis = new Redis(opts.url, requestPathOptions());
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) opts.onError?.(err);
    down = true;
  });
  redis.on('ready', () => {
    if (down) opts.onReady?.();
    down = false;
  });
  await redis.connect();
  const keys = makeKeys(opts.prefix);
  const relay = new RedisRelay(redis, opts.url, keys);
  return {
    redis,
    sessions: new RedisSessionStore(redis, keys, opts.sessionTtlSeconds, opts.transcriptCodec),
    cases: new RedisCaseStore(redis, keys, opts.caseRetentionDays, opts.transcriptCodec),
    relay,
    queue: new RedisQueue(redis, keys),
    async close() {
      await relay.close();
      redis.disconnect();
    },
  };
}
