// Runs one turn of a conversation: lock → load snapshot → restore the dialog actor → send the
// parsed event → collect emitted replies → (create the case) → persist → unlock; or, when this
// process kept the actor from the conversation's last turn, send → commit only if the store still
// holds that turn's state (see handle). Knows nothing about the chat channel; returns rendered
// messages.
import { randomInt } from 'node:crypto';
import { createActor, type SnapshotFrom } from 'xstate';
import { initialContext, type DialogContext, type DialogEvent, type DialogInput } from '../../dialogs/misswipe/context';
import { DIALOG_VERSION, misswipeMachine } from '../../dialogs/misswipe/misswipe.machine';
import type { Config } from '../config';
import { buildCase } from '../handoff/build-case';
import { localDay } from '../handoff/deadlines';
import type { Case } from '../handoff/case-schema';
import type { Renderer } from '../i18n';
import { parse } from '../nlu/parse';
import type { SessionRecord, Stores, TurnCommit, TurnState } from '../store/types';
import type { Locale, OutMessage, Parsed, Reply, TranscriptEntry } from '../types';
import { LiveActors, revisionSource } from './live-actors';
import { expandSnapshot, storedSnapshot } from './snapshot-codec';

export interface Inbound {
  conversationId: string;
  type: 'message' | 'hello' | 'welcome_back' | 'poll';
  text?: string;
  locale?: Locale;
}

export interface EngineHooks {
  /** After a case is stored and readable (queue notification, webhook, metrics). */
  caseCreated?: (kase: Case) => void | Promise<void>;
  turnDone?: (info: { conversationId: string; state: string; locale: Locale; ms: number; path: 'kept' | 'locked' }) => void;
}

export interface EngineDeps {
  stores: Stores;
  renderer: Renderer;
  config: Pick<Config, 'BOT_TIMEZONE' | 'DEFAULT_CURRENCY' | 'IDLE_TIMEOUT_SECONDS'> & Partial<Pick<Config, 'KEPT_CONVERSATIONS'>>;
  clock?: () => Date;
  newCaseId?: (now: Date) => string;
  /** Opening hours: whether agents are there now, and when they next will be. */
  agentHours?: { isOpen(now: Date): boolean; nextOpening(now: Date): string | null };
  hooks?: EngineHooks;
}

type MachineSnapshot = SnapshotFrom<typeof misswipeMachine>;
interface TurnOutput {
  out: OutMessage[];
  state: string;
  locale: Locale;
}
type TurnResult = { result: TurnOutput; commit: TurnCommit | null };

/** Case numbers agents and customers read out: date plus 6 unambiguous characters. */
export function defaultCaseId(now: Date): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let tail = '';
  // randomInt draws from Node's buffered CSPRNG: no system call per case number.
  for (let i = 0; i < 6; i++) tail += alphabet[randomInt(alphabet.length)];
  return `SD-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${tail}`;
}

const STATE_KEYS = new Set(Object.keys(misswipeMachine.root.states));

/** A persisted snapshot this machine can resume: active, in a known state, with a context. */
function isRestorable(s: unknown): s is MachineSnapshot {
  if (!s || typeof s !== 'object') return false;
  const snap = s as { status?: unknown; value?: unknown; context?: unknown };
  return snap.status === 'active' && typeof snap.value === 'string' && STATE_KEYS.has(snap.value) && typeof snap.context === 'object' && snap.context !== null;
}

export class DialogError extends Error {}

/** A bug in the dialog must fail this turn (the user sees "try again"), never the process. */
function failIfBroken(actor: { getSnapshot(): { status: string; error?: unknown } }): void {
  const snap = actor.getSnapshot();
  if (snap.status === 'error') throw new DialogError('dialog failed', { cause: snap.error });
}

/** Where a live actor's emitted events go: rebound to each turn's own arrays. */
interface DialogSink {
  replies: Reply[];
  handoff: 'normal' | 'urgent' | null;
}

