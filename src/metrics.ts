// Prometheus metrics (prom-client, own registry): turns, turn latency, handoffs by category,
// open conversations, Redis errors, and drop-off per dialog state and language.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly turns: Counter<'type'>;
  readonly latency: Histogram;
  readonly handoffs: Counter<'category' | 'priority'>;
  readonly openConversations: Gauge;
  readonly redisErrors: Counter;
  readonly dropOff: Counter<'state' | 'locale'>;
  readonly rejected: Counter<'reason'>;
  readonly commits: Counter<'path'>;
  /** Last state per conversation seen recently; pruned after the idle timeout. */
  private readonly open = new Map<string, { at: number; state: string; locale: string }>();
  private sincePrune = 0;

  constructor(private readonly idleMs: number) {
    collectDefaultMetrics({ register: this.registry, prefix: 'swipedesk_' });
    const registers = [this.registry];
    this.turns = new Counter({ name: 'swipedesk_turns_total', help: 'Turns handled', labelNames: ['type'], registers });
    this.latency = new Histogram({
      name: 'swipedesk_turn_seconds',
      help: 'Engine turn latency',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.handoffs = new Counter({ name: 'swipedesk_handoffs_total', help: 'Cases handed off', labelNames: ['category', 'priority'], registers });
    this.openConversations = new Gauge({
      name: 'swipedesk_open_conversations',
      help: 'Conversations active within the idle timeout (this instance)',
      registers,
      collect: () => this.prune(Date.now()),
    });
    this.redisErrors = new Counter({ name: 'swipedesk_redis_errors_total', help: 'Redis outages and failed commands', registers });
    this.dropOff = new Counter({
      name: 'swipedesk_dropoff_total',
      help: 'Conversations that went idle before a handoff, by the state they stopped in',
      labelNames: ['state', 'locale'],
      registers,
    });
    this.commits = new Counter({
      name: 'swipedesk_turn_commits_total',
      help: 'Turns by how they were committed: from the state this instance kept (one store round trip) or under the lock',
      labelNames: ['path'],
      registers,
    });
    this.rejected = new Counter({ name: 'swipedesk_rejected_total', help: 'Requests refused (validation, rate limit, auth)', labelNames: ['reason'], registers });
  }

  turnDone(conversationKey: string, info: { state: string; locale: string; ms: number; path?: 'kept' | 'locked' }, type = 'message'): void {
    this.turns.inc({ type });
    if (info.path) this.commits.inc({ path: info.path });
    this.latency.observe(info.ms / 1000);
    this.open.set(conversationKey, { at: Date.now(), state: info.state, locale: info.locale });
    // Pruned on scrape and also every 1000 turns, so the map stays bounded with no scraper.
    if (++this.sincePrune >= 1000) this.prune(Date.now());
  }

  private prune(now: number): void {
    this.sincePrune = 0;
    for (const [k, v] of this.open) {
      if (now - v.at > this.idleMs) {
        if (v.state !== 'handedOff' && v.state !== 'closed') this.dropOff.inc({ state: v.state, locale: v.locale });
        this.open.delete(k);
      }
    }
    this.openConversations.set(this.open.size);
  }
}
