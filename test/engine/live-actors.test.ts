// The per-process cache of dialog actors: bounded, least recently used out first, and an entry
// is handed out only for the exact revision it was kept with.
import { describe, expect, it } from 'vitest';
import { LiveActors, revisionSource } from '../../src/engine/live-actors';

describe('live actors', () => {
  it('when more conversations than the bound are kept, then the least recently used are disposed', () => {
    const disposed: string[] = [];
    const live = new LiveActors<string>(2, (a) => disposed.push(a));
    live.put('c1', 'r1', 'actor1');
    live.put('c2', 'r1', 'actor2');
    expect(live.take('c1', 'r1')).toBe('actor1'); // c1 is now being used...
    live.put('c1', 'r2', 'actor1'); // ...and put back as the most recent
    live.put('c3', 'r1', 'actor3');
    expect(disposed).toEqual(['actor2']);
    expect(live.size).toBe(2);
  });

  it('when the stored revision differs, then the kept actor is disposed and not handed out', () => {
    const disposed: string[] = [];
    const live = new LiveActors<string>(10, (a) => disposed.push(a));
    live.put('c1', 'r1', 'actor1');
    expect(live.take('c1', 'r0')).toBeNull();
    expect(disposed).toEqual(['actor1']);
    expect(live.take('c1', 'r1')).toBeNull(); // gone, not reusable later either
    expect(live.take('c1', undefined)).toBeNull();
  });

  it('when revisions are made by two processes, then they never collide', () => {
    const a = revisionSource();
    const b = revisionSource();
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      seen.add(a());
      seen.add(b());
    }
    expect(seen.size).toBe(2000);
  });
});