function spawnDialog(from: MachineSnapshot | undefined, input: DialogInput, replies: Reply[]) {
  const sink: DialogSink = { replies, handoff: null };
  const actor = createActor(misswipeMachine, from ? { snapshot: from, input } : { input });
  // Without an error observer XState rethrows a failed action later, outside any try/catch,
  // which would crash the process; with one, the failure is read from the snapshot below.
  actor.subscribe({ error: () => undefined });
  actor.on('reply', (e) => sink.replies.push(e.reply));
  actor.on('handoff.requested', (e) => (sink.handoff = e.priority));
  actor.start();
  return { actor, sink };
}
type Dialog = ReturnType<typeof spawnDialog>;

/** What a process keeps of a conversation (one without a case) after its turn: the live actor
 *  and the record it committed. */
interface Kept {
  dialog: Dialog;
  record: SessionRecord;
}

/** A turn computed without the lock that turned out to need it (it hands off: a case is created). */
const NEEDS_LOCK = Symbol('needs lock');

export class Engine {
  // Live actors kept between turns (KEPT_CONVERSATIONS, ~7 KB each: 1,000 ≈ 7 MB); a conversation
  // pushed out just takes the locked path next time.
  private readonly live: LiveActors<Kept>;
  private readonly nextRev = revisionSource();
  private readonly clock: () => Date;
  private readonly newCaseId: (now: Date) => string;

  constructor(private readonly deps: EngineDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.newCaseId = deps.newCaseId ?? defaultCaseId;
    this.live = new LiveActors<Kept>(deps.config.KEPT_CONVERSATIONS ?? 1000, (k) => k.dialog.actor.stop());
  }

  parse(text: string, now: Date): Parsed {
    return parse(text, { now, timeZone: this.deps.config.BOT_TIMEZONE, defaultCurrency: this.deps.config.DEFAULT_CURRENCY });
  }

  /** One inbound message in, the bot's messages out (already rendered and redacted). */
  async handle(inbound: Inbound): Promise<OutMessage[]> {
    const { sessions } = this.deps.stores;
    const id = inbound.conversationId;
    if (inbound.type === 'poll') return sessions.drainOutbox(id);
    const started = performance.now();
    const now = this.clock();
    // Understanding needs no state: it runs before the lock is taken, keeping the lock short.
    const parsed = inbound.type === 'message' ? this.parse(inbound.text ?? '', now) : null;
    const done = (r: TurnOutput, pending: OutMessage[], path: 'kept' | 'locked') => {
      this.deps.hooks?.turnDone?.({ conversationId: id, state: r.state, locale: r.locale, ms: performance.now() - started, path });
      return [...pending, ...r.out];
    };

    // The common case: this process answered the conversation's previous turn and kept its actor.
    // The turn is computed from that and committed in one step if the store still holds exactly
    // that state; a turn with side effects (a case) or a lost race goes the locked way below.
    const kept = this.live.peek(id);
    if (parsed && kept) {
      const fast = await this.turn(inbound, { record: kept.value.record, caseId: null }, parsed, now, true);
      if (fast !== NEEDS_LOCK && fast.commit) {
        const committed = await sessions.tryCommit(id, kept.rev, fast.commit);
        if (committed) return done(fast.result, committed.pending, 'kept');
      }
      this.live.drop(id); // what that attempt left behind is not what the store holds
    }

    const { result, pending } = await sessions.runTurn(id, async (state) => {
      const r = await this.turn(inbound, state, parsed, now, false);
      if (r === NEEDS_LOCK) throw new DialogError('a locked turn cannot need the lock');
      return r;
    });
    return done(result, pending, 'locked');
  }

