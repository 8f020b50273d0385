import { normalize } from './src/nlu/normalize';
import { redactCardData } from './src/nlu/redact';
import { extractMoney } from './src/nlu/money';
import { extractWhen } from './src/nlu/datetime';
import { extractLast4, extractCount, extractReferenceNumber } from './src/nlu/digits';
import { extractCardType, extractIssuer } from './src/nlu/card';
import { extractMerchantName } from './src/nlu/merchant';
const o = { now: new Date('2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const msgs = ['昨天中午在好又多超市刷了两次卡，每次88元','The cashier at Joe\'s Diner keyed $450 instead of $45 yesterday around 7:30pm','好的','yes','卡号 6222 0212 3456 7890 128','尾号1024'];
const fns: [string, (t:string)=>unknown][] = [['normalize',normalize],['redact',redactCardData],['money',(t)=>extractMoney(t,'CNY')],['when',(t)=>extractWhen(t,o)],['last4',extractLast4],['count',extractCount],['ref',extractReferenceNumber],['cardType',extractCardType],['issuer',extractIssuer],['merchant',extractMerchantName]];
for (const m of msgs) {
  const row: string[] = [];
  for (const [n,f] of fns) { for(let i=0;i<200;i++) f(m); const t0=performance.now(); for(let i=0;i<2000;i++) f(m); row.push(`${n}=${((performance.now()-t0)/2000*1000).toFixed(1)}`); }
  console.log(m.slice(0,20).padEnd(22), row.join(' '));
}
