// How transcript entries are stored in Redis. Bot messages are mostly fixed texts; storing the
// reference of a known text instead of the text (and the time as a number) keeps a transcript
// small. Entries read back exactly as written; unknown texts are stored as they are.
import type { TranscriptEntry } from '../types';

export interface TranscriptCodec {
  encode(entry: TranscriptEntry): string;
  decode(stored: string): TranscriptEntry;
}

/** Stored form: f = from (u/b/a), t = text, r = reference of a known text, a = time (ms or ISO). */
interface Stored {
  f: 'u' | 'b' | 'a';
  t?: string;
  r?: string;
  a: number | string;
}

const FROM = { user: 'u', bot: 'b', agent: 'a' } as const;
const FROM_BACK = { u: 'user', b: 'bot', a: 'agent' } as const;

/** `known` maps a fixed text to a short reference (e.g. "zh-CN|misswipe:ask.role"). */
export function makeTranscriptCodec(known: ReadonlyMap<string, string> = new Map()): TranscriptCodec {
  const back = new Map<string, string>();
  for (const [text, ref] of known) back.set(ref, text);
  return {
    encode(e) {
      const ms = Date.parse(e.at);
      // Only a canonical ISO time becomes a number, so decoding gives back the same string.
      const a = Number.isFinite(ms) && new Date(ms).toISOString() === e.at ? ms : e.at;
      const ref = e.from === 'bot' ? known.get(e.text) : undefined;
      const s: Stored = ref ? { f: FROM[e.from], r: ref, a } : { f: FROM[e.from], t: e.text, a };
      return JSON.stringify(s);
    },
    decode(stored) {
      const s = JSON.parse(stored) as Partial<Stored> & Partial<TranscriptEntry>;
      if (s.f === undefined) return s as TranscriptEntry; // written before the codec existed
      const text = s.r !== undefined ? (back.get(s.r) ?? '') : (s.t ?? '');
      const at = typeof s.a === 'number' ? new Date(s.a).toISOString() : String(s.a);
      return { from: FROM_BACK[s.f], text, at };
    },
  };
}
