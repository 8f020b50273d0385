// throwaway: print all fixture misses
import { readFileSync } from 'node:fs';
import { extractCardType, extractIssuer } from './src/nlu/card';
import { extractWhen } from './src/nlu/datetime';
import { extractCount, extractLast4, extractReferenceNumber } from './src/nlu/digits';
import { extractMerchantName } from './src/nlu/merchant';
import { extractMoney } from './src/nlu/money';
import { normalize } from './src/nlu/normalize';
import { redactCardData } from './src/nlu/redact';
const lines = readFileSync('/tmp/fx/batch2.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l));
const tally: Record<string,[number,number]> = {};
for (const l of lines) {
  const opts = { now: new Date(l.now ?? '2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
  const r = redactCardData(normalize(l.text)); const t = r.text;
  for (const k of Object.keys(l.expect)) {
    let got: unknown;
    const want = l.expect[k];
    if (k==='money') got = extractMoney(t,'CNY').map((m,i)=>{const b:any={minor:m.value.minor,currency:m.value.currency}; if (want[i] && 'role' in want[i]) b.role=m.role; return b;});
    if (k==='when') { const w = extractWhen(t, opts); got = w===null?null: w.ok? w.value : w.reason; }
    if (k==='last4') got = extractLast4(t);
    if (k==='count') got = extractCount(t);
    if (k==='cardType') got = extractCardType(t);
    if (k==='issuer') got = extractIssuer(t)?.en ?? null;
    if (k==='referenceNumber') got = extractReferenceNumber(t);
    if (k==='merchantName') got = extractMerchantName(t);
    if (k==='redacted') got = {cardNumbers:r.cardNumbers,secrets:r.secrets,last4:r.last4};
    const okk = JSON.stringify(got)===JSON.stringify(want);
    tally[k] ??= [0,0]; tally[k][1]++; if (okk) tally[k][0]++; else console.log('MISS', k, l.text, '| got', JSON.stringify(got), '| want', JSON.stringify(want));
  }
}
console.log(tally);