  private async turn(inbound: Inbound, state: TurnState, parsed: Parsed | null, now: Date, optimistic: boolean): Promise<TurnResult | typeof NEEDS_LOCK> {
    const { cases } = this.deps.stores;
    const id = inbound.conversationId;
    const { record } = state;
    const replies: Reply[] = [];

    // The stored state this dialog version can continue from (another version's is never resurrected).
    const current = record && record.dialogVersion === DIALOG_VERSION && record.snapshot ? record : null;
    if (record && record.dialogVersion !== DIALOG_VERSION) replies.push({ key: 'common:restarted' });

    const userEntry: TranscriptEntry | null = parsed ? { from: 'user', text: parsed.text, at: now.toISOString() } : null;
    if (parsed && (parsed.redaction.cardNumbers > 0 || parsed.redaction.secrets > 0)) {
      replies.push({ key: 'common:cardDataWarning' });
    }

    // A handed-off conversation belongs to the agent: the bot only relays and informs.
    const linkedCase = current ? state.caseId : null;
    if (linkedCase && inbound.type === 'message' && userEntry) {
      const kase = await cases.get(linkedCase);
      if (kase && kase.status !== 'resolved') {
        return this.relayToAgent(id, kase, userEntry, replies, expandSnapshot(current?.snapshot) as MachineSnapshot | undefined, record);
      }
    }

    const input = { locale: inbound.locale ?? null };
    // The actor this process left after the conversation's previous turn, if the store still
    // holds exactly that turn's state; otherwise it is restored from the snapshot.
    const kept = this.live.take(id, current?.rev);
    // Expanded only when the actor has to be restored from it (not on the kept path).
    let snapshot = !kept && current ? (expandSnapshot(current.snapshot) as MachineSnapshot) : undefined;
    let dialog: Dialog;
    if (kept) {
      dialog = kept.dialog;
      dialog.sink.replies = replies;
      dialog.sink.handoff = null;
    } else {
      if (snapshot && !isRestorable(snapshot)) {
        // A snapshot this machine cannot restore: start over and say so, rather than fail forever.
        replies.push({ key: 'common:restarted' });
        snapshot = undefined;
      }
      dialog = spawnDialog(snapshot, input, replies);
      if (dialog.actor.getSnapshot().status === 'error') {
        replies.push({ key: 'common:restarted' });
        snapshot = undefined;
        dialog = spawnDialog(undefined, input, replies);
      }
    }

    const idle = Boolean(record && now.getTime() - record.lastActiveAt > this.deps.config.IDLE_TIMEOUT_SECONDS * 1000);
    let history: TranscriptEntry[] | undefined;
    if (inbound.type === 'welcome_back') history = await this.conversationTranscript(id, state.caseId);
    const deliver = () => {
      const { actor } = dialog;
      if (inbound.type === 'hello' || inbound.type === 'welcome_back') {
        const fresh = actor.getSnapshot().value === 'greeting';
        actor.send(fresh ? { type: 'session.started', locale: inbound.locale ?? null } : { type: 'session.resumed' });
      } else if (parsed) {
        // The dialog has no clock: the day lets it tell whether a dispute deadline has passed.
        actor.send({ type: 'user.said', parsed, idle, today: localDay(now, this.deps.config.BOT_TIMEZONE) } satisfies DialogEvent);
      }
    };
    deliver();
    if (dialog.actor.getSnapshot().status === 'error' && (kept || snapshot)) {
      // The stored state broke the dialog (e.g. a context from a buggy release): start this
      // conversation afresh with the same message rather than failing it on every turn.
      dialog.actor.stop();
      replies.length = 0;
      replies.push({ key: 'common:restarted' });
      snapshot = undefined;
      dialog = spawnDialog(undefined, input, replies);
      deliver();
    }

    const { actor, sink } = dialog;
    failIfBroken(actor);
    // Once handed off, a conversation's transcript lives in its case (one copy, kept as long as
    // the case): this turn's entries go there, and the session's own list is dropped.
    let caseId = state.caseId;
    let repliesInNewCase: number | null = null;
    if (sink.handoff && optimistic) return NEEDS_LOCK;
    if (sink.handoff) {
      const kase = await this.createCase(id, state.caseId, actor.getSnapshot().context, sink.handoff, now, userEntry, replies);
      caseId = kase.caseId;
      repliesInNewCase = replies.length;
      const position = await cases.queuePosition(kase.caseId);
      const agentsOpen = this.deps.agentHours?.isOpen(now) ?? true;
      const nextOpen = agentsOpen ? null : (this.deps.agentHours?.nextOpening(now) ?? null);
      actor.send({ type: 'case.created', caseId: kase.caseId, position, agentsOpen, nextOpen });
      failIfBroken(actor);
    }

    const snap = actor.getSnapshot();
    const locale = snap.context.locale;
    const out = replies.map((r) => this.renderReply(r, locale, snap.context));
    if (history) {
      out.unshift({ type: 'message', text: this.deps.renderer.t('common:welcomeBack', locale), locale, history });
    }
    const at = now.toISOString();
    const botEntries: TranscriptEntry[] = out.map((m) => ({ from: 'bot', text: m.text, at }));
    const entries = userEntry ? [userEntry, ...botEntries] : botEntries;
    if (caseId) {
      // A case created this turn holds everything up to its creation: only the later replies go.
      const later = repliesInNewCase === null ? null : replies.length - repliesInNewCase;
      await cases.appendTranscript(caseId, later === null ? entries : botEntries.slice(botEntries.length - later));
    }
    const rev = this.nextRev();
    const commit: TurnCommit = {
      // `rev` first: stores check it from the start of the stored JSON (recordPrefix).
      record: {
        rev,
        dialogVersion: DIALOG_VERSION,
        snapshot: storedSnapshot(snap, () => actor.getPersistedSnapshot()),
        lastActiveAt: inbound.type === 'message' ? now.getTime() : (record?.lastActiveAt ?? now.getTime()),
      },
      transcript: caseId ? [] : entries,
      ...(repliesInNewCase !== null ? { dropTranscript: true } : {}),
    };
    // Kept for the next turn; used only if this commit is what the store then holds. A handed-off
    // conversation's turns go through the lock anyway (they touch its case): nothing to keep.
    if (caseId) dialog.actor.stop();
    else this.live.put(id, rev, { dialog, record: commit.record });
    return { result: { out, state: String(snap.value), locale }, commit };
  }

