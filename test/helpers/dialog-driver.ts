// Drives the dialog machine the way the engine does (restore → send → collect → persist), so
// dialog tests also prove every step survives the stored form: compacted, JSON, expanded.
import { createActor } from 'xstate';
import type { DialogEvent } from '../../dialogs/misswipe/context';
import { misswipeMachine } from '../../dialogs/misswipe/misswipe.machine';
import { compactSnapshot, expandSnapshot } from '../../src/engine/snapshot-codec';
import type { Locale, Reply } from '../../src/types';

export interface Step {
  state: string;
  replies: Reply[];
  keys: string[];
  handoff: 'normal' | 'urgent' | null;
}

export class DialogDriver {
  private persisted: unknown = null;
  constructor(private readonly locale: Locale | null = null) {}

  send(event: DialogEvent): Step {
    const input = { locale: this.locale };
    const actor = this.persisted
      ? createActor(misswipeMachine, { snapshot: expandSnapshot(JSON.parse(JSON.stringify(this.persisted))) as never, input })
      : createActor(misswipeMachine, { input });
    const replies: Reply[] = [];
    let handoff: Step['handoff'] = null;
    actor.on('reply', (e) => replies.push(e.reply));
    actor.on('handoff.requested', (e) => (handoff = e.priority));
    actor.start();
    actor.send(event);
    this.persisted = compactSnapshot(actor.getPersistedSnapshot());
    const state = String(actor.getSnapshot().value);
    actor.stop();
    return { state, replies, keys: replies.map((r) => r.key), handoff };
  }

  get context() {
    const snap = (this.persisted ? expandSnapshot(this.persisted) : null) as { context: import('../../dialogs/misswipe/context').DialogContext } | null;
    if (!snap) throw new Error('no turn yet');
    return snap.context;
  }
}
