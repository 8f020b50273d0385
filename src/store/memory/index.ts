// In-memory stores: the embedded default when REDIS_URL is unset, and the twin the contract
// tests hold the Redis stores to. Entries expire like their Redis counterparts so memory stays flat.
import type { Case, CaseStatus } from '../../handoff/case-schema';
import type { OutMessage, TranscriptEntry } from '../../types';
import { recordPrefix, type CaseStore, type ClaimResult, type HandoffQueue, type QueueEntry, type Relay, type SessionRecord, type SessionStore, type Stores, type TurnCommit, type TurnState } from '../types';
import { compareForQueue } from '../queue-order';
import { KeyedMutex } from './keyed-mutex';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** A map whose entries vanish after a TTL; swept lazily and by an unref'd timer. */
class TtlMap<T> {
  private readonly map = new Map<string, Expiring<T>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: () => number,
    /** Told of every entry that expires (an index kept beside the map drops it too). */
    private readonly onExpire?: (value: T) => void,
  ) {
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  get(key: string): T | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      this.expire(key, e);
      return undefined;
    }
    return e.value;
  }

  private expire(key: string, e: Expiring<T>): void {
    this.map.delete(key);
    this.onExpire?.(e.value);
  }

  set(key: string, value: T): void {
    this.map.set(key, { value, expiresAt: Date.now() + this.ttlMs() });
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  values(): T[] {
    const now = Date.now();
    return [...this.map.values()].filter((e) => e.expiresAt > now).map((e) => e.value);
  }

  sweep(): void {
    const now = Date.now();
    for (const [k, e] of this.map) if (e.expiresAt <= now) this.expire(k, e);
  }

  close(): void {
    clearInterval(this.timer);
  }

  get size(): number {
    return this.map.size;
  }
}

interface MemorySession {
  /** JSON, as Redis would hold it: cheaper than structuredClone and never shared by reference. */
  record: string | null;
  transcript: TranscriptEntry[];
  outbox: OutMessage[];
}

/** Stored data is plain JSON (as in Redis): a JSON round trip copies it several times faster than structuredClone. */
const copyOf = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export class MemorySessionStore implements SessionStore {
  private readonly mutex = new KeyedMutex();
  readonly entries: TtlMap<MemorySession>;

  constructor(
    ttlSeconds: number,
    /** The case store's conversation → case links (one map shared by both stores). */
    private readonly caseLinks: { get(id: string): string | undefined } = { get: () => undefined },
  ) {
    this.entries = new TtlMap(() => ttlSeconds * 1000);
  }

  runTurn<T>(id: string, fn: (state: TurnState) => Promise<{ result: T; commit: TurnCommit | null }>): Promise<{ result: T; pending: OutMessage[] }> {
    return this.mutex.run(id, async () => {
      const { result, commit } = await fn({ record: await this.load(id), caseId: this.caseLinks.get(id) ?? null });
      return { result, pending: this.commitAndDrain(id, commit) };
    });
  }

  /** Writes a turn's commit (if any) and takes the outbox, with no await in between. */
  private commitAndDrain(id: string, commit: TurnCommit | null): OutMessage[] {
    if (commit) {
      const e = this.entry(id);
      if (commit.dropTranscript) e.transcript = [];
      e.transcript.push(...commit.transcript.map((t) => ({ ...t })));
      e.record = JSON.stringify(commit.record);
    }
    const e = this.entries.get(id);
    return e ? e.outbox.splice(0, e.outbox.length) : [];
  }

  async tryCommit(id: string, expectedRev: string, commit: TurnCommit): Promise<{ pending: OutMessage[] } | null> {
    // No await between the checks and the writes: atomic within this process, like the Lua script.
    if (this.mutex.isBusy(id) || this.caseLinks.get(id)) return null;
    const current = this.entries.get(id)?.record;
    if (!current?.startsWith(recordPrefix(expectedRev))) return null;
    return { pending: this.commitAndDrain(id, commit) };
  }

  private entry(id: string): MemorySession {
    const e = this.entries.get(id) ?? { record: null, transcript: [], outbox: [] };
    this.entries.set(id, e); // every write refreshes the TTL, as in Redis
    return e;
  }

  async load(id: string): Promise<SessionRecord | null> {
    const r = this.entries.get(id)?.record;
    return r ? (JSON.parse(r) as SessionRecord) : null;
  }

  async save(id: string, record: SessionRecord): Promise<void> {
    this.entry(id).record = JSON.stringify(record);
  }

  async appendTranscript(id: string, entries: readonly TranscriptEntry[]): Promise<void> {
    this.entry(id).transcript.push(...entries.map((e) => ({ ...e })));
  }

  async transcript(id: string): Promise<TranscriptEntry[]> {
    return (this.entries.get(id)?.transcript ?? []).map((e) => ({ ...e }));
  }

  async pushOutbox(id: string, message: OutMessage): Promise<void> {
    this.entry(id).outbox.push(copyOf(message));
  }

  async drainOutbox(id: string): Promise<OutMessage[]> {
    const e = this.entries.get(id);
    if (!e) return [];
    return e.outbox.splice(0, e.outbox.length);
  }

  async delete(id: string): Promise<void> {
    this.entries.delete(id);
  }

  async ping(): Promise<void> {}

  close(): void {
    this.entries.close();
  }
}

