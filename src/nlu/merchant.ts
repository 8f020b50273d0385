// The merchant's name, from a free-text account of what happened ("在好又多超市刷了两次",
// "the cashier at Joe's Diner") or from a direct answer to "what was the merchant called?".

import { extractIssuer } from './card';
import { extractContrast } from './field';

const MAX_NAME = 80;

// Places that are not a name. Free text returns null for them (the dialog then asks); a direct
// answer keeps them, because "the gas station" is still better than nothing for an agent.
const GENERIC = new Set([
  '超市', '商场', '商店', '小店', '店', '店里', '便利店', '餐厅', '饭店', '饭馆', '酒店', '宾馆', '加油站', '药店', '药房',
  '网上', '线上', '家', '家里', '外面', '这里', '那里', '这边', '那边', '这家', '那家', '银行', '柜台', '收银台', '医院',
  '菜市场', '市场', '商户', '商家', '门店', '专卖店', '面包店', '咖啡店', '理发店', '学校', '食堂', '公司', '单位',
  'store', 'shop', 'supermarket', 'gas station', 'petrol station', 'restaurant', 'cafe', 'café', 'coffee shop', 'bar',
  'pharmacy', 'mall', 'counter', 'register', 'checkout', 'cashier', 'till', 'terminal', 'market', 'grocery store',
  'grocery', 'hotel', 'online', 'home', 'work', 'airport', 'station', 'bakery', 'drugstore', 'diner', 'pub',
  'convenience store', 'local store', 'local shop', 'shopping mall', 'department store', 'hospital', 'school',
  'front desk', 'desk', 'merchant', 'vendor', 'place', 'parking lot', 'pos', 'machine', 'app', '手机', '小程序',
  'bodega', 'deli', 'corner store', 'corner shop', 'kiosk', 'newsstand', 'food truck', 'vending machine', 'laundromat',
  'liquor store', 'bottle shop', 'off-licence', 'takeaway', 'takeout', 'chippy', 'pizzeria', 'bistro', 'brasserie',
  // Self-service points: where in the shop, not which shop ("at the self checkout", "在自助收银机上刷的").
  'self checkout', 'self-checkout', 'self checkouts', 'self-service checkout', 'self service checkout',
  'self-serve checkout', 'self-service till', 'self service till', 'self-checkout kiosk', 'self checkout lane',
  'checkout lane', 'card machine', 'card reader', 'card terminal', 'pos machine', 'pos terminal', 'payment terminal',
  '机器', '机子', '终端', '自助', '自助收银', '自助结账', '自助结帐', '自助收银机', '自助结账机', '自助收银台', '收银机', '刷卡机', 'pos机',
]);

// Terminal makers and acquirers: the brand on the card machine, never the shop's own name
// ("拉卡拉POS机上显示失败", "my Square reader"). Free text leaves the name unset so the dialog asks.
const TERMINAL_BRANDS = new Set([
  '拉卡拉', '收钱吧', '银联商务', '富友', '汇付', '汇付天下', '快钱', '通联', '通联支付', '随行付', '乐刷', '盛付通', '嘉联',
  '嘉联支付', '星驿付', '海科融通', '中付', '联动优势', '拉卡拉支付', '银盛', '瑞银信', '合利宝', '易宝', '杉德',
  'square', 'sumup', 'sum up', 'clover', 'verifone', 'pax', 'ingenico', 'zettle', 'izettle', 'paypal zettle',
  'stripe terminal', 'moneris', 'worldpay', 'elavon', 'heartland', 'lightspeed', 'toast pos', 'shopify pos',
]);
// A word for the machine after the brand ("拉卡拉POS机", "Clover terminal").
const MACHINE_TAIL = /\s*(?:pos机|pos|刷卡机|收款机|终端|机器|机具|的?机子|card machine|machine|terminal|reader|device|pos system)$/i;

const MACHINE_LEAD = /^(?:the|a|an|my|our|their|用的?|一台)\s*/i;

/** "拉卡拉", "Square terminal": a terminal brand (with or without the machine word), not a shop. */
function isTerminalBrand(name: string): boolean {
  const n = name.trim().toLowerCase().replace(MACHINE_LEAD, '');
  return TERMINAL_BRANDS.has(n.replace(MACHINE_TAIL, '').trim());
}

/**
 * Asked for the shop, "拉卡拉POS机", "the card machine", "my Clover terminal": the person names the
 * machine, so the question stands. A brand alone stays (a statement may show the acquirer's name).
 */
