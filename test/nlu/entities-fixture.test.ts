// Held-out evaluation set (test/fixtures/nlu/entities.jsonl) run straight through the extractors,
// the way parse() chains them: normalise, redact, then read entities from the redacted text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseOptions, WhenParse } from '../../src/types';
import { extractCardType, extractIssuer } from '../../src/nlu/card';
import { extractWhen } from '../../src/nlu/datetime';
import { extractCount, extractLast4, extractReferenceNumber } from '../../src/nlu/digits';
import { extractMerchantName } from '../../src/nlu/merchant';
import { extractMoney } from '../../src/nlu/money';
import { normalize } from '../../src/nlu/normalize';
import { redactCardData } from '../../src/nlu/redact';

interface ExpectedMoney {
  minor: number;
  currency: string;
  role?: string | null;
}
interface Line {
  text: string;
  now?: string;
  expect: {
    money?: ExpectedMoney[];
    when?: { date: string; time: string | null } | 'future' | 'vague' | null;
    last4?: string | null;
    count?: number | null;
    cardType?: string | null;
    issuer?: string | null;
    referenceNumber?: string | null;
    merchantName?: string | null;
    redacted?: { cardNumbers: number; secrets: number; last4: string | null };
  };
}

const DEFAULT_NOW = '2026-11-21T15:00:00+08:00';
const PASS_RATE = 0.95;
const KINDS = ['money', 'when', 'last4', 'count', 'cardType', 'issuer', 'referenceNumber', 'merchantName', 'redacted'] as const;
type Kind = (typeof KINDS)[number];

const lines: Line[] = readFileSync(join(__dirname, '../fixtures/nlu/entities.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Line);

function whenAsExpected(w: WhenParse): Line['expect']['when'] {
  if (w === null) return null;
  return w.ok ? w.value : w.reason;
}

function actual(line: Line, kind: Kind): unknown {
  const opts: ParseOptions = { now: new Date(line.now ?? DEFAULT_NOW), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
  const redaction = redactCardData(normalize(line.text));
  const text = redaction.text;
  switch (kind) {
    case 'money': {
      const wantRoles = line.expect.money ?? [];
      return extractMoney(text, opts.defaultCurrency).map((m, i) => {
        const base: ExpectedMoney = { minor: m.value.minor, currency: m.value.currency };
        // Roles are compared only where the fixture labels one.
        const want = wantRoles[i];
        return want && 'role' in want ? { ...base, role: m.role } : base;
      });
    }
    case 'when':
      return whenAsExpected(extractWhen(text, opts));
    case 'last4':
      return extractLast4(text);
    case 'count':
      return extractCount(text);
    case 'cardType':
      return extractCardType(text);
    case 'issuer':
      return extractIssuer(text)?.en ?? null;
    case 'referenceNumber':
      return extractReferenceNumber(text);
    case 'merchantName':
      return extractMerchantName(text);
    case 'redacted':
      return { cardNumbers: redaction.cardNumbers, secrets: redaction.secrets, last4: redaction.last4 };
  }
}

describe('entity fixture (held-out set)', () => {
  it('when the fixture is loaded, then every kind has at least 20 labelled lines', () => {
    for (const kind of KINDS) {
      expect(lines.filter((l) => kind in l.expect).length, kind).toBeGreaterThanOrEqual(20);
    }
  });

  it.each(KINDS)('when the %s lines are run through the extractors, then at least 95 percent match', (kind) => {
    const labelled = lines.filter((l) => kind in l.expect);
    const misses: string[] = [];
    for (const line of labelled) {
      const got = actual(line, kind);
      const want = line.expect[kind];
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        misses.push(`${line.text} → got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
    const rate = (labelled.length - misses.length) / labelled.length;
    expect(rate, `${kind} misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(PASS_RATE);
  });
});