interface MemoryCase {
  kase: Case;
  conversationId: string;
}

/**
 * The waiting cases in queue order, as Redis keeps them in a sorted set: a case's position is a
 * binary search, not a walk over every case the store retains (30 days of them). The walk was
 * 12.5 % of the server's CPU under the bench's load, where nobody claims cases, and grew with every
 * case. Holds the stored Case objects; their sort keys (priority, createdAt, caseId) never change.
 */
class WaitingIndex {
  private readonly order: Case[] = [];

  /** First index whose case does not come before `k` (where `k` is, or would go). */
  private seek(k: Case): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareForQueue(this.order[mid] as Case, k) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(k: Case): void {
    const i = this.seek(k);
    if (this.order[i]?.caseId !== k.caseId) this.order.splice(i, 0, k);
  }

  remove(k: Case): void {
    const i = this.seek(k);
    if (this.order[i]?.caseId === k.caseId) this.order.splice(i, 1);
  }

  /** 0-based place in the queue, or null when the case is not waiting. */
  rank(k: Case): number | null {
    const i = this.seek(k);
    return this.order[i]?.caseId === k.caseId ? i : null;
  }

  /** A copy, in queue order. */
  all(): Case[] {
    return this.order.slice();
  }
}

export class MemoryCaseStore implements CaseStore {
  private readonly cases: TtlMap<MemoryCase>;
  private readonly waiting = new WaitingIndex();
  readonly byConversation: TtlMap<string>;

  constructor(retentionDays: number) {
    const ttl = () => retentionDays * 86_400_000;
    this.cases = new TtlMap(ttl, (e) => this.waiting.remove(e.kase));
    this.byConversation = new TtlMap(ttl);
  }

  async create(kase: Case, conversationId: string): Promise<void> {
    const old = this.cases.get(kase.caseId);
    if (old) this.waiting.remove(old.kase);
    const stored = copyOf(kase);
    this.cases.set(kase.caseId, { kase: stored, conversationId });
    if (stored.status === 'waiting') this.waiting.add(stored);
    this.byConversation.set(conversationId, kase.caseId);
  }

  async get(caseId: string): Promise<Case | null> {
    const e = this.cases.get(caseId);
    return e ? copyOf(e.kase) : null;
  }

  async list(status: CaseStatus): Promise<Case[]> {
    // Each get() drops an expired case (and its index entry) on the way.
    const inOrder =
      status === 'waiting'
        ? this.waiting.all().filter((c) => this.cases.get(c.caseId))
        : this.cases
            .values()
            .map((e) => e.kase)
            .filter((c) => c.status === status)
            .sort(compareForQueue);
    return inOrder.map((c) => ({ ...copyOf(c), transcript: [] }));
  }