function namesTheMachine(answer: string): boolean {
  const n = answer.trim().toLowerCase().replace(MACHINE_LEAD, '');
  if (!MACHINE_TAIL.test(n)) return false;
  const brand = n.replace(MACHINE_TAIL, '').trim();
  return brand === '' || GENERIC.has(n) || TERMINAL_BRANDS.has(brand);
}

// ------------------------------------------------------------------------------- Chinese

// Latin letters with accents too ("在Café Nero刷的").
const ZH_NAME = "[\\u4e00-\\u9fffA-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f0-9&'·.\\- ]";
const ZH_VERB =
  '(?:的?时候|刷|消费|买|购物|购买|付款|付钱|付了|支付|结账|结帐|买单|吃(?!饭店)|喝|加油(?!站)|用卡|扫码|交易(?!所|中心)|充值(?!中心)|住(?!宅)|看|打车|停车(?!场)|办(?!公)|被|多扣|多收|多刷|扣了|扣款|收了|退货|退款|退了|的收银|收银|的店员|店员|的服务员|服务员|的老板|老板|的pos|的POS|pos|POS|那里|那边|先是|后来|然后|结果|已经|用(?!品|具)|显示|提示|报错|弹出|付过|付的|说|让|告诉|给(?!力)|问|下单|点(?:了|的|单)|排队|，|,|。|！|!|？|\\?|；|;|$)';
// 在 inside 现在/正在/还在… is not "at"; "去过沃尔玛", "去了家乐福": the aspect word is not the name's.
const ZH_AT = new RegExp(`(?<![现正实存所自好还不])(?:在|去(?!年)(?:过|了)?)(${ZH_NAME}{2,24}?)${ZH_VERB}`, 'g');
const ZH_LABELLED = new RegExp(
  `(?:商户|商家|店铺|店名|店家|门店|商店)(?:的)?(?:名称|名字|名)?(?:是|叫|为|:|叫做)\\s*(${ZH_NAME}{1,30}?)(?=[，,。！!？?；;]|刷|消费|$)`,
);
// "一家叫鑫源贸易的公司", "名叫“顺达商行”的商户": the name runs to the 的 before the kind of business.
const ZH_CALLED = new RegExp(
  `(?:叫做|名叫|名为|名字叫|叫)["“'‘「『]?(${ZH_NAME}{2,30}?)["”'’」』]?的(?:公司|商户|商家|店|店铺|商店|小店|餐厅|饭店|超市|网站|网店|平台|商行|机构|app|APP|App|小程序)`,
);
const ZH_STAFF = new RegExp(`(?:^|[，,。！!？?；;\\s]|是|在)(${ZH_NAME}{2,24}?)的?(?:收银员|收银台|店员|服务员|pos机|POS机|刷卡机)`);
const ZH_LEAD_NOISE = /^(?:一家|一个|那家|这家|某家|某个|附近的|楼下的|门口的|旁边的|对面的|那个|这个)/;
// How the story goes on, not a shop ("…付了88，后来收银员又…"): cut from the front of a name.
const ZH_CONNECTIVE = /^(?:后来|然后|结果|当时|接着|之后|随后|最后|其实|但是|可是|不过|而且|所以|突然|另外|还有|就是)+/;
// The bot's own side ("贵平台合作商户处"): the person means some merchant the platform works with.
const ZH_ADDRESSEE = /^(?:贵(?:平台|公司|司|行|方|店)|你们(?:平台|公司|银行|店)?)的?/;
// Chat particles and laughter after a name ("在沃尔玛哈哈", "在全家啊").
const ZH_TRAILING_CHAT = /(?:哈{2,}|呵{2,}|嘿{2,}|嘻{2,}|[啊呀吧呢嘛哦噢喔啦哇])+$/;
// "合作商户处", "万达广场那里": a word for "at (the place)", not part of the name.
const ZH_LOCATIVE = /(?<=.{2})(?:处|那儿|这儿|那里|这里|里面)$/;
// Places people are in, not shops they paid ("我人一直在上海").
const ZH_REGIONS =
  '北京|上海|广州|深圳|天津|重庆|杭州|南京|成都|武汉|西安|苏州|厦门|青岛|大连|长沙|郑州|沈阳|昆明|合肥|福州|济南|香港|澳门|台湾|台北|国内|国外|境外|海外|中国|美国|日本|韩国|英国|法国|德国|意大利|西班牙|泰国|越南|马来西亚|新加坡|澳大利亚|加拿大|欧洲|外地|老家|本地|当地';
