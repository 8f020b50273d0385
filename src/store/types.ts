// Store interfaces: the only way the rest of the app reaches state. Each has an in-memory
// implementation (the default) and a Redis one (REDIS_URL); one contract suite tests both.
import type { Case, CaseStatus } from '../handoff/case-schema';
import type { OutMessage, TranscriptEntry } from '../types';

/** What the engine persists per conversation between turns. */
export interface SessionRecord {
  /** Dialog version that wrote the snapshot; another version is never resurrected. */
  dialogVersion: string;
  snapshot: unknown;
  /** ms since epoch of the last user activity (drives the idle prompt). */
  lastActiveAt: number;
  /** Unique per committed turn: lets an instance reuse the live actor it kept for exactly this state. */
  rev?: string;
}

/** What a turn starts from: the stored record and the case the conversation was handed off as. */
export interface TurnState {
  record: SessionRecord | null;
  caseId: string | null;
}

/** What a turn leaves behind: written together with the unlock. */
export interface TurnCommit {
  record: SessionRecord;
  transcript: readonly TranscriptEntry[];
  /** The conversation was handed off this turn: its transcript now lives in the case. */
  dropTranscript?: boolean;
}

/** How every stored record begins (the engine writes `rev` first): lets a store check the
 *  revision without parsing the record. */
export const recordPrefix = (rev: string): string => `{"rev":${JSON.stringify(rev)}`;

export interface SessionStore {
  /**
   * One turn under the conversation's lock, in two round trips on Redis: the lock is taken with
   * the state loaded, and the commit is written (and pending outbox messages taken) with the
   * unlock. A throwing fn releases the lock and writes nothing.
   */
  runTurn<T>(
    conversationId: string,
    fn: (state: TurnState) => Promise<{ result: T; commit: TurnCommit | null }>,
  ): Promise<{ result: T; pending: OutMessage[] }>;
  /**
   * A turn computed without the lock from the state this process kept: written (with the
   * outbox taken) in one step only if nobody holds the lock, the conversation has no case and
   * the stored record is still revision `expectedRev`; otherwise nothing is written and null
   * comes back (the caller then runs the turn under the lock).
   */
  tryCommit(conversationId: string, expectedRev: string, commit: TurnCommit): Promise<{ pending: OutMessage[] } | null>;
  load(conversationId: string): Promise<SessionRecord | null>;
  save(conversationId: string, record: SessionRecord): Promise<void>;
  appendTranscript(conversationId: string, entries: readonly TranscriptEntry[]): Promise<void>;
  transcript(conversationId: string): Promise<TranscriptEntry[]>;
  /** Messages waiting for a client without a live socket (agent messages). */
  pushOutbox(conversationId: string, message: OutMessage): Promise<void>;
  /** Takes every pending message atomically: each is delivered exactly once. */
  drainOutbox(conversationId: string): Promise<OutMessage[]>;
  delete(conversationId: string): Promise<void>;
  ping(): Promise<void>;
}

export type ClaimResult = { ok: true; case: Case } | { ok: false; reason: 'not_found' | 'conflict' };

export interface CaseStore {
  /** Stores a new case and links it to its conversation (the link is never shown to agents). */
  create(kase: Case, conversationId: string): Promise<void>;
  get(caseId: string): Promise<Case | null>;
  /** Cases with this status, urgent first, then oldest first (transcripts left out). */
  list(status: CaseStatus): Promise<Case[]>;
  claim(caseId: string, agent: string): Promise<ClaimResult>;
  resolve(caseId: string): Promise<Case | null>;
  appendTranscript(caseId: string, entries: readonly TranscriptEntry[]): Promise<void>;
  conversationOf(caseId: string): Promise<string | null>;
  caseOf(conversationId: string): Promise<string | null>;
  /** 1-based position among waiting cases in the order agents read them; null if not waiting. */
  queuePosition(caseId: string): Promise<number | null>;
  /** True exactly once per case: the first caller may send the "still waiting" notice. */
  markWaitNotified(caseId: string): Promise<boolean>;
  ping(): Promise<void>;
}

/** Cross-instance notifications: "conversation X has new outbox messages". */
export interface Relay {
  publish(conversationId: string): Promise<void>;
  subscribe(handler: (conversationId: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface QueueEntry {
  id: string;
  caseId: string;
  priority: 'urgent' | 'normal';
}

/**
 * The durable hand-off queue (Redis Streams with a consumer group when REDIS_URL is set): every
 * new case is an entry that a dispatcher reads, urgent first, and acknowledges once handled.
 */
export interface HandoffQueue {
  enqueue(caseId: string, priority: 'urgent' | 'normal'): Promise<void>;
  /** New entries for this consumer, urgent first. */
  read(consumer: string, count: number): Promise<QueueEntry[]>;
  /** Entries delivered to a consumer that never acknowledged them within idleMs (it died). */
  reclaim(consumer: string, idleMs: number, count: number): Promise<QueueEntry[]>;
  ack(entry: QueueEntry): Promise<void>;
}

export interface Stores {
  sessions: SessionStore;
  cases: CaseStore;
  relay: Relay;
  queue: HandoffQueue;
  close(): Promise<void>;
}
