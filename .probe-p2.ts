import { extractWhen } from './src/nlu/datetime';
import { extractMoney } from './src/nlu/money';
import { extractIssuer } from './src/nlu/card';
import { extractMerchantName } from './src/nlu/merchant';
import { extractCount } from './src/nlu/digits';
const o = { now: new Date('2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const long = 'Hello, I need help. Yesterday around 7:30pm I went to the Olive Garden on 5th avenue with my family and when we paid the bill the waiter swiped my card and the terminal said declined, so he swiped again and it went through, but now my Chase app shows two charges of $84.20 and I am really annoyed because this is not the first time. Can you help me get one of them back?';
const zhlong = '你好，我想问一下，昨天晚上八点左右我在万达广场的海底捞吃饭，结账的时候服务员刷了我的招商银行信用卡，第一次显示交易失败，然后又刷了一次，结果今天早上收到短信说扣了两次，每次都是468元，我打了客服电话也没人接，请问该怎么办？';
for (const [n, f] of [['when', (t: string) => extractWhen(t, o)], ['money', (t: string) => extractMoney(t, 'CNY')], ['issuer', extractIssuer], ['merchant', extractMerchantName], ['count', extractCount]] as const) {
  for (const t of [long, zhlong]) { for (let i=0;i<100;i++) f(t); const t0=performance.now(); for(let i=0;i<500;i++) f(t); console.log(n, t.slice(0,10), ((performance.now()-t0)/500*1000).toFixed(1), 'µs', JSON.stringify(f(t)).slice(0,120)); }
}
