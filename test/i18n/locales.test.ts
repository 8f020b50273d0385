// Both languages carry the same keys (plural forms folded) and the same {{placeholders}}, and
// money/dates render with Intl in the conversation's language.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { formatMoney, formatWhen, loadResources, Renderer } from '../../src/i18n';
import { fromRoot } from '../../src/paths';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key.replace(/_(zero|one|two|few|many|other)$/, ''), v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function load(lng: string): Map<string, string> {
  const dir = fromRoot('locales', lng);
  const all = new Map<string, string>();
  for (const f of readdirSync(dir)) {
    const tree = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree)) {
      const key = `${f.replace('.json', '')}:${k}`;
      // Plural variants of one key must agree on placeholders too (count aside).
      all.set(key, all.has(key) ? `${all.get(key)} ${v}` : v);
    }
  }
  return all;
}

describe('locales', () => {
  const en = load('en');
  const zh = load('zh-CN');

  it('when both languages are loaded, then they have the same files and keys', () => {
    expect(readdirSync(fromRoot('locales/en')).sort()).toEqual(readdirSync(fromRoot('locales/zh-CN')).sort());
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(100);
  });

  it('when a string has placeholders, then the other language has the same ones', () => {
    const diff = [...en.keys()].filter((k) => JSON.stringify([...new Set(placeholders(en.get(k) ?? ''))]) !== JSON.stringify([...new Set(placeholders(zh.get(k) ?? ''))]));
    expect(diff).toEqual([]);
  });

  it('when no string is empty, then nothing renders blank', () => {
    expect([...en, ...zh].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('when money and dates are rendered, then Intl formats them per language', () => {
    expect(formatMoney({ minor: 8800, currency: 'CNY' }, 'zh-CN')).toBe('¥88.00');
    expect(formatMoney({ minor: 45000, currency: 'USD' }, 'en')).toBe('$450.00');
    expect(formatMoney({ minor: 500, currency: 'JPY' }, 'en')).toBe('¥500');
    expect(formatWhen({ date: '2026-11-20', time: '19:30' }, 'zh-CN')).toBe('2026年11月20日 19:30');
    expect(formatWhen({ date: '2026-11-20', time: null }, 'en')).toBe('Nov 20, 2026');
  });

  it('when a plural key is rendered, then English picks the right form', () => {
    const r = new Renderer();
    expect(r.t('agent:summary.charged', 'en', { amount: '$1', count: 1 })).toBe('Charged $1 once.');
    expect(r.t('agent:summary.charged', 'en', { amount: '$1', count: 2 })).toBe('Charged $1 2 times.');
    expect(r.t('agent:summary.charged', 'zh-CN', { amount: '¥1', count: 2 })).toContain('2');
  });

  it('when a key with placeholders is rendered, then the fast path gives exactly what i18next gives', () => {
    const r = new Renderer();
    const reference = i18next.createInstance();
    void reference.init({ resources: loadResources(), lng: 'zh-CN', fallbackLng: false, initAsync: false, interpolation: { escapeValue: false } });
    let compared = 0;
    for (const [lng, keys] of [['en', en], ['zh-CN', zh]] as const) {
      for (const [key, text] of keys) {
        const names = placeholders(text).filter((n) => n !== 'count');
        if (names.length === 0 || text.includes('{{count}}')) continue;
        const params: Record<string, string | number> = {};
        names.forEach((n = '', i) => (params[n] = i % 2 ? `v-${n}` : i + 7));
        expect(r.t(key, lng, params), key).toBe(reference.t(key, { lng, ...params }));
        // A missing value is i18next's business (it renders it empty), not a left-over {{name}}.
        expect(r.t(key, lng, { unrelated: 1 }), key).toBe(reference.t(key, { lng, unrelated: 1 }));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});
