// A bounded map of dialog actors kept alive between turns, so the common case (the same process
// answers a conversation's next message) skips restoring the actor from its snapshot. An entry is
// used only when the stored record still carries the revision it was saved with: any other
// instance's turn, a failed commit or an expired session changes or removes the record, and the
// actor is then rebuilt from the store, which stays the single source of truth.
import { randomBytes } from 'node:crypto';

export interface LiveEntry<A> {
  rev: string;
  value: A;
}

/** Revisions unique across processes: a random per-process prefix plus a counter. */
export function revisionSource(): () => string {
  const prefix = randomBytes(6).toString('base64url');
  let n = 0;
  return () => `${prefix}.${(++n).toString(36)}`;
}

export class LiveActors<A> {
  private readonly map = new Map<string, LiveEntry<A>>();

  constructor(
    private readonly max: number,
    private readonly dispose: (actor: A) => void,
  ) {}

  /** Takes the entry out (a turn owns it until it puts it back), if it matches `rev`. */
  take(id: string, rev: string | undefined): A | null {
    const e = this.map.get(id);
    if (!e) return null;
    this.map.delete(id);
    if (e.rev === rev) return e.value;
    this.dispose(e.value);
    return null;
  }

  /** The entry kept for a conversation, left in place. */
  peek(id: string): LiveEntry<A> | undefined {
    return this.map.get(id);
  }

  /** Forgets (and disposes) whatever is kept for a conversation. */
  drop(id: string): void {
    const e = this.map.get(id);
    if (!e) return;
    this.map.delete(id);
    this.dispose(e.value);
  }

  put(id: string, rev: string, actor: A): void {
    const old = this.map.get(id);
    if (old) {
      this.map.delete(id);
      if (old.value !== actor) this.dispose(old.value);
    }
    this.map.set(id, { rev, value: actor });
    // Map keeps insertion order: the first key is the least recently used.
    while (this.map.size > this.max) {
      const [oldestId, oldest] = this.map.entries().next().value as [string, LiveEntry<A>];
      this.map.delete(oldestId);
      this.dispose(oldest.value);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    for (const e of this.map.values()) this.dispose(e.value);
    this.map.clear();
  }
}
