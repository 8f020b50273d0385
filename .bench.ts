import { extractWhen } from './src/nlu/datetime';
import { extractMoney } from './src/nlu/money';
import { extractIssuer, extractCardType } from './src/nlu/card';
import { extractMerchantName } from './src/nlu/merchant';
import { extractCount, extractLast4, extractReferenceNumber } from './src/nlu/digits';
import { redactCardData } from './src/nlu/redact';
import { normalize } from './src/nlu/normalize';
const o = { now: new Date('2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const texts: Record<string,string> = {
  enLong: 'Hello, I need help. Yesterday around 7:30pm I went to the Olive Garden on 5th avenue with my family and when we paid the bill the waiter swiped my card and the terminal said declined, so he swiped again and it went through, but now my Chase app shows two charges of $84.20 and I am really annoyed because this is not the first time. Can you help me get one of them back?',
  zhLong: '你好，我想问一下，昨天晚上八点左右我在万达广场的海底捞吃饭，结账的时候服务员刷了我的招商银行信用卡，第一次显示交易失败，然后又刷了一次，结果今天早上收到短信说扣了两次，每次都是468元，我打了客服电话也没人接，请问该怎么办？',
  zhShort: '昨天中午在好又多超市刷了两次卡，每次88元',
  enShort: 'charged twice yesterday around 7:30pm, $45 each',
  tiny: '好的',
};
const fns: Record<string,(t:string)=>unknown> = { normalize, redact: redactCardData, money: (t)=>extractMoney(t,'CNY'), when: (t)=>extractWhen(t,o), last4: extractLast4, count: extractCount, ref: extractReferenceNumber, cardType: extractCardType, issuer: extractIssuer, merchant: extractMerchantName };
for (const [tn, t] of Object.entries(texts)) {
  const row: string[] = [];
  for (const [fn, f] of Object.entries(fns)) {
    let best = Infinity;
    for (let r = 0; r < 7; r++) { const t0 = performance.now(); for (let i = 0; i < 300; i++) f(t); best = Math.min(best, (performance.now() - t0) / 300 * 1000); }
    row.push(`${fn}=${best.toFixed(1)}`);
  }
  console.log(tn.padEnd(8), row.join(' '));
}