const ZH_PLACES = new RegExp(`^(?:${ZH_REGIONS})(?:市|省)?$|[省国]$`);
// Districts and shopping areas people name as where they were ("香港旺角", "东京银座").
const ZH_DISTRICTS = new Set([
  '旺角', '铜锣湾', '尖沙咀', '尖沙嘴', '中环', '湾仔', '油麻地', '深水埗', '金钟', '沙田', '银座', '新宿', '涩谷', '池袋',
  '秋叶原', '浅草', '原宿', '上野', '心斋桥', '道顿堀', '梅田', '难波', '明洞', '江南', '弘大', '东大门', '南大门', '梨泰院',
  '王府井', '西单', '三里屯', '国贸', '中关村', '陆家嘴', '徐家汇', '南京路', '淮海路', '外滩', '新天地', '春熙路', '太古里',
  '天河', '北京路', '东门', '华强北', '解放碑', '观前街', '西湖', '鼓浪屿', '市中心', '市区', '城里', '郊区', '景区', '机场',
]);
// A street, district or county on its own ("南京东路", "浦东新区"): where, not who.
const ZH_AREA_SUFFIX = /^[\u4e00-\u9fff]{1,5}(?:新区|区|路|大街|街|大道|镇|县|乡|村|步行街|商圈)$/;
// Cities abroad, as people write them in a Chinese sentence ("在Tokyo刷卡", "在曼谷消费"): where the
// card was used, not the merchant.
const CITIES = new Set([
  '东京', '大阪', '京都', '名古屋', '札幌', '福冈', '冲绳', '首尔', '釜山', '济州', '曼谷', '清迈', '普吉', '普吉岛', '芭提雅',
  '吉隆坡', '槟城', '巴厘岛', '河内', '胡志明', '岘港', '马尼拉', '迪拜', '巴黎', '伦敦', '罗马', '米兰', '威尼斯', '佛罗伦萨',
  '巴塞罗那', '马德里', '柏林', '慕尼黑', '法兰克福', '阿姆斯特丹', '苏黎世', '日内瓦', '维也纳', '布拉格', '纽约', '洛杉矶',
  '旧金山', '拉斯维加斯', '西雅图', '芝加哥', '波士顿', '夏威夷', '温哥华', '多伦多', '悉尼', '墨尔本', '奥克兰',
  'tokyo', 'osaka', 'kyoto', 'seoul', 'busan', 'bangkok', 'phuket', 'chiang mai', 'singapore', 'kuala lumpur', 'bali',
  'hanoi', 'manila', 'dubai', 'paris', 'london', 'rome', 'milan', 'venice', 'barcelona', 'madrid', 'berlin', 'munich',
  'amsterdam', 'zurich', 'geneva', 'vienna', 'prague', 'lisbon', 'new york', 'nyc', 'los angeles', 'la', 'san francisco',
  'las vegas', 'seattle', 'chicago', 'boston', 'hawaii', 'vancouver', 'toronto', 'sydney', 'melbourne', 'auckland',
  'hong kong', 'macau', 'taipei', 'shanghai', 'beijing', 'shenzhen', 'guangzhou',
]);
// One or more places in front of the rest ("日本东京药妆店", "香港旺角"); built once, below CITIES.
let zhPlacePrefix: RegExp | null = null;
function placePrefix(): RegExp {
  if (zhPlacePrefix === null) {
    const zhCities = [...CITIES].filter((c) => /^[\u4e00-\u9fff]+$/.test(c));
    zhPlacePrefix = new RegExp(`^(?:(?:${ZH_REGIONS}|${zhCities.join('|')}|${[...ZH_DISTRICTS].join('|')})(?:市|省|的)?)+`);
  }
  return zhPlacePrefix;
}

/**
 * Where, not who: places alone ("香港旺角", "南京东路"), or places then a kind of shop
 * ("日本东京药妆店"). A name after a place ("香港周大福") is kept.
 */
function isZhPlace(name: string): boolean {
  if (ZH_DISTRICTS.has(name) || ZH_AREA_SUFFIX.test(name)) return true;
  const prefix = placePrefix().exec(name);
  if (!prefix) return false;
  const rest = name.slice(prefix[0].length);
  return rest === '' || ZH_DISTRICTS.has(rest) || ZH_AREA_SUFFIX.test(rest) || GENERIC.has(rest) || isZhDescription(rest);
}

