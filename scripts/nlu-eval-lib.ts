// Held-out evaluation of the understanding layer: reads every test/fixtures/nlu/*.jsonl, runs
// parse() on each line and scores every expected key, per language. Pure: no printing, no exit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../src/nlu/language';
import { parse } from '../src/nlu/parse';
import type { Locale, Parsed, WhenParse } from '../src/types';

export const DEFAULT_NOW = '2026-11-21T15:00:00+08:00';
export const DEFAULT_FIXTURE_DIR = join(__dirname, '..', 'test', 'fixtures', 'nlu');
export const PASS_RATE = 0.95;

export interface FixtureLine {
  file: string;
  line: number;
  text: string;
  now?: string;
  expect: Record<string, unknown>;
}

export interface Failure {
  file: string;
  line: number;
  text: string;
  key: string;
  expected: unknown;
  actual: unknown;
}

export interface Tally {
  n: number;
  correct: number;
}

export interface KeyScore {
  key: string;
  byLang: Record<Locale, Tally>;
  total: Tally;
}

export interface EvalResult {
  lines: number;
  linesByLang: Record<Locale, number>;
  keys: KeyScore[];
  failures: Failure[];
  /** Lines per intent value and language ("category=other" → {zh-CN: 12, en: 11}). */
  coverage: Record<string, Record<Locale, number>>;
}

/** Keys scored per expected value ("category=wrong_amount", "human=true"). */
const PER_VALUE_KEYS = new Set([
  'lang',
  'langSwitch',
  'category',
  'role',
  'yesNo',
  'human',
  'restart',
  'back',
  'help',
  'skip',
  'correction',
  'resume',
  'hasReceipt',
  'merchantContacted',
  'cardInPossession',
  'batchSettled',
  'fieldMention',
]);
const INTENT_KEYS = new Set(['category', 'role', 'yesNo', 'human', 'restart', 'back', 'help', 'skip', 'correction', 'resume']);
const ENTITY_KEYS = new Set([
  'money',
  'when',
  'last4',
  'count',
  'cardType',
  'issuer',
  'referenceNumber',
  'merchantName',
  'redacted',
]);

