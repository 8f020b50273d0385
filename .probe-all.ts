import { extractCardType, extractIssuer } from './src/nlu/card';
import { extractWhen } from './src/nlu/datetime';
import { extractCount, extractLast4, extractReferenceNumber } from './src/nlu/digits';
import { extractMerchantName } from './src/nlu/merchant';
import { extractMoney } from './src/nlu/money';
import { normalize } from './src/nlu/normalize';
import { redactCardData } from './src/nlu/redact';
const opts = { now: new Date('2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const msgs = process.argv.slice(2).length ? process.argv.slice(2) : require('fs').readFileSync('/tmp/fx/msgs.txt','utf8').split('\n').filter(Boolean);
for (const raw of msgs) {
  const r = redactCardData(normalize(raw)); const t = r.text;
  const out: Record<string, unknown> = {};
  const m = extractMoney(t,'CNY'); if (m.length) out.money = m.map(x=>`${x.value.minor/100}${x.value.currency}${x.role?':'+x.role:''}`).join(',');
  const w = extractWhen(t, opts); if (w) out.when = w.ok ? `${w.value.date} ${w.value.time}` : w.reason;
  const l4 = extractLast4(t); if (l4) out.last4 = l4;
  const c = extractCount(t); if (c !== null) out.count = c;
  const ct = extractCardType(t); if (ct) out.type = ct;
  const is = extractIssuer(t); if (is) out.issuer = is.en;
  const ref = extractReferenceNumber(t); if (ref) out.ref = ref;
  const mer = extractMerchantName(t); if (mer) out.merchant = mer;
  if (r.cardNumbers || r.secrets) out.red = `${r.cardNumbers}/${r.secrets}/${r.last4} → ${t}`;
  console.log(raw, '\n    ', JSON.stringify(out));
}
