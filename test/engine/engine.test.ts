// The turn runner: persistence between turns, old snapshots, idle returns, handoff order.
import { describe, expect, it } from 'vitest';
import { DIALOG_VERSION } from '../../dialogs/misswipe/misswipe.machine';
import { Engine } from '../../src/engine/engine';
import { Renderer } from '../../src/i18n';
import { createMemoryStores } from '../../src/store/memory';

const config = { BOT_TIMEZONE: 'Asia/Shanghai', DEFAULT_CURRENCY: 'CNY', IDLE_TIMEOUT_SECONDS: 1800 };
const renderer = new Renderer();

function setup(clock: () => Date = () => new Date()) {
  const stores = createMemoryStores({ sessionTtlSeconds: 3600, caseRetentionDays: 30 });
  const engine = new Engine({ stores, renderer, config, clock });
  return { stores, engine };
}

const conv = 'conv-engine-test-0001';

describe('engine', () => {
  it('when a snapshot was written by an older dialog version, then the user is told the conversation restarted', async () => {
    const { stores, engine } = setup();
    await stores.sessions.save(conv, {
      dialogVersion: 'misswipe@0',
      snapshot: { value: 'someOldState', context: { weird: true } },
      lastActiveAt: Date.now(),
    });
    const out = await engine.handle({ conversationId: conv, type: 'message', text: 'hello, I was charged twice' });
    expect(out[0]?.text).toBe(renderer.t('common:restarted', 'en'));
    expect(out[out.length - 1]?.expecting).toBeDefined();
    expect((await stores.sessions.load(conv))?.dialogVersion).toBe(DIALOG_VERSION);
  });

  it('when a snapshot of this version is corrupt, then the conversation restarts instead of failing', async () => {
    const { stores, engine } = setup();
    await stores.sessions.save(conv, { dialogVersion: DIALOG_VERSION, snapshot: { value: 'noSuchState', context: {} }, lastActiveAt: Date.now() });
    const out = await engine.handle({ conversationId: conv, type: 'message', text: 'hello, I was charged twice' });
    expect(out.some((m) => m.text === renderer.t('common:restarted', 'en'))).toBe(true);
    expect(out[out.length - 1]?.expecting).toBeDefined();
  });

  it('when a stored context breaks the dialog mid-turn, then the conversation restarts and nothing escapes as an uncaught error', async () => {
    const { stores, engine } = setup();
    await stores.sessions.save(conv, {
      dialogVersion: DIALOG_VERSION,
      snapshot: { status: 'active', value: 'collectingDetails', context: { locale: 'en' }, children: {}, historyValue: {} },
      lastActiveAt: Date.now(),
    });
    const out = await engine.handle({ conversationId: conv, type: 'message', text: 'yesterday at 5pm' });
    expect(out[0]?.text).toBe(renderer.t('common:restarted', 'en'));
    expect(out[out.length - 1]?.expecting).toBeDefined();
    await new Promise((r) => setTimeout(r, 50)); // an escaped XState error would surface here
  });

  it('when turns follow each other, then the dialog continues from the stored snapshot', async () => {
    const { engine } = setup();
    const a = await engine.handle({ conversationId: conv, type: 'message', text: 'My card was charged twice at the gas station' });
    expect(a[a.length - 1]?.expecting?.slot).not.toBe('category');
    const b = await engine.handle({ conversationId: conv, type: 'message', text: 'yesterday at 10am' });
    expect(b[b.length - 1]?.expecting?.slot).not.toBe('when');
  });

  // What a single engine with nothing kept answers: the reference for the two tests below.
  async function reference(texts: string[]): Promise<string[]> {
    const { engine } = setup();
    let last: string[] = [];
    for (const text of texts) last = (await engine.handle({ conversationId: 'conv-reference', type: 'message', text })).map((m) => m.text);
    return last;
  }
  const [m1, m2, m3] = ['I was charged twice at the gas station', 'yesterday at 10am', 'it was $45 each time'];

  it('when two instances answer turns of one conversation in turn, then each continues from the other\'s state, not its own kept actor', async () => {
    const stores = createMemoryStores({ sessionTtlSeconds: 3600, caseRetentionDays: 30 });
    const a = new Engine({ stores, renderer, config });
    const b = new Engine({ stores, renderer, config });
    const id = 'conv-engine-two-instances';
    const first = await a.handle({ conversationId: id, type: 'message', text: m1 });
    await b.handle({ conversationId: id, type: 'message', text: m2 });
    // A kept the actor from its turn; the store's newer revision (B's) must win.
    const third = await a.handle({ conversationId: id, type: 'message', text: m3 });
    expect(third.map((m) => m.text)).toEqual(await reference([m1, m2, m3]));
    expect(third.map((m) => m.text)).not.toEqual(first.map((m) => m.text));
    expect((await stores.sessions.load(id))?.rev).toBeTruthy();
  });

  it('when a turn\'s commit is lost, then the next turn starts from what the store holds', async () => {
    const { stores, engine } = setup();
    const id = 'conv-engine-lost-commit';
    await engine.handle({ conversationId: id, type: 'message', text: m1 });
    const before = await stores.sessions.load(id);
    await engine.handle({ conversationId: id, type: 'message', text: m2 });
    // As if that commit never reached the store: the engine's kept actor is one turn ahead.
    await stores.sessions.save(id, before!);
    const out = await engine.handle({ conversationId: id, type: 'message', text: m3 });
    expect(out.map((m) => m.text)).toEqual(await reference([m1, m3]));
    expect(await reference([m1, m3])).not.toEqual(await reference([m1, m2, m3]));
  });

  it('when a turn computed from the kept state hands off, then it is run again under the lock and one case is created', async () => {
    const stores = createMemoryStores({ sessionTtlSeconds: 3600, caseRetentionDays: 30 });
    const paths: string[] = [];
    const created: string[] = [];
    const engine = new Engine({ stores, renderer, config, hooks: { turnDone: (i) => paths.push(i.path), caseCreated: (k) => void created.push(k.caseId) } });
    const id = 'conv-engine-kept-handoff';
    await engine.handle({ conversationId: id, type: 'message', text: 'I was charged twice at the gas station' });
    await engine.handle({ conversationId: id, type: 'message', text: 'yesterday at 10am' });
    const out = await engine.handle({ conversationId: id, type: 'message', text: 'let me talk to a real person' });
    expect(paths).toEqual(['locked', 'kept', 'locked']);
    expect(created).toHaveLength(1);
    expect(out.filter((m) => m.handoff?.caseId === created[0])).toHaveLength(1);
    expect((await stores.cases.list('waiting')).map((c) => c.caseId)).toEqual(created);
  });

  it('when keeping conversations is switched off, then every turn loads its state under the lock', async () => {
    const stores = createMemoryStores({ sessionTtlSeconds: 3600, caseRetentionDays: 30 });
    const paths: string[] = [];
    const engine = new Engine({ stores, renderer, config: { ...config, KEPT_CONVERSATIONS: 0 }, hooks: { turnDone: (i) => paths.push(i.path) } });
    for (const text of [m1, m2, m3]) await engine.handle({ conversationId: 'conv-engine-keep-none', type: 'message', text });
    expect(paths).toEqual(['locked', 'locked', 'locked']);
    expect((await engine.handle({ conversationId: 'conv-engine-keep-none', type: 'message', text: 'yes' })).length).toBeGreaterThan(0);
  });

  it('when the user comes back after the idle timeout, then they are offered to continue or start over', async () => {
    let now = new Date('2026-11-21T10:00:00+08:00');
    const { engine } = setup(() => now);
    await engine.handle({ conversationId: conv, type: 'message', text: 'My card was charged twice' });
    now = new Date(now.getTime() + 31 * 60_000);
    const out = await engine.handle({ conversationId: conv, type: 'message', text: 'hello?' });
    const last = out[out.length - 1];
    expect(last?.expecting).toEqual({ slot: 'resume', kind: 'choice' });
    expect(last?.quick_replies?.map((q) => q.payload)).toEqual(['resume', 'restart']);
    const cont = await engine.handle({ conversationId: conv, type: 'message', text: 'continue' });
    expect(cont[cont.length - 1]?.expecting?.slot).not.toBe('resume');
  });

  it('when the user asks for a human, then the case is readable before the handoff message is returned', async () => {
    const { stores, engine } = setup();
    const out = await engine.handle({ conversationId: conv, type: 'message', text: '我要转人工' });
    const announce = out.find((m) => m.handoff);
    expect(announce?.handoff?.status).toBe('waiting');
    const kase = await stores.cases.get(announce!.handoff!.caseId);
    expect(kase?.missing).toContain('category');
    expect(kase?.locale).toBe('zh-CN');
    expect(out.filter((m) => m.expecting)).toEqual([]);
  });
});