/** A city, or a city and a short district after it ("首尔明洞", "东京银座"): a place, not a shop. */
function isCityArea(name: string): boolean {
  const n = name.toLowerCase();
  if (CITIES.has(n)) return true;
  for (const len of [2, 3]) if (n.length > len && n.length <= len + 2 && CITIES.has(n.slice(0, len))) return true;
  return false;
}
const ZH_NOT_NAME = /[刷扣付了吗呢吧啊我你他她它们哪么钱元块笔次个]|\d{1,2}月\d|\d{4}年|昨天|今天|前天|上午|下午|晚上|中午|早上|工作日|小时|分钟|时候|当时|刚才|刚刚|卡住|死机|身上|身边|手上|手里|钱包|包里|国外|境外|海外|国内/;

// A kind of shop rather than its name: goods or a setting, then a word for a shop ("家具城",
// "表店", "商场专柜", "水果店"). A name has a word of its own before them ("国美电器", "苏宁电器城").
const ZH_KIND =
  '家具|家居|电器|家电|数码|电子|手机|电脑|服装|衣服|女装|男装|童装|鞋|手表|钟表|表|珠宝|首饰|黄金|金|眼镜|水果|五金|建材|母婴|化妆品|美妆|烟酒|酒|茶叶|茶|书|文具|玩具|宠物|花|蛋糕|奶茶|小吃|烧烤|火锅|面|早餐|快餐|西餐|日料|药|百货|免税|礼品|体育|运动|户外|汽车|汽修|洗车|美容|美发|按摩|足疗|健身|网吧|商场|超市|机场|路边|街边|小区|楼下|附近|大型|小|本地|当地|加油|药妆|日用品|杂货|特产|纪念品|饰品|箱包|皮具|奢侈品|配件|手机壳|咖啡|面包|甜品|零食|生鲜|海鲜|便利|合作|签约|特约|连锁|品牌|网红|24小时';
const ZH_SHOP_WORD = '专卖店|店|城|专柜|柜台|柜|市场|商城|卖场|超市|商场|门店|馆|铺|摊|档口|中心|广场|站|商户|商家|商铺|平台';
const ZH_DESCRIPTION = new RegExp(`^(?:${ZH_KIND})*(?:${ZH_SHOP_WORD})$`);
// "香港一家表店", "商场里一个专柜": a place, then a shop left unnamed.
const ZH_UNNAMED = /^(.{0,8}?)(?:一家|某家|一间|一个|某个)(.+)$/;

// ------------------------------------------------------------------------------- English

// Letters of any script (\p{L}, with the u flag), so "Café Nero", "Crêpe Affaire", "Müller" and
// "Zoë's" are read whole; \w stops at the first accented letter.
const EN_TOKEN = "[\\p{Lu}0-9][\\p{L}\\p{N}_'’&.\\-]*";
// Capitalised words that end a name rather than continue it ("Amazon I don't…", "Walmart Monday").
const EN_NAME_STOP =
  "(?!(?:I|I'm|I've|I'd|On|In|At|For|And|But|So|Then|When|Yesterday|Today|Tonight|Last|This|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|USD|RMB|HKD|EUR)\\b)";
const EN_CAPS_NAME = `${EN_TOKEN}(?:\\s+(?:&|and|of|de|du|la|le|the|n'|'n'|${EN_NAME_STOP}${EN_TOKEN}))*`;
const EN_AT_CAPS = new RegExp(`\\b(?:at(?:\\s+the)?|from|@|(?:went|go|going|been|came|drove|walked)\\s+(?:in)?to(?:\\s+the)?)\\s+(${EN_CAPS_NAME})`, 'gu');
// The name ends where the person goes on about it ("…called xyz trading I don't recognise").
const EN_LABELLED =
  /\b(?:merchant|store|shop|restaurant|business|place|vendor|seller|company)(?:'s)?\s*(?:name\s*)?(?:is|was|:|called|named)\s+(?:called\s+|named\s+)?(.{2,60}?)(?=[,.;!?]|\s+(?:and|but|on|yesterday|today|last|when|where|for|i|i'm|i've|i'd|that|which|who|we|they|you|he|she|it)\b|$)/i;
