// Traditional characters (刷卡兩次, 退款沒到帳) read as their simplified forms, so every rule of
// the understanding layer, written in simplified Chinese, also understands users from Hong Kong,
// Taiwan and Macau. A character-for-character map: the converted text has the same length, so
// a span found in it (a merchant's name) can be cut from the user's own text.

// 係 is read as 是, the Cantonese copula ("我係持卡人"), rather than 系 (關係 matters to no rule).
// Only the traditional forms that differ from their simplified ones and occur in payment chat;
// converting a whole dictionary would cost memory and time for no rule that reads it.
const TRADITIONAL =
  '兩筆錢沒帳賬給額購單據銀盜還動費轉銷們個這裡裏後號碼幾麼過經問題對錯誤時間說為應該實際顯敗請聯繫係員務處現儲貸記計預權凍' +
  '結與種幣匯換國業戶顧點鐘週禮認識訊簡張東買賣價貴發開關門車農設興廣華郵樣聽讓見覺邊嗎從來會隻雙複復補兌億萬圓塊歐臺檯鎊韓' +
  '變長當場櫃機終線網絡斷異頭丟搶報掛資項頁驗證選擇帶著親愛媽婦兒將離內遠運達虧總數餘準確誰卻雖纔剛語體條規則紀錄細歷舊遲趕' +
  '廳飯館飲樓層貨營憑簽讀寫輸鍵糾紛爭議訴賠償詢諮電話撥載閉風險繳沖衝雲閃掃寶訂麵歲啟順壞獎連續鬧氣傳約陣陰陽於夠辦騙詐偽擾' +
  '稱暫貼儘盡響鈔標註廠戲區縣漢滿幫壓產隨專歸頓態搖遊觀劃惡傷試賴義葉齊獲絕紹織統幹況淨減鑽錶鐵鎖針鋪歡聖節藥衛護遞難雜靈習' +
  '頻飛馬驚魯鮮鳥黃齡龍帥師龐醫優僅陸貳參' +
  '亞豐滙恆託灣蘋寧濟擊藍綠紅紙靜壽彙瀏覽' +
  // Cantonese, as Hong Kong users type it: 碌咗兩次 (刷了两次), 喺百佳 (在百佳), 冇收到 (没收到).
  '咗嘅唔冇喺畀碌攞啲嗰睇佢';
const SIMPLIFIED =
  '两笔钱没账账给额购单据银盗还动费转销们个这里里后号码几么过经问题对错误时间说为应该实际显败请联系是员务处现储贷记计预权冻' +
  '结与种币汇换国业户顾点钟周礼认识讯简张东买卖价贵发开关门车农设兴广华邮样听让见觉边吗从来会只双复复补兑亿万圆块欧台台镑韩' +
  '变长当场柜机终线网络断异头丢抢报挂资项页验证选择带着亲爱妈妇儿将离内远运达亏总数余准确谁却虽才刚语体条规则纪录细历旧迟赶' +
  '厅饭馆饮楼层货营凭签读写输键纠纷争议诉赔偿询咨电话拨载闭风险缴冲冲云闪扫宝订面岁启顺坏奖连续闹气传约阵阴阳于够办骗诈伪扰' +
  '称暂贴尽尽响钞标注厂戏区县汉满帮压产随专归顿态摇游观划恶伤试赖义叶齐获绝绍织统干况净减钻表铁锁针铺欢圣节药卫护递难杂灵习' +
  '频飞马惊鲁鲜鸟黄龄龙帅师庞医优仅陆贰参' +
  '亚丰汇恒托湾苹宁济击蓝绿红纸静寿汇浏览' +
  '了的不没在给刷拿些那看他';

const MAP: ReadonlyMap<string, string> = new Map([...TRADITIONAL].map((ch, i) => [ch, SIMPLIFIED[i] as string]));

/** Cheap gate (one character-class scan): most messages have no traditional character at all. */
export const HAS_TRADITIONAL = new RegExp(`[${TRADITIONAL}]`);
const ALL_TRADITIONAL = new RegExp(`[${TRADITIONAL}]`, 'g');

/** The text with the traditional characters above replaced; same length as the input. */
export function toSimplified(text: string): string {
  return text.replace(ALL_TRADITIONAL, (ch) => MAP.get(ch) ?? ch);
}