  async claim(caseId: string, agent: string): Promise<ClaimResult> {
    const e = this.cases.get(caseId);
    if (!e) return { ok: false, reason: 'not_found' };
    const k = e.kase;
    if (k.status === 'resolved' || (k.status === 'assigned' && k.assignedTo !== agent)) {
      return { ok: false, reason: 'conflict' };
    }
    if (k.status === 'waiting') {
      this.waiting.remove(k);
      k.status = 'assigned';
      k.assignedTo = agent;
      k.assignedAt = new Date().toISOString();
    }
    return { ok: true, case: copyOf(k) };
  }

  async resolve(caseId: string): Promise<Case | null> {
    const e = this.cases.get(caseId);
    if (!e) return null;
    if (e.kase.status !== 'resolved') {
      this.waiting.remove(e.kase);
      e.kase.status = 'resolved';
      e.kase.resolvedAt = new Date().toISOString();
    }
    return copyOf(e.kase);
  }

  async appendTranscript(caseId: string, entries: readonly TranscriptEntry[]): Promise<void> {
    this.cases.get(caseId)?.kase.transcript.push(...entries.map((e) => ({ ...e })));
  }

  async conversationOf(caseId: string): Promise<string | null> {
    return this.cases.get(caseId)?.conversationId ?? null;
  }

  async caseOf(conversationId: string): Promise<string | null> {
    return this.byConversation.get(conversationId) ?? null;
  }

  async queuePosition(caseId: string): Promise<number | null> {
    const me = this.cases.get(caseId)?.kase;
    if (me?.status !== 'waiting') return null;
    const rank = this.waiting.rank(me);
    return rank === null ? null : rank + 1;
  }

  private readonly notified: TtlMap<true> = new TtlMap(() => 86_400_000);

  async markWaitNotified(caseId: string): Promise<boolean> {
    if (this.notified.get(caseId)) return false;
    this.notified.set(caseId, true);
    return true;
  }

  async ping(): Promise<void> {}

  close(): void {
    this.notified.close();
    this.cases.close();
    this.byConversation.close();
  }
}

/** In one process the relay is a plain event fan-out. */
export class MemoryRelay implements Relay {
  private readonly handlers: ((id: string) => void)[] = [];
  async publish(id: string): Promise<void> {
    for (const h of this.handlers) h(id);
  }
  async subscribe(handler: (id: string) => void): Promise<void> {
    this.handlers.push(handler);
  }
  async close(): Promise<void> {
    this.handlers.length = 0;
  }
}

/** In one process: two lists (urgent, normal) and a pending map for unacknowledged entries. */
export class MemoryQueue implements HandoffQueue {
  private seq = 0;
  private readonly fresh: Record<'urgent' | 'normal', QueueEntry[]> = { urgent: [], normal: [] };
  private readonly pending = new Map<string, { entry: QueueEntry; at: number; consumer: string }>();

  async enqueue(caseId: string, priority: 'urgent' | 'normal'): Promise<void> {
    this.fresh[priority].push({ id: String(++this.seq), caseId, priority });
  }

  async read(consumer: string, count: number): Promise<QueueEntry[]> {
    const out = [...this.fresh.urgent.splice(0, count)];
    out.push(...this.fresh.normal.splice(0, count - out.length));
    for (const entry of out) this.pending.set(entry.id, { entry, at: Date.now(), consumer });
    return out;
  }

  async reclaim(consumer: string, idleMs: number, count: number): Promise<QueueEntry[]> {
    const now = Date.now();
    const out: QueueEntry[] = [];
    for (const p of this.pending.values()) {
      if (out.length >= count) break;
      if (now - p.at >= idleMs) {
        p.at = now;
        p.consumer = consumer;
        out.push(p.entry);
      }
    }
    return out;
  }

  async ack(entry: QueueEntry): Promise<void> {
    this.pending.delete(entry.id);
  }
}

export function createMemoryStores(opts: { sessionTtlSeconds: number; caseRetentionDays: number }): Stores {
  const cases = new MemoryCaseStore(opts.caseRetentionDays);
  const sessions = new MemorySessionStore(opts.sessionTtlSeconds, cases.byConversation);
  const relay = new MemoryRelay();
  return {
    sessions,
    cases,
    relay,
    queue: new MemoryQueue(),
    async close() {
      sessions.close();
      cases.close();
      await relay.close();
    },
  };
}
