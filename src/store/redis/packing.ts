// Compact storage for what a case keeps for months: its body and the transcript up to the handoff
// are deflated with a preset dictionary of our own JSON shapes and texts (a 1.3 KB case body
// becomes ~0.3 KB). A leading marker byte says how a value is stored, so plain JSON written
// before (or by an older release) still reads, and a future dictionary gets its own marker.
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import { fromRoot } from '../../paths';

/**
 * Marker byte → the preset dictionary behind it. Never edit a file listed here: stored data
 * depends on it byte for byte. v2 (written since the case gained its deadline and refund details)
 * adds their keys and texts; v1 values stay readable.
 */
const DICTIONARIES = new Map<number, Buffer>([
  [0x01, readFileSync(fromRoot('src/store/redis/dictionary-v1.txt'))],
  [0x02, readFileSync(fromRoot('src/store/redis/dictionary-v2.txt'))],
]);
/** What pack() writes with. */
const CURRENT = 0x02;
const currentDictionary = DICTIONARIES.get(CURRENT) as Buffer;

const deflateRawAsync = promisify(deflateRaw);

/**
 * Text → marker byte + deflated bytes. Asynchronous: loading the dictionary makes one call cost
 * ~0.1 ms of CPU, which runs on libuv's thread pool instead of holding up other turns.
 */
export async function pack(text: string): Promise<Buffer> {
  const body = await deflateRawAsync(text, { dictionary: currentDictionary, level: 9 });
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = CURRENT;
  body.copy(out, 1);
  return out;
}

/** Whether a stored value was written by pack() (JSON text never starts with this byte). */
export function isPacked(stored: Buffer): boolean {
  return stored.length > 0 && DICTIONARIES.has(stored[0] as number);
}

/** A stored value back to text: packed or plain. */
export function unpack(stored: Buffer): string {
  const dictionary = stored.length > 0 ? DICTIONARIES.get(stored[0] as number) : undefined;
  if (!dictionary) return stored.toString('utf8');
  return inflateRawSync(stored.subarray(1), { dictionary }).toString('utf8');
}
