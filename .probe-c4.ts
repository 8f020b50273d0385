import * as chrono from 'chrono-node';
const ref = new Date(2026,10,21,15,0,0);
const comp = (r: chrono.ParsedResult) => ['year','month','day','hour','minute','weekday','meridiem'].map(k=>`${k}=${r.start.get(k as any)}${r.start.isCertain(k as any)?'!':''}`).join(' ');
for (const t of ['周四晚上','周四','星期四晚上','周四下午3点']) console.log(t, chrono.zh.hans.parse(t, ref).map(r=>r.text+' | '+comp(r)));
