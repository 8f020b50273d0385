import * as chrono from 'chrono-node';
const ref = new Date(2026,10,21,15,0,0);
const comp = (r: chrono.ParsedResult) => ['year','month','day','hour','minute','weekday','meridiem'].map(k=>`${k}=${r.start.get(k as any)}${r.start.isCertain(k as any)?'!':''}`).join(' ');
for (const t of ['I may have been charged twice','second charge','I sat at the bar','March','the charge from last month','a few days ago','last week','this week','last weekend','the other day','yesterday at 9am','last night at 11','last night at 12','at midnight','yesterday at midnight','noon','yesterday noon','at 8','8','tonight','this evening','Nov 3','on the 3rd','3rd','Saturday','on Monday','Monday morning','last Friday night around 9', 'two days ago', 'the day before yesterday', 'day before yesterday at 5pm', 'an hour ago','tomorrow','next week', 'sunday 8pm','2 times','x2', '4412', 'ending 4412', 'Nov 20 2025', '20/11', '11-20', 'at 7.30pm', '7.30pm', 'this am']) {
  console.log(JSON.stringify(t), '=>', chrono.parse(t, ref).map(r=>r.text+' | '+comp(r)));
}
for (const t of ['大概8点','夜里11点','半夜12点','晚上12点','前天晚上','周末','两次','3次','88元','上周五下午','礼拜三','今早8点','今晚','下午3点多','十二点半','昨天下午','上个月','中午','早上9点','8号','明天','下周三','12点','昨日','11.20','11-20','2025年12月31日','去年12月','这周二','本周一']) {
  console.log(t, '=>', chrono.zh.hans.parse(t, ref).map(r=>r.text+' | '+comp(r)));
}
