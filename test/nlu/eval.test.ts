// The held-out NLU evaluation (test/fixtures/nlu/*.jsonl) as a test: every key with at least
// 5 examples must score ≥ 95%, and the set itself must stay big and balanced enough to mean it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASS_RATE, accuracy, evaluate, failingKeys, loadFixtures, runEval, type FixtureLine } from '../../scripts/nlu-eval-lib';

const result = runEval();

describe('NLU evaluation set', () => {
  it('when the fixtures are loaded, then there are at least 300 lines, roughly half Chinese and half English', () => {
    expect(result.lines).toBeGreaterThanOrEqual(300);
    const zhShare = result.linesByLang['zh-CN'] / result.lines;
    expect(zhShare).toBeGreaterThan(0.4);
    expect(zhShare).toBeLessThan(0.6);
  });

  it('when intent values are counted, then each has at least 10 lines per language', () => {
    const thin = Object.entries(result.coverage)
      .filter(([, c]) => c['zh-CN'] < 10 || c.en < 10)
      .map(([k, c]) => `${k} (zh-CN ${c['zh-CN']}, en ${c.en})`);
    expect(thin).toEqual([]);
  });

  it('when parse() runs over the set, then every key with ≥ 5 examples scores at least 95%', () => {
    const failing = failingKeys(result, 5).map((k) => `${k.key}: ${(accuracy(k.total) * 100).toFixed(1)}% of ${k.total.n}`);
    const detail = result.failures
      .filter((f) => failing.some((k) => k.startsWith(`${f.key}:`)))
      .map((f) => `${f.file}:${f.line} ${f.key} expected ${JSON.stringify(f.expected)} got ${JSON.stringify(f.actual)} — ${f.text}`);
    expect({ failing, detail }).toEqual({ failing: [], detail: [] });
  });

  it('when every line of a key is wrong, then the scorer reports it below the pass rate (the test can fail)', () => {
    const wrong: FixtureLine[] = [1, 2, 3, 4, 5].map((i) => ({
      file: 'synthetic.jsonl',
      line: i,
      text: '扣了我两次',
      expect: { category: 'preauth_hold' },
    }));
    const r = evaluate(wrong);
    expect(failingKeys(r, 5).map((k) => k.key)).toEqual(['category=preauth_hold']);
    expect(accuracy(r.keys[0]!.total)).toBeLessThan(PASS_RATE);
  });

  it('when lines are scored, then money compares as a multiset with roles only where given', () => {
    const r = evaluate([
      { file: 's', line: 1, text: '一千刷成一万了', expect: { money: [{ minor: 1000000, currency: 'CNY' }, { minor: 100000, currency: 'CNY', role: 'expected' }] } },
      { file: 's', line: 2, text: '一千刷成一万了', expect: { money: [{ minor: 100000, currency: 'CNY', role: 'charged' }, { minor: 1000000, currency: 'CNY' }] } },
    ]);
    expect(r.keys[0]!.total).toEqual({ n: 2, correct: 1 });
  });

  it('when a fixture line is malformed, then loading names the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlu-fixtures-'));
    try {
      writeFileSync(join(dir, 'bad.jsonl'), '{"text": "ok", "expect": {"yesNo": "yes"}}\n{"text": "oops"\n');
      expect(() => loadFixtures(dir)).toThrow(/bad\.jsonl:2/);
      writeFileSync(join(dir, 'bad.jsonl'), '{"text": "ok"}\n');
      expect(() => loadFixtures(dir)).toThrow(/bad\.jsonl:1: a line needs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a line expects an unknown key, then it is reported as a failure rather than ignored', () => {
    const r = evaluate([{ file: 'x', line: 1, text: 'hi', expect: { nonsense: 1 } }]);
    expect(r.failures[0]?.actual).toBe('unknown key');
  });
});
