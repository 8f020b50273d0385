// Compact storage for what a case keeps for months: its body and the transcript up to the handoff
// are deflated with a preset dictionary of our own JSON shapes and texts (a 1.3 KB case body
// becomes ~0.3 KB). A leading marker byte says how a value is stored, so plain JSON written
// before (or by an older release) still reads, and a future dictionary gets its own marker.
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import { fromRoot } from '../../paths';

/** Never edit the file behind this marker: stored data depends on it byte for byte. */
const DEFLATE_V1 = 0x01;
const dictionaryV1 = readFileSync(fromRoot('src/store/redis/dictionary-v1.txt'));

const deflateRawAsync = promisify(deflateRaw);

/**
 * Text → marker byte + deflated bytes. Asynchronous: loading the dictionary makes one call cost
 * ~0.1 ms of CPU, which runs on libuv's thread pool instead of holding up other turns.
 */
export async function pack(text: string): Promise<Buffer> {
  const body = await deflateRawAsync(text, { dictionary: dictionaryV1, level: 9 });
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = DEFLATE_V1;
  body.copy(out, 1);
  return out;
}

/** Whether a stored value was written by pack() (JSON text never starts with this byte). */
export function isPacked(stored: Buffer): boolean {
  return stored.length > 0 && stored[0] === DEFLATE_V1;
}

/** A stored value back to text: packed or plain. */
export function unpack(stored: Buffer): string {
  if (!isPacked(stored)) return stored.toString('utf8');
  return inflateRawSync(stored.subarray(1), { dictionary: dictionaryV1 }).toString('utf8');
}
