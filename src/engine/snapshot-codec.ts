// The stored form of a dialog snapshot: the state and only the context fields that differ from a
// fresh conversation's. XState's persisted snapshot repeats every default (and its own empty
// history and children) on every turn; this keeps a conversation's Redis footprint small.
// Expanding gives XState's shape back; snapshots stored whole (before this codec) pass through.
import { initialContext } from '../../dialogs/misswipe/context';

/** What is stored: v = state value, c = context fields that differ from the defaults, h = history. */
export interface CompactSnapshot {
  v: unknown;
  c: Record<string, unknown>;
  h?: Record<string, unknown>;
}

interface PersistedShape {
  status?: unknown;
  value?: unknown;
  context?: Record<string, unknown>;
  historyValue?: Record<string, unknown>;
  children?: Record<string, unknown>;
}

const DEFAULTS = initialContext({ locale: null }) as unknown as Record<string, unknown>;

function isDefault(key: string, value: unknown): boolean {
  const d = DEFAULTS[key];
  if (value === d) return true;
  if (Array.isArray(value)) return value.length === 0 && Array.isArray(d) && d.length === 0;
  if (!value || typeof value !== 'object' || !d || typeof d !== 'object') return false;
  // The defaults' objects are flat ({} and { kind: 'nothing' }): a shallow comparison decides.
  const a = value as Record<string, unknown>;
  const b = d as Record<string, unknown>;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** XState's persisted snapshot → the compact stored form (anything unexpected is kept whole). */
export function compactSnapshot(persisted: unknown): unknown {
  const p = persisted as PersistedShape;
  if (p.status !== 'active' || !p.context || (p.children && Object.keys(p.children).length > 0)) return persisted;
  const c: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.context)) if (!isDefault(k, v)) c[k] = v;
  const out: CompactSnapshot = { v: p.value, c };
  if (p.historyValue && Object.keys(p.historyValue).length > 0) out.h = p.historyValue;
  return out;
}

interface LiveShape {
  status: string;
  children: Record<string, unknown>;
  historyValue: Record<string, unknown>;
}

/**
 * The stored form read straight from the live snapshot: for a plain snapshot (active, no child
 * actors, no history) XState's getPersistedSnapshot only re-shapes the same state and context
 * (about 4 % of a turn in process). Anything else goes through `persist` (getPersistedSnapshot).
 */
export function storedSnapshot(live: LiveShape, persist: () => unknown): unknown {
  const plain = live.status === 'active' && Object.keys(live.children).length === 0 && Object.keys(live.historyValue).length === 0;
  return compactSnapshot(plain ? live : persist());
}

/** The stored form → XState's persisted snapshot (a whole snapshot is returned as it is). */
export function expandSnapshot(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object' || !('v' in stored) || !('c' in stored)) return stored;
  const s = stored as CompactSnapshot;
  if (!s.c || typeof s.c !== 'object') return stored;
  return { status: 'active', value: s.v, historyValue: s.h ?? {}, context: { ...initialContext({ locale: null }), ...s.c }, children: {} };
}