// "some company called XYZ Trading I don't recognise", "a shop named Blue Lotus that…": after
// called/named a capitalised name is taken word by word and stops where the sentence goes on.
const EN_CALLED = new RegExp(
  `\\b(?:merchant|store|shop|restaurant|business|place|vendor|seller|company|firm|outfit|website|site|app|something|someone|somebody|thing|one|brand|service|cafe|bar|hotel|charge)s?\\s+(?:called|named)\\s+["“']?(${EN_CAPS_NAME})`,
  // No i flag: the name must start with a capital (or digit) for the word-by-word reading.
  'u',
);
const EN_SUBJECT =
  /(?:^|[.!?]\s+)(EN_CAPS)\s+(?:charged|double[- ]charged|overcharged|billed|rang|keyed|took|debited|ran my card|swiped|put|placed|held|froze|(?:pre-?)?authori[sz]ed|processed|refunded|never refunded|still hasn'?t)\b/;
const EN_SUBJECT_RE = new RegExp(EN_SUBJECT.source.replace('EN_CAPS', EN_CAPS_NAME), 'u');
const EN_AT_LOWER = /\bat\s+((?:[\p{Ll}0-9][\p{L}\p{N}_'’&-]*)(?:\s+[\p{Ll}0-9][\p{L}\p{N}_'’&-]*){0,3})/gu;
const EN_STOP_AFTER =
  /\s+(?:yesterday|today|tonight|last|this|on|for|and|but|when|while|around|about|at|in|with|by|because|so|then|earlier|ago|twice|once|thrice|they|it|i|we|he|she|the\s+cashier|which|who|where|after|before|during|until|charged|keyed|rang|took|double|overcharged|billed|was|were|is|are|had|has|got|said|says|showed|shows|displayed|declined|put|placed|told|asked|gave|refused|would|wouldn'?t|didn'?t|did|does|doesn'?t|kept|still|only|just|\d).*$/i;
const EN_NOT_NAME = new Set([
  'i', 'the', 'a', 'an', 'my', 'me', 'it', 'they', 'he', 'she', 'we', 'you', 'this', 'that', 'least', 'all', 'first',
  'once', 'night', 'noon', 'midnight', 'lunch', 'dinner', 'breakfast', 'lunchtime', 'work', 'home', 'last', 'some',
  'point', 'times', 'time', 'checkout', 'cashier', 'someone', 'somebody', 'cashiers', 'terminal', 'merchant', 'store',
  'shop', 'bank', 'card', 'pos', 'clerk', 'staff', 'waiter', 'waitress', 'register', 'counter', 'till', 'machine',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'today', 'yesterday', 'tonight', 'christmas',
  'usd', 'rmb', 'hkd', 'eur', 'cny', 'gbp', 'visa', 'mastercard', 'unionpay', 'amex', 'about', 'around', 'approx',
  'they', 'their', 'them', 'our', 'your', 'his', 'her', 'its', 'one', 'two', 'three', 'twice', 'again', 'like',
  'got', 'get', 'just', 'then', 'also', 'still', 'now', 'apparently', 'somehow', 'suddenly', 'finally',
  'around', 'about', 'roughly', 'approximately', 'least', 'most', 'once', 'some point', 'that time', 'the time',
  // Moments and directions, not places: "at check-in", "ate at back in September".
  'back', 'check-in', 'checkin', 'check in', 'check-out', 'checkout', 'check out', 'pickup', 'pick-up', 'drop-off',
  'first', 'the end', 'end', 'start', 'random', 'full price', 'full', 'the door', 'the table',
  // What is said about a name, not a name: "the store was wrong".
  'wrong', 'incorrect', 'right', 'correct', 'mistaken', 'a mistake', 'unknown',
]);
// Chat particles and laughter after a name ("the bodega lol", "Walmart haha").
const EN_TRAILING_CHAT = /(?:\s+(?:lol|lmao|lmfao|rofl|haha+|hahaha+|hehe+|omg|smh|ngl|tbh|fr|rn|ugh+|xd|:\)|:\(|:p))+$/i;
// Countries, as places the card was used ("at Berlin", "in Japan at …"): not a shop.
const EN_COUNTRIES = new Set([
  'japan', 'korea', 'south korea', 'china', 'thailand', 'vietnam', 'malaysia', 'indonesia', 'philippines', 'india',
  'germany', 'france', 'italy', 'spain', 'portugal', 'netherlands', 'switzerland', 'austria', 'uk', 'england',
  'scotland', 'ireland', 'usa', 'us', 'america', 'canada', 'mexico', 'australia', 'new zealand', 'europe', 'asia',
]);
// A kind of place with no name ("the electronics store", "a furniture shop"): all lower-case
// words ending in a word for a shop. "Shell gas station", "Joe's Diner" have a name in them.
const EN_SHOP_HEAD =
  /^(?:[\p{Ll}][\p{Ll}-]*\s+){0,3}(?:store|shop|station|restaurant|cafe|café|bar|market|supermarket|mall|hotel|motel|pharmacy|outlet|boutique|diner|place|stand|kiosk|counter|dealership|dealer|salon|bakery|pub|chain|retailer|showroom|garage|bodega|deli|truck|cart|stall|laundromat)s?$/u;

function isEnDescription(name: string): boolean {
  return EN_SHOP_HEAD.test(name.trim());
}
const TIME_LIKE = /^(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|\d+(?:[.,]\d+)?|noon|midnight|night)$/i;
const TRAILING_CONNECTOR = /\s+(?:&|and|of|de|du|la|le|the|on|n'|'n')$/i;
const LEADING_ARTICLE = /^(?:the|a|an|this|that|my|our|some|one)\s+/i;

/** "家具城", "香港一家表店": what kind of shop it was, with no name of its own. */
function isZhDescription(name: string): boolean {
  const unnamed = ZH_UNNAMED.exec(name);
  const rest = unnamed ? (unnamed[2] as string) : name;
  return ZH_DESCRIPTION.test(rest) || (unnamed !== null && GENERIC.has(rest));
}

function cleanZh(raw: string): string | null {
  // "在淘宝上买的": 上 is "on", not part of the name.
  let name = raw.trim().replace(ZH_CONNECTIVE, '').replace(ZH_ADDRESSEE, '').replace(ZH_LEAD_NOISE, '');
  name = name.replace(ZH_TRAILING_CHAT, '').replace(/的$/, '').replace(/(?<=.{2})上$/, '').replace(ZH_LOCATIVE, '').trim();
  // 万达广场的海底捞: the place comes first, the merchant after the last 的.
  const parts = name.split('的').map((p) => p.trim()).filter((p) => p.length >= 2);
  if (parts.length > 1) {
    // "Tokyo的一家店": a shop left unnamed after the place ("一家店" is no name either).
    const last = (parts[parts.length - 1] as string).replace(ZH_LEAD_NOISE, '');
    name = GENERIC.has(last) || last.length < 2 ? (parts[0] as string) : last;
  }
  if (name.length < 2 && !/^[\u4e00-\u9fff]$/.test(name)) return null;
  if (name.length < 2) return null;
  if (ZH_NOT_NAME.test(name) || /^\d+$/.test(name)) return null;
  if (GENERIC.has(name.toLowerCase()) || ZH_PLACES.test(name) || isCityArea(name) || isZhDescription(name)) return null;
  if (isZhPlace(name) || isTerminalBrand(name)) return null;
  name = name.slice(0, MAX_NAME);
  return name;
}

function cleanEn(raw: string, allowLower: boolean): string | null {
  let name = raw.trim().replace(/[’]/g, "'").replace(EN_TRAILING_CHAT, '').replace(/[,.;:!?]+$/, '');
  while (TRAILING_CONNECTOR.test(name)) name = name.replace(TRAILING_CONNECTOR, '');
  // "The Cheesecake Factory" keeps its article; "the store" loses it.
  if (!(!allowLower && /^The\s+[A-Z]/.test(name))) name = name.replace(LEADING_ARTICLE, '');
  if (name === '' || TIME_LIKE.test(name)) return null;
  const head = name.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (EN_NOT_NAME.has(name.toLowerCase()) || (EN_NOT_NAME.has(head) && head !== 'the')) return null;
  if (GENERIC.has(name.toLowerCase()) || GENERIC.has(name.toLowerCase().replace(/^the\s+/, ''))) return null;
  if (CITIES.has(name.toLowerCase()) || EN_COUNTRIES.has(name.toLowerCase())) return null;
  if (allowLower && isEnDescription(name)) return null;
  if (/^\d+$/.test(name) || isTerminalBrand(name)) return null;
  return name.slice(0, MAX_NAME);
}

function fromChinese(text: string): string | null {
  for (const re of [ZH_LABELLED, ZH_CALLED]) {
    const labelled = re.exec(text);
    const n = labelled?.[1] ? cleanZh(labelled[1]) : null;
    if (n) return n;
  }
  ZH_AT.lastIndex = 0;
  for (const m of text.matchAll(ZH_AT)) {
    const n = cleanZh(m[1] as string);
    if (n) return n;
  }
  const staff = ZH_STAFF.exec(text);
  if (staff?.[1]) {
    const n = cleanZh(staff[1].replace(/^(?:在|是)/, ''));
    if (n) return n;
  }
  return null;
}

function fromEnglish(text: string): string | null {
  const called = EN_CALLED.exec(text);
  const calledName = called?.[1] ? cleanEn(called[1], false) : null;
  if (calledName) return calledName;
  const labelled = EN_LABELLED.exec(text);
  if (labelled?.[1]) {
    const n = cleanEn(labelled[1], true);
    if (n) return n;
  }
  EN_AT_CAPS.lastIndex = 0;
  for (const m of text.matchAll(EN_AT_CAPS)) {
    const n = cleanEn(m[1] as string, false);
    if (n && extractIssuer(n) === null) return n;
  }
  const subject = EN_SUBJECT_RE.exec(text);
  if (subject?.[1]) {
    const n = cleanEn(subject[1], false);
    if (n && extractIssuer(n) === null) return n;
  }
  EN_AT_LOWER.lastIndex = 0;
  for (const m of text.matchAll(EN_AT_LOWER)) {
    const phrase = (m[1] as string).replace(EN_STOP_AFTER, '');
    const n = cleanEn(phrase, true);
    if (n && extractIssuer(n) === null) return n;
  }
  return null;
}

// "不是沃尔玛，是山姆会员店", "是山姆不是沃尔玛", "it was Target, not Walmart": the name meant.
const ZH_NOT_BUT = /不是[^，,。；;！!？?]{1,20}?[，,]?\s*(?:而|应该|其实)?是([^，,。；;！!？?]{1,24})/;
const ZH_BUT_NOT = /(?:^|[，,。\s])(?:应该|其实)?是([^，,。；;！!？?]{1,24}?)[，,]?(?:而)?不是/;
const EN_NOT_BUT = /\bnot\s+[^,;.!?]{1,40}?(?:\s*[,;]\s*(?:it was|it's|it is|its|but)|\s+but)\s+([^,;.!?]{1,40})/i;
const CONTRAST_TRIGGER = /不是|\bnot\b/i;
// In a free-text message a contrast is about the shop only when the shop is named as the field.
const MERCHANT_WORD = /商户|商家|店名|店铺|店家|门店|商店|\b(?:merchant|shop|store|restaurant)\b/i;

function contrastedName(text: string): string | null {
  if (!CONTRAST_TRIGGER.test(text)) return null;
  const zh = ZH_NOT_BUT.exec(text) ?? ZH_BUT_NOT.exec(text);
  if (zh) return (zh[1] as string).trim();
  const said = (EN_NOT_BUT.exec(text)?.[1] ?? extractContrast(text)?.said)?.trim();
  return said === undefined || EN_NOT_NAME.has(said.toLowerCase()) ? null : said;
}

export function extractMerchantName(text: string): string | null {
  const hasCjk = /[\u4e00-\u9fff]/.test(text);
  const meant = MERCHANT_WORD.test(text) ? contrastedName(text) : null;
  if (meant !== null) {
    const n = hasCjk ? cleanZh(meant) : cleanEn(meant, true);
    if (n) return n;
  }
  return (hasCjk ? fromChinese(text) : null) ?? fromEnglish(text);
}

// ---------------------------------------------------------------------------- direct answer

const DONT_KNOW =
  /不知道|不清楚|忘了|忘记|不记得|记不清|记不得|想不起|跳过|没注意|\bskip\b|don'?t know|dont know|do not know|dunno|\bidk\b|not sure|no idea|can'?t remember|cannot remember|don'?t remember|do not remember|forgot|forget|no clue|^(?:无|没有|n\/?a|none|unknown|no|nope|pass|\?+)$/i;
const LEAD_IN =
  /^(?:(?:商户|商家|店铺|店名|店家|商店|门店|店)(?:的)?(?:名称|名字|名)?\s*(?:是|叫|为|:|叫做)|是在|是|在|叫|就是|应该是|好像是|大概是|去的是|去的|it\s+was\s+(?:at\s+)?|it'?s\s+(?:at\s+)?|it\s+is\s+(?:at\s+)?|the\s+(?:shop|store|merchant|restaurant|place|business|merchant\s+name|name)(?:'s)?(?:\s+name)?\s+(?:is|was)\s+(?:called\s+)?|(?:shop|store|merchant|restaurant|place|business)\s+(?:is\s+|was\s+)?called\s+|merchant(?:\s+name)?\s*(?:is|was|:)\s*|name\s*(?:is|:)\s*|called\s+|at\s+|from\s+|i\s+think\s+(?:it\s+was\s+|it'?s\s+)?|i\s+was\s+at\s+|we\s+were\s+at\s+)\s*/i;
const TRAIL =
  /(?:\s*(?:刷的|刷卡的|消费的|买的|吃的|那家|那个|吧|啊|呀|呢|了|的|哈{2,}|我记得|好像|i think|maybe|probably|thanks|thank you|thx|please|\blol|\blmao|\bhaha+))+$|[\s"'“”‘’「」『』《》.。!！?？~,，;；:：]+$/i;
// Closing brackets are cut only when nothing opened them: "海底捞(徐家汇店)" keeps its branch.
const CLOSING: Readonly<Record<string, string>> = { ')': '(', '）': '（', ']': '[', '】': '【' };

function withoutStrayClosers(t: string): string {
  let out = t;
  for (;;) {
    const last = out.slice(-1);
    const open = CLOSING[last];
    if (open === undefined) return out;
    const opens = out.split(open).length - 1;
    const closes = out.split(last).length - 1;
    if (opens >= closes) return out;
    out = out.slice(0, -1).trimEnd();
  }
}

// A clause that is not the name: another detail ("卡号后四位是5512"), a word about the shop
// rather than its name ("你们店"), or a remark ("还问!").
const OTHER_DETAIL =
  /\d{3,}|\d\s*[元块]|卡号|尾号|后四位|金额|多少钱|几点|昨天|今天|前天|\b(?:card|ending|ends|last (?:4|four)|amount|charged|paid|yesterday|today)\b/i;
const NOT_A_NAME_CLAUSE = /你们|我们|你|我|他们|这家|那家|^还|^又|问|说|吗|呢|对了|错了|不对|\b(?:you|your|i|we|it|that|this|oh|sorry|oops|wait)\b/i;
const CLAUSE_SPLIT = /\s*[,，;；。!！?？]+\s*/;

/**
 * "沃尔玛，卡号后四位是5512", "就是你们店啊，还问！都市丽人": an answer of several clauses where some
 * are not the name. The first clause left is the name; when none is set aside, the whole answer
 * stays (a name may hold a comma).
 */
function nameClause(t: string): string {
  const clauses = t.split(CLAUSE_SPLIT).filter((c) => c !== '');
  if (clauses.length < 2) return t;
  const kept = clauses.filter((c) => !OTHER_DETAIL.test(c) && !NOT_A_NAME_CLAUSE.test(stripLeadIn(c)));
  return kept.length > 0 && kept.length < clauses.length ? (kept[0] as string) : t;
}

function stripLeadIn(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) {
    const next = t.replace(LEAD_IN, '').replace(/^["'“”‘’「」『』《》]+/, '');
    if (next === t) break;
    t = next;
  }
  return t;
}

// "a gas station", "一家餐厅", "香港一家表店": a shop left unnamed on purpose; the question stands.
const EN_UNNAMED = /^(?:a|an|some|one)\s+(.+)$/i;

function isUnnamedShop(t: string): boolean {
  const en = EN_UNNAMED.exec(t);
  if (en) return GENERIC.has((en[1] as string).toLowerCase()) || isEnDescription(en[1] as string);
  return ZH_UNNAMED.test(t) && isZhDescription(t);
}

export function parseMerchantAnswer(text: string): string | null {
  // Asked for the shop, "不是沃尔玛，是山姆会员店" answers with the second name.
  let t = contrastedName(text.trim()) ?? text.trim();
  if (t === '' || DONT_KNOW.test(t)) return null;
  const fromText = extractMerchantName(t);
  if (fromText) return fromText.slice(0, MAX_NAME);
  t = stripLeadIn(nameClause(t));
  for (let i = 0; i < 4; i++) {
    const next = withoutStrayClosers(t.replace(TRAIL, ''));
    if (next === t) break;
    t = next;
  }
  t = t.trim();
  if (t === '' || /^[\d\s.,-]+$/.test(t) || isUnnamedShop(t) || namesTheMachine(t)) return null;
  return t.slice(0, MAX_NAME);
}
