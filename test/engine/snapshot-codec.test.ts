// The stored snapshot form: only non-default context, XState's shape rebuilt exactly on load,
// and snapshots stored whole by earlier releases still accepted.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { initialContext } from '../../dialogs/misswipe/context';
import { misswipeMachine } from '../../dialogs/misswipe/misswipe.machine';
import { compactSnapshot, expandSnapshot, storedSnapshot } from '../../src/engine/snapshot-codec';
import { parsedOf } from '../helpers/parsed';

describe('snapshot codec', () => {
  it('when a conversation goes through several turns, then every stored form expands to exactly XState\'s snapshot', () => {
    let persisted: unknown = null;
    const said = [
      parsedOf('charged twice', { lang: 'en', intents: { category: 'duplicate_charge' } }),
      parsedOf("I'm the customer", { intents: { role: 'cardholder' } }),
      parsedOf('yesterday', { entities: { when: { ok: true, value: { date: '2026-11-20', time: null } } } }),
    ];
    for (const parsed of said) {
      const actor = createActor(misswipeMachine, persisted ? { snapshot: expandSnapshot(persisted) as never, input: {} } : { input: {} });
      actor.start();
      actor.send({ type: 'user.said', parsed, idle: false });
      const full = actor.getPersistedSnapshot();
      const stored = JSON.parse(JSON.stringify(compactSnapshot(full))) as unknown;
      // Read from the live snapshot, the stored form is the same.
      let persistCalls = 0;
      const fromLive = storedSnapshot(actor.getSnapshot(), () => (persistCalls++, full));
      expect(JSON.parse(JSON.stringify(fromLive))).toEqual(stored);
      expect(persistCalls).toBe(0);
      expect(expandSnapshot(stored)).toEqual(JSON.parse(JSON.stringify(full)));
      expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(full).length);
      persisted = stored;
      actor.stop();
    }
    expect((expandSnapshot(persisted) as { context: { category: string } }).context.category).toBe('duplicate_charge');
  });

  it('when a live snapshot has child actors or history, then the stored form comes from XState\'s persisted snapshot', () => {
    const persisted = { status: 'active', value: 'askingRole', historyValue: {}, context: initialContext({ locale: 'en' }), children: {} };
    const live = { ...persisted, children: { x: {} } };
    expect(storedSnapshot(live, () => ({ ...persisted, value: 'fromPersist' }))).toMatchObject({ v: 'fromPersist' });
    expect(storedSnapshot({ ...persisted, historyValue: { h: [] } }, () => ({ ...persisted, value: 'fromPersist' }))).toMatchObject({ v: 'fromPersist' });
    expect(storedSnapshot({ ...persisted, status: 'done' }, () => ({ ...persisted, value: 'fromPersist' }))).toMatchObject({ v: 'fromPersist' });
  });

  it('when the context is all defaults, then only the state is stored', () => {
    const full = { status: 'active', value: 'greeting', historyValue: {}, context: initialContext({ locale: null }), children: {} };
    expect(compactSnapshot(full)).toEqual({ v: 'greeting', c: {} });
  });

  it('when a snapshot was stored whole by an earlier release, then it is used as it is', () => {
    const whole = { status: 'active', value: 'askingRole', historyValue: {}, context: { ...initialContext({ locale: 'en' }) }, children: {} };
    expect(expandSnapshot(whole)).toBe(whole);
    expect(expandSnapshot(null)).toBeNull();
    expect(expandSnapshot({ v: 'x', c: 'not an object' })).toEqual({ v: 'x', c: 'not an object' });
  });
});