  private renderReply(reply: Reply, locale: Locale, ctx: DialogContext): OutMessage {
    const m = this.deps.renderer.render(reply, locale);
    if (reply.announcesCase && ctx.caseId) m.handoff = { caseId: ctx.caseId, status: 'waiting' };
    return m;
  }

  /** The conversation so far: the session's list, or its case's once it was handed off. */
  private async conversationTranscript(id: string, caseId: string | null): Promise<TranscriptEntry[]> {
    if (!caseId) return this.deps.stores.sessions.transcript(id);
    return (await this.deps.stores.cases.get(caseId))?.transcript ?? [];
  }

  /** Stores the case (with the transcript so far) before anyone is told its number. */
  private async createCase(
    id: string,
    previousCase: string | null,
    ctx: DialogContext,
    priority: 'normal' | 'urgent',
    now: Date,
    userEntry: TranscriptEntry | null,
    repliesSoFar: Reply[],
  ): Promise<Case> {
    // The session transcript gets this turn's entries with the turn's commit; the case needs
    // them now, so they are added to its copy here.
    const transcript = await this.conversationTranscript(id, previousCase);
    const at = now.toISOString();
    if (userEntry) transcript.push(userEntry);
    for (const r of repliesSoFar) transcript.push({ from: 'bot', text: this.deps.renderer.render(r, ctx.locale).text, at });
    const kase = buildCase({ caseId: this.newCaseId(now), createdAt: now, context: ctx, priority, transcript }, this.deps.renderer);
    await this.deps.stores.cases.create(kase, id);
    await this.deps.hooks?.caseCreated?.(kase);
    return kase;
  }

  private async relayToAgent(
    id: string,
    kase: Case,
    entry: TranscriptEntry,
    replies: Reply[],
    snapshot: MachineSnapshot | undefined,
    record: SessionRecord | null,
  ): Promise<TurnResult> {
    const { cases } = this.deps.stores;
    const locale = snapshot?.context.locale ?? kase.locale;
    if (kase.status === 'waiting') {
      const position = await cases.queuePosition(kase.caseId);
      replies.push({ key: 'misswipe:handoff.stillWaiting', params: { caseId: kase.caseId, position: position ?? 1 } });
    }
    const ctx = snapshot?.context ?? initialContext({ locale });
    const out = replies.map((r) => this.renderReply(r, locale, ctx));
    const at = entry.at;
    const botEntries = out.map((m) => ({ from: 'bot' as const, text: m.text, at }));
    await cases.appendTranscript(kase.caseId, [entry, ...botEntries]);
    const commit = record ? { record: { ...record, lastActiveAt: Date.parse(at) }, transcript: [] } : null;
    return { result: { out, state: 'handedOff', locale }, commit };
  }
}