export function loadFixtures(dir: string = DEFAULT_FIXTURE_DIR): FixtureLine[] {
  const out: FixtureLine[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((raw, i) => {
      if (raw.trim() === '' || raw.trim().startsWith('//')) return;
      let obj: unknown;
      try {
        obj = JSON.parse(raw);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: invalid JSON (${(e as Error).message})`);
      }
      const rec = obj as { text?: unknown; now?: unknown; expect?: unknown };
      if (typeof rec.text !== 'string' || typeof rec.expect !== 'object' || rec.expect === null) {
        throw new Error(`${file}:${i + 1}: a line needs "text" (string) and "expect" (object)`);
      }
      const line: FixtureLine = { file, line: i + 1, text: rec.text, expect: rec.expect as Record<string, unknown> };
      if (typeof rec.now === 'string') line.now = rec.now;
      out.push(line);
    });
  }
  return out;
}

// ------------------------------------------------------------------------------ comparing

interface MoneyExpect {
  minor: number;
  currency: string;
  role?: string | null;
}

function moneyMatches(expected: unknown, parsed: Parsed): boolean {
  if (!Array.isArray(expected)) return false;
  const pool = [...parsed.entities.money];
  if (pool.length !== expected.length) return false;
  for (const e of expected as MoneyExpect[]) {
    const i = pool.findIndex(
      (m) => m.value.minor === e.minor && m.value.currency === e.currency && (!('role' in e) || m.role === e.role),
    );
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  return true;
}

function whenMatches(expected: unknown, actual: WhenParse): boolean {
  if (expected === null) return actual === null;
  if (expected === 'future' || expected === 'vague') return actual !== null && !actual.ok && actual.reason === expected;
  if (typeof expected !== 'object' || actual === null || !actual.ok) return false;
  const e = expected as { date?: string; time?: string | null };
  if (e.date !== actual.value.date) return false;
  return !('time' in e) || e.time === actual.value.time;
}

function redactedMatches(expected: unknown, parsed: Parsed): boolean {
  if (typeof expected !== 'object' || expected === null) return false;
  const r = parsed.redaction as unknown as Record<string, unknown>;
  return Object.entries(expected).every(([k, v]) => r[k] === v);
}

function sameText(expected: unknown, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return typeof expected === 'string' && expected.trim().toLowerCase() === actual.trim().toLowerCase();
}

/** The value parse() produced for a key, in the fixture's vocabulary (for failure reports). */
function actualOf(key: string, p: Parsed): unknown {
  if (key === 'lang') return p.lang;
  if (key === 'langSwitch') return p.langSwitch;
  if (key === 'fieldMention') return p.fieldMention ?? null;
  if (key === 'redacted') return p.redaction;
  if (INTENT_KEYS.has(key)) return p.intents[key as keyof Parsed['intents']];
  if (key in p.entities) return p.entities[key as keyof Parsed['entities']];
  return undefined;
}

function matches(key: string, expected: unknown, p: Parsed): boolean {
  switch (key) {
    case 'money':
      return moneyMatches(expected, p);
    case 'when':
      return whenMatches(expected, p.entities.when);
    case 'redacted':
      return redactedMatches(expected, p);
    case 'merchantName':
    case 'issuer':
      return sameText(expected, actualOf(key, p) as string | null);
    default:
      return actualOf(key, p) === expected;
  }
}

function knownKey(key: string): boolean {
  return PER_VALUE_KEYS.has(key) || ENTITY_KEYS.has(key);
}

export function lineLanguage(line: FixtureLine): Locale {
  const declared = line.expect.lang;
  if (declared === 'zh-CN' || declared === 'en') return declared;
  return detectLanguage(line.text) ?? 'en';
}

function scoreKey(key: string, expected: unknown): string {
  return PER_VALUE_KEYS.has(key) ? `${key}=${String(expected)}` : key;
}

// ------------------------------------------------------------------------------ evaluating

export function evaluate(lines: readonly FixtureLine[]): EvalResult {
  const scores = new Map<string, KeyScore>();
  const failures: Failure[] = [];
  const linesByLang: Record<Locale, number> = { 'zh-CN': 0, en: 0 };
  const coverage: Record<string, Record<Locale, number>> = {};

  for (const line of lines) {
    const lang = lineLanguage(line);
    linesByLang[lang] += 1;
    const now = new Date(line.now ?? DEFAULT_NOW);
    const parsed = parse(line.text, { now, timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' });
    for (const [key, expected] of Object.entries(line.expect)) {
      if (!knownKey(key)) {
        failures.push({ file: line.file, line: line.line, text: line.text, key, expected, actual: 'unknown key' });
        continue;
      }
      const name = scoreKey(key, expected);
      let s = scores.get(name);
      if (!s) {
        s = { key: name, byLang: { 'zh-CN': { n: 0, correct: 0 }, en: { n: 0, correct: 0 } }, total: { n: 0, correct: 0 } };
        scores.set(name, s);
      }
      const ok = matches(key, expected, parsed);
      s.byLang[lang].n += 1;
      s.total.n += 1;
      if (ok) {
        s.byLang[lang].correct += 1;
        s.total.correct += 1;
      } else {
        failures.push({ file: line.file, line: line.line, text: line.text, key: name, expected, actual: actualOf(key, parsed) });
      }
      if (INTENT_KEYS.has(key) && expected !== null && expected !== false) {
        const c = (coverage[name] ??= { 'zh-CN': 0, en: 0 });
        c[lang] += 1;
      }
    }
  }
  const keys = [...scores.values()].sort((a, b) => a.key.localeCompare(b.key));
  return { lines: lines.length, linesByLang, keys, failures, coverage };
}

export function runEval(dir: string = DEFAULT_FIXTURE_DIR): EvalResult {
  return evaluate(loadFixtures(dir));
}

export function accuracy(t: Tally): number {
  return t.n === 0 ? 1 : t.correct / t.n;
}

/** Keys below the pass rate; `minExamples` ignores keys with too few lines to judge. */
export function failingKeys(result: EvalResult, minExamples = 1, rate = PASS_RATE): KeyScore[] {
  return result.keys.filter((k) => k.total.n >= minExamples && accuracy(k.total) < rate);
}
