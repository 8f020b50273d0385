// Works the hand-off queue in the background: posts each new case to the helpdesk webhook
// (signed, retried with backoff; the case itself is already stored and never lost), and tells
// customers whose case waited AGENT_WAIT_SECONDS without a claim that it is saved.
import { createHmac, randomUUID } from 'node:crypto';
import type { Renderer } from '../i18n';
import type { Logger } from '../logger';
import type { QueueEntry, Stores } from '../store/types';
import type { Case } from './case-schema';

export interface DispatcherOptions {
  stores: Stores;
  renderer: Renderer;
  logger: Logger;
  webhookUrl?: string;
  webhookSecret?: string;
  agentWaitSeconds: number;
  /** When agents are next there (null = now / always): used in the waiting notice. */
  nextOpening: (now: Date) => string | null;
  isOpen: (now: Date) => boolean;
  tickMs?: number;
  maxAttempts?: number;
  fetchImpl?: typeof fetch;
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class Dispatcher {
  private readonly consumer = `dispatcher-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly attempts = new Map<string, { n: number; nextAt: number }>();
  /** Cases this dispatcher read from the queue, by when their "still waiting" notice is due. */
  private readonly due = new Map<string, number>();

  constructor(private readonly o: DispatcherOptions) {}

  start(): void {
    const every = this.o.tickMs ?? 1000;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: reclaim entries a dead dispatcher left, read new ones, then the waiting notices. */
  async tick(now = new Date()): Promise<void> {
    try {
      const { queue } = this.o.stores;
      const entries = [...(await queue.reclaim(this.consumer, 30_000, 20)), ...(await queue.read(this.consumer, 20))];
      for (const e of entries) {
        if (!this.due.has(e.caseId)) this.due.set(e.caseId, now.getTime() + this.o.agentWaitSeconds * 1000);
        if (!this.attempts.has(JSON.stringify(e))) await this.handle(e, now);
      }
      // Entries waiting for a retry are re-tried from our own pending map.
      for (const [id, a] of this.attempts) if (a.nextAt <= now.getTime()) await this.handle(JSON.parse(id) as QueueEntry, now);
      await this.noticeWaiting(now);
    } catch (err) {
      this.o.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'dispatcher pass failed');
    }
  }

  private async handle(entry: QueueEntry, now: Date): Promise<void> {
    const key = JSON.stringify(entry);
    if (!this.o.webhookUrl) {
      await this.o.stores.queue.ack(entry);
      return;
    }
    const kase = await this.o.stores.cases.get(entry.caseId);
    if (!kase) {
      await this.o.stores.queue.ack(entry);
      return;
    }
    const ok = await this.post(kase);
    if (ok) {
      this.attempts.delete(key);
      await this.o.stores.queue.ack(entry);
      return;
    }
    const prev = this.attempts.get(key)?.n ?? 0;
    const n = prev + 1;
    if (n >= (this.o.maxAttempts ?? 8)) {
      this.o.logger.error({ caseId: kase.caseId, attempts: n }, 'handoff webhook gave up; the case stays in the agent queue');
      this.attempts.delete(key);
      await this.o.stores.queue.ack(entry);
      return;
    }
    // 1 s, 2 s, 4 s … capped at 5 minutes.
    this.attempts.set(key, { n, nextAt: now.getTime() + Math.min(1000 * 2 ** (n - 1), 300_000) });
    this.o.logger.warn({ caseId: kase.caseId, attempt: n }, 'handoff webhook failed; will retry');
  }

  private async post(kase: Case): Promise<boolean> {
    const body = JSON.stringify(kase);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-swipedesk-event': 'case.created' };
    if (this.o.webhookSecret) headers['x-signature'] = signBody(body, this.o.webhookSecret);
    try {
      const res = await (this.o.fetchImpl ?? fetch)(this.o.webhookUrl ?? '', { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
      return res.ok;
    } catch {
      return false;
    }
  }

  /**
   * Cases nobody claimed in time: tell the customer once that the case is saved and when to
   * expect contact. Only cases this dispatcher read are looked at (each queue entry goes to one
   * dispatcher), so the cost follows new cases, not the length of the queue.
   */
  private async noticeWaiting(now: Date): Promise<void> {
    const { cases, sessions, relay } = this.o.stores;
    for (const [caseId, dueAt] of this.due) {
      if (dueAt > now.getTime()) continue;
      this.due.delete(caseId);
      const kase = await cases.get(caseId);
      if (kase?.status !== 'waiting' || !(await cases.markWaitNotified(caseId))) continue;
      const conv = await cases.conversationOf(caseId);
      if (!conv) continue;
      const next = this.o.isOpen(now) ? null : this.o.nextOpening(now);
      const text = next
        ? this.o.renderer.t('misswipe:handoff.waitNoticeClosed', kase.locale, { caseId, nextOpen: next })
        : this.o.renderer.t('misswipe:handoff.waitNotice', kase.locale, { caseId });
      const at = now.toISOString();
      await cases.appendTranscript(caseId, [{ from: 'bot', text, at }]);
      await sessions.pushOutbox(conv, { type: 'message', text, locale: kase.locale });
      await relay.publish(conv);
    }
  }
}
