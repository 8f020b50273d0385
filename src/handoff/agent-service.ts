// What an agent can do with a case: claim it, write to the customer, resolve it. Agent messages
// go to the conversation's outbox and a relay notice, so whichever instance holds the
// customer's socket pushes them; clients without a socket get them on poll or next message.
import type { Renderer } from '../i18n';
import type { Stores } from '../store/types';
import type { OutMessage, TranscriptEntry } from '../types';
import type { Case } from './case-schema';

export type AgentResult<T> = { ok: true; value: T } | { ok: false; status: 404 | 409; error: string };

export class AgentService {
  constructor(
    private readonly stores: Stores,
    private readonly renderer: Renderer,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(status: Case['status']): Promise<Case[]> {
    return this.stores.cases.list(status);
  }

  get(caseId: string): Promise<Case | null> {
    return this.stores.cases.get(caseId);
  }

  async claim(caseId: string, agent: string): Promise<AgentResult<Case>> {
    const r = await this.stores.cases.claim(caseId, agent);
    if (!r.ok) {
      return r.reason === 'not_found'
        ? { ok: false, status: 404, error: 'case not found' }
        : { ok: false, status: 409, error: 'case already claimed by another agent' };
    }
    const text = this.renderer.t('misswipe:handoff.agentJoined', r.case.locale, { agent });
    await this.deliver(r.case, { type: 'message', text, locale: r.case.locale }, 'bot');
    return { ok: true, value: r.case };
  }

  async message(caseId: string, text: string): Promise<AgentResult<TranscriptEntry>> {
    const kase = await this.stores.cases.get(caseId);
    if (!kase) return { ok: false, status: 404, error: 'case not found' };
    if (kase.status === 'resolved') return { ok: false, status: 409, error: 'case is resolved' };
    const entry = await this.deliver(kase, { type: 'message', text, locale: kase.locale, from: 'agent' }, 'agent');
    return { ok: true, value: entry };
  }

  async resolve(caseId: string): Promise<AgentResult<Case>> {
    const before = await this.stores.cases.get(caseId);
    if (!before) return { ok: false, status: 404, error: 'case not found' };
    const kase = await this.stores.cases.resolve(caseId);
    if (!kase) return { ok: false, status: 404, error: 'case not found' };
    if (before.status !== 'resolved') {
      const text = this.renderer.t('misswipe:handoff.resolved', kase.locale, { caseId });
      await this.deliver(kase, { type: 'message', text, locale: kase.locale }, 'bot');
    }
    return { ok: true, value: kase };
  }

  private async deliver(kase: Case, message: OutMessage, from: 'agent' | 'bot'): Promise<TranscriptEntry> {
    const entry: TranscriptEntry = { from, text: message.text, at: this.clock().toISOString() };
    const conversationId = await this.stores.cases.conversationOf(kase.caseId);
    await this.stores.cases.appendTranscript(kase.caseId, [entry]);
    if (conversationId) {
      await this.stores.sessions.pushOutbox(conversationId, message);
      await this.stores.relay.publish(conversationId);
    }
    return entry;
  }
}
