// The stored form of transcript entries: fixed bot texts by reference, times as numbers, and
// every entry read back exactly as written.
import { describe, expect, it } from 'vitest';
import { Renderer } from '../../src/i18n';
import { makeTranscriptCodec } from '../../src/store/transcript-codec';
import type { TranscriptEntry } from '../../src/types';

const renderer = new Renderer();
const codec = makeTranscriptCodec(renderer.knownTexts());

describe('transcript codec', () => {
  it('when a fixed bot text is stored, then it takes a fraction of the space and reads back the same', () => {
    const e: TranscriptEntry = { from: 'bot', text: renderer.t('guidance:common.escalation', 'zh-CN'), at: '2026-11-22T01:02:03.456Z' };
    const stored = codec.encode(e);
    expect(Buffer.byteLength(stored)).toBeLessThan(Buffer.byteLength(JSON.stringify(e)) / 3);
    expect(codec.decode(stored)).toEqual(e);
  });

  it.each<TranscriptEntry>([
    { from: 'user', text: '我的卡号是 ****0128', at: '2026-11-22T01:02:03.456Z' },
    { from: 'agent', text: 'Hi, Alice here', at: '2026-11-22T01:02:03.000Z' },
    { from: 'bot', text: 'Your case number is SD-1.', at: 'x' },
    { from: 'user', text: '', at: '2026-11-22' },
  ])('when %o is stored, then it reads back unchanged', (e) => {
    expect(codec.decode(codec.encode(e))).toEqual(e);
  });

  it('when an entry was stored before the codec existed, then it still reads', () => {
    const old = JSON.stringify({ from: 'bot', text: 'hello', at: '2026-11-22T01:02:03.456Z' });
    expect(codec.decode(old)).toEqual({ from: 'bot', text: 'hello', at: '2026-11-22T01:02:03.456Z' });
  });

  it('when the locales are scanned, then only texts without placeholders are known', () => {
    const known = renderer.knownTexts();
    expect(known.size).toBeGreaterThan(150);
    for (const text of known.keys()) expect(text).not.toContain('{{');
  });
});
