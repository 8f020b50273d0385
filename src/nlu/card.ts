// Card facts the agent needs to route a dispute: whether it is a credit, debit or prepaid card,
// and which bank issued it (major Chinese and international issuers, names in both languages).

import type { CardType } from '../types';

// "不是信用卡，是借记卡" / "not credit, debit": the negated mention is not the answer.
const NEGATION_BEFORE = /(?:不是|并非|而不是|不用|没用|not(?:\s+a|\s+an|\s+my|\s+the)?|isn't(?:\s+a)?|wasn't(?:\s+a)?|never)\s*$/i;

function isNegated(text: string, index: number): boolean {
  return NEGATION_BEFORE.test(text.slice(Math.max(0, index - 12), index));
}

// "I meant to pay with my company Amex but the waiter ran my Chase card", "说要刷工行那张，结果刷成了
// 招行的": in a wrong-card story the card meant is not the card charged, whose bank is the one
// wanted (or none, and the bot asks).
const INTENDED_GATE = /meant|wanted|going to|supposed|should have|asked|instead of|rather than|要|想|应该/i;
const INTENDED_BEFORE =
  /(?:\b(?:meant to|wanted to|was going to|were going to|supposed to|should have|asked (?:them|him|her|the \w+) to)\s+(?:pay|use|put it on|charge|run|go on|be on|used|charged|run|paid)\b|\binstead of|\brather than)[^.;!?]{0,25}$|(?:本来|原本|本想|说要|想要|想用|要用|要刷|应该刷|应该用|让刷|让他刷|让她刷)[^，,。；;!！?？]{0,8}$/i;

function isIntendedOnly(text: string, index: number): boolean {
  return INTENDED_BEFORE.test(text.slice(Math.max(0, index - 40), index));
}

// ------------------------------------------------------------------------------- card type

const CARD_TYPE_RE =
  /(准贷记卡|贷记卡|信用卡|信用咔|信用账户|xyk)|(借记卡|借计卡|储蓄卡|储畜卡|工资卡|借记|储蓄|debit\s*-?\s*cards?|check\s*cards?|\bdebit\b)|(预付卡|预付费卡|储值卡|购物卡|礼品卡|消费卡|充值卡|pre-?paid|gift\s*-?\s*cards?|giftcard|stored[- ]value\s*cards?)|(credit\s*-?\s*cards?|creditcard|\bcredit\b)/gi;
// "credit" on its own is often the refund ("the credit never posted"), not the card type.
const REFUND_CREDIT_AFTER = /^\s*(?:back|note|memo|posted|pending|to|for|of|hasn't|has|have|was|wasn't|is|isn't|never|not|refund|yet|issued|showed|shows|appeared|appear|from|union)\b/i;
const REFUND_CREDIT_BEFORE = /\b(?:the|a|any|no|store|refund|that|this|get|got|receive|received|issue|issued|see)\s+$/i;

// "信用卡还是借记卡我也不确定": two types offered as alternatives is not an answer.
const UNSURE = /还是|或者|或是|不确定|不知道|不清楚|\bor\b|not sure|don'?t know/i;

function cardTypeAt(text: string, m: RegExpExecArray | RegExpMatchArray): CardType | null {
  if (m[1] !== undefined) return 'credit';
  if (m[2] !== undefined) return 'debit';
  if (m[3] !== undefined) return 'prepaid';
  const word = m[4];
  if (word === undefined) return null;
  if (/^credit$/i.test(word)) {
    const at = m.index ?? 0;
    const after = text.slice(at + word.length, at + word.length + 12);
    const before = text.slice(Math.max(0, at - 12), at);
    if (REFUND_CREDIT_AFTER.test(after) || REFUND_CREDIT_BEFORE.test(before)) return null;
  }
  return 'credit';
}

export function extractCardType(text: string): CardType | null {
  const found: CardType[] = [];
  CARD_TYPE_RE.lastIndex = 0;
  for (const m of text.matchAll(CARD_TYPE_RE)) {
    if (isNegated(text, m.index)) continue;
    const type = cardTypeAt(text, m);
    if (type !== null && !found.includes(type)) found.push(type);
  }
  if (found.length > 1 && UNSURE.test(text)) return null;
  return found[0] ?? null;
}

// --------------------------------------------------------------------------------- issuers

export interface Issuer {
  id: string;
  en: string;
  zh: string;
}

interface IssuerDef extends Issuer {
  /** Case-insensitive alias patterns (regex source). */
  aliases: readonly string[];
  /** Aliases that must keep their capitals ("TD", "ABC", "Chase") to avoid ordinary words. */
  exact?: readonly string[];
}

// Two-character abbreviations ending in 行 (工行, 中行, 交行…) also occur inside words such as
// 行业/行为/行动/行驶 or 集中/施工/外交; these guards keep them to the bank reading.
const HANG_AFTER = '(?![业为动驶走进程李车人使径者列政军情])';
const abbr = (s: string, notBefore: string): string =>
  (notBefore === '' ? s : `(?<![${notBefore}])${s}`) + HANG_AFTER;
// Ordinary words that are also bank names (平安 "safe", 民生 "livelihood") count only with a
// banking word after them.
const BANKISH = '(?=银行|信用卡|借记卡|储蓄卡|卡|的卡|的信用卡|app|APP|客服)';

const DEFS: readonly IssuerDef[] = [
  { id: 'icbc', en: 'ICBC', zh: '工商银行', aliases: ['中国工商银行', '工商银行', abbr('工行', '施加员竣开停分复手社旷'), 'industrial\\s+and\\s+commercial\\s+bank(?:\\s+of\\s+china)?', '\\bicbc\\b'] },
  { id: 'ccb', en: 'China Construction Bank', zh: '建设银行', aliases: ['中国建设银行', '建设银行', abbr('建行', '创修'), 'china\\s+construction\\s+bank', '\\bccb\\b'] },
  { id: 'abc', en: 'Agricultural Bank of China', zh: '农业银行', aliases: ['中国农业银行', '农业银行', abbr('农行', '务'), 'agricultural\\s+bank(?:\\s+of\\s+china)?'], exact: ['\\bABC\\b(?!\\s+(?:store|news|company|of\\b))'] },
  { id: 'boc', en: 'Bank of China', zh: '中国银行', aliases: ['中国银行(?!业|保险监督)', abbr('中行', '集空其途雨心之暗正从期手夜风进运执航飞试施加员竣开停分复社外步平并盛流横单实发'), 'bank\\s+of\\s+china(?!\\s+(?:hong kong|\\(hong kong\\)))', '\\bboc\\b'] },
  { id: 'bocom', en: 'Bank of Communications', zh: '交通银行', aliases: ['中国交通银行', '交通银行', abbr('交行', '外社成移提转递'), 'bank\\s+of\\s+communications', '\\bbocom\\b', '\\bbcom\\b'] },
  { id: 'cmb', en: 'China Merchants Bank', zh: '招商银行', aliases: ['招商银行', '招商' + BANKISH, abbr('招行', ''), 'china\\s+merchants?\\s+bank', '\\bcmb\\b'] },
  { id: 'psbc', en: 'Postal Savings Bank of China', zh: '邮政储蓄银行', aliases: ['中国邮政储蓄银行', '邮政储蓄银行', '邮政储蓄', '邮储银行', '邮储', '邮政银行', '邮政' + BANKISH, 'postal\\s+savings\\s+bank(?:\\s+of\\s+china)?', '\\bpsbc\\b'] },
  { id: 'spdb', en: 'SPD Bank', zh: '浦发银行', aliases: ['上海浦东发展银行', '浦东发展银行', '浦发银行', '浦发', '\\bspd\\s*bank\\b', '\\bspdb\\b', 'shanghai\\s+pudong\\s+development\\s+bank'] },
  { id: 'citic', en: 'China CITIC Bank', zh: '中信银行', aliases: ['中信银行', '中信(?!证券|建投|出版)', 'citic(?:\\s+bank)?', 'china\\s+citic'] },
  { id: 'ceb', en: 'China Everbright Bank', zh: '光大银行', aliases: ['中国光大银行', '光大银行', '光大' + BANKISH, 'everbright(?:\\s+bank)?', '\\bceb\\b'] },
  { id: 'cmbc', en: 'China Minsheng Bank', zh: '民生银行', aliases: ['中国民生银行', '民生银行', '民生' + BANKISH, 'minsheng(?:\\s+bank)?', '\\bcmbc\\b'] },
  { id: 'cib', en: 'Industrial Bank', zh: '兴业银行', aliases: ['兴业银行', '兴业(?!证券)', 'industrial\\s+bank(?!\\s+of\\s+china)', '\\bcib\\b'] },
  { id: 'pingan', en: 'Ping An Bank', zh: '平安银行', aliases: ['平安银行', '平安' + BANKISH, 'ping\\s*an\\s+bank', 'pingan(?:\\s+bank)?'] },
  { id: 'hxb', en: 'Hua Xia Bank', zh: '华夏银行', aliases: ['华夏银行', '华夏' + BANKISH, 'hua\\s*xia(?:\\s+bank)?'] },
  { id: 'cgb', en: 'China Guangfa Bank', zh: '广发银行', aliases: ['广发银行', '广发' + BANKISH, '广发(?=的|信用|借记)', 'guangfa(?:\\s+bank)?', '\\bcgb\\b'] },
  { id: 'bob', en: 'Bank of Beijing', zh: '北京银行', aliases: ['北京银行', 'bank\\s+of\\s+beijing'] },
  { id: 'bosc', en: 'Bank of Shanghai', zh: '上海银行', aliases: ['上海银行', 'bank\\s+of\\s+shanghai'] },
  { id: 'nbcb', en: 'Bank of Ningbo', zh: '宁波银行', aliases: ['宁波银行', 'bank\\s+of\\s+ningbo'] },
  { id: 'jsb', en: 'Bank of Jiangsu', zh: '江苏银行', aliases: ['江苏银行', 'bank\\s+of\\s+jiangsu'] },
  { id: 'njcb', en: 'Bank of Nanjing', zh: '南京银行', aliases: ['南京银行', 'bank\\s+of\\s+nanjing'] },
  { id: 'hzb', en: 'Bank of Hangzhou', zh: '杭州银行', aliases: ['杭州银行', 'bank\\s+of\\s+hangzhou'] },
  { id: 'czb', en: 'China Zheshang Bank', zh: '浙商银行', aliases: ['浙商银行', 'zheshang(?:\\s+bank)?'] },
  { id: 'cbhb', en: 'China Bohai Bank', zh: '渤海银行', aliases: ['渤海银行', 'bohai(?:\\s+bank)?'] },
  { id: 'rcc', en: 'Rural Credit Cooperative', zh: '农村信用社', aliases: ['农村信用社', '农村信用合作社', '农信社', '农村商业银行', '农商银行', '农商行', 'rural\\s+(?:credit\\s+cooperative|commercial\\s+bank)'] },
  { id: 'webank', en: 'WeBank', zh: '微众银行', aliases: ['微众银行', 'webank'] },
  { id: 'chase', en: 'Chase', zh: '大通银行', aliases: ['大通银行', 'jp\\s*morgan(?:\\s+chase)?', 'chase\\s+(?:bank|card|sapphire|freedom|debit|credit|visa|app|checking|account)'], exact: ['\\bChase\\b(?!\\s+(?:the|them|him|her|it|up|down|after|this|that|me|us)\\b)', '\\bCHASE\\b'] },
  { id: 'bofa', en: 'Bank of America', zh: '美国银行', aliases: ['美国银行', '美银', 'bank\\s+of\\s+america', '\\bbofa\\b', '\\bboa\\b'] },
  { id: 'citi', en: 'Citi', zh: '花旗银行', aliases: ['花旗银行', '花旗', 'citibank', 'citi\\s*bank', '\\bciti\\b', 'citigroup'] },
  { id: 'wellsfargo', en: 'Wells Fargo', zh: '富国银行', aliases: ['富国银行', 'wells\\s*fargo', 'wellsfargo'] },
  { id: 'capitalone', en: 'Capital One', zh: '第一资本', aliases: ['第一资本', 'capital\\s*one', 'capital\\s*1\\b'] },
  { id: 'amex', en: 'American Express', zh: '美国运通', aliases: ['美国运通', '运通', 'american\\s+express', '\\bamex\\b'] },
  { id: 'discover', en: 'Discover', zh: '发现卡', aliases: ['发现卡', 'discover\\s+(?:card|bank|it\\s+card)'], exact: ['\\bDiscover\\b(?!\\s+(?:that|the|what|how|a|an|it was|this)\\b)'] },
  { id: 'hsbc', en: 'HSBC', zh: '汇丰银行', aliases: ['汇丰银行', '汇丰', '\\bhsbc\\b', 'hongkong\\s+and\\s+shanghai\\s+banking'] },
  { id: 'scb', en: 'Standard Chartered', zh: '渣打银行', aliases: ['渣打银行', '渣打', 'standard\\s+chartered', 'stanchart'] },
  { id: 'barclays', en: 'Barclays', zh: '巴克莱银行', aliases: ['巴克莱银行', '巴克莱', 'barclays?(?:card)?\\b', 'barclaycard'] },
  { id: 'dbs', en: 'DBS', zh: '星展银行', aliases: ['星展银行', '星展', '\\bdbs\\b'] },
  { id: 'bea', en: 'Bank of East Asia', zh: '东亚银行', aliases: ['东亚银行', 'bank\\s+of\\s+east\\s+asia', '\\bbea\\b'] },
  { id: 'hangseng', en: 'Hang Seng Bank', zh: '恒生银行', aliases: ['恒生银行', '恒生(?!指数)', 'hang\\s*seng(?:\\s+bank)?'] },
  { id: 'bochk', en: 'Bank of China (Hong Kong)', zh: '中银香港', aliases: ['中银香港', 'bank\\s+of\\s+china\\s+\\(?hong\\s+kong\\)?', '\\bbochk\\b'] },
  { id: 'usbank', en: 'U.S. Bank', zh: '美国合众银行', aliases: ['美国合众银行', 'usbank', 'u\\.s\\.\\s*bank'], exact: ['\\bUS\\s+[Bb]ank\\b', '\\bUs\\s+Bank\\b'] },
  { id: 'td', en: 'TD Bank', zh: '道明银行', aliases: ['道明银行', 'td\\s+bank', 'toronto[- ]dominion'], exact: ['\\bTD\\b'] },
  { id: 'rbc', en: 'RBC', zh: '加拿大皇家银行', aliases: ['加拿大皇家银行', 'royal\\s+bank\\s+of\\s+canada', '\\brbc\\b'] },
  { id: 'scotiabank', en: 'Scotiabank', zh: '丰业银行', aliases: ['丰业银行', 'scotiabank', 'scotia\\s*bank'] },
  { id: 'bmo', en: 'BMO', zh: '蒙特利尔银行', aliases: ['蒙特利尔银行', 'bank\\s+of\\s+montreal', '\\bbmo\\b'] },
  { id: 'cibc', en: 'CIBC', zh: '加拿大帝国商业银行', aliases: ['加拿大帝国商业银行', '\\bcibc\\b'] },
  { id: 'revolut', en: 'Revolut', zh: 'Revolut', aliases: ['revolut'] },
  { id: 'monzo', en: 'Monzo', zh: 'Monzo', aliases: ['monzo'] },
  { id: 'wise', en: 'Wise', zh: 'Wise', aliases: ['wise\\s+(?:card|account|debit)', 'transferwise'] },
  { id: 'lloyds', en: 'Lloyds', zh: '劳埃德银行', aliases: ['劳埃德银行', 'lloyds(?:\\s+bank)?'] },
  { id: 'natwest', en: 'NatWest', zh: '国民西敏寺银行', aliases: ['国民西敏寺银行', 'natwest'] },
  { id: 'santander', en: 'Santander', zh: '桑坦德银行', aliases: ['桑坦德银行', 'santander'] },
  { id: 'ocbc', en: 'OCBC', zh: '华侨银行', aliases: ['华侨银行', '\\bocbc\\b'] },
  { id: 'uob', en: 'UOB', zh: '大华银行', aliases: ['大华银行', '\\buob\\b'] },
  { id: 'mufg', en: 'MUFG', zh: '三菱日联银行', aliases: ['三菱日联银行', '\\bmufg\\b'] },
  { id: 'pnc', en: 'PNC', zh: 'PNC银行', aliases: ['\\bpnc(?:\\s+bank)?\\b'] },
  { id: 'citizens', en: 'Citizens Bank', zh: '公民银行', aliases: ['citizens\\s+bank'] },
];

export const ISSUERS: readonly Issuer[] = DEFS.map(({ id, en, zh }) => ({ id, en, zh }));

// Matching ~60 issuers with one big alternation costs tens of µs per message, so each issuer
// gets its own regexes plus literal "keys" (the leading word of each alias); an issuer's
// regexes run only when one of its keys occurs in the lower-cased message.
interface CompiledIssuer {
  def: IssuerDef;
  keys: readonly string[] | null; // null: some alias has no usable literal, always test
  insensitive: RegExp | null;
  sensitive: RegExp | null;
}

function leadingLiteral(source: string): string | null {
  let s = source;
  for (;;) {
    const stripped = s.replace(/^\\b/, '').replace(/^\(\?<!(?:\[[^\]]*\]|[^)]*)\)/, '');
    if (stripped === s) break;
    s = stripped;
  }
  // Literal characters, escaped dots and mandatory spaces (\s+) make up the key.
  let key = '';
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const lit = /^[a-z\u4e00-\u9fff'\- ]/i.exec(rest);
    if (lit) {
      key += lit[0];
      i += 1;
    } else if (rest.startsWith('\\.')) {
      key += '.';
      i += 2;
    } else if (rest.startsWith('\\s+')) {
      key += ' ';
      i += 3;
    } else {
      break;
    }
  }
  // A quantifier right after the last character makes that character optional.
  if (/^[?*{]/.test(s.slice(i))) key = key.slice(0, -1);
  key = key.toLowerCase();
  return key.trim().length >= 2 ? key : null;
}

function compile(d: IssuerDef): CompiledIssuer {
  const all = [...d.aliases, ...(d.exact ?? [])];
  const keys: string[] = [];
  let always = false;
  for (const a of all) {
    const k = leadingLiteral(a);
    if (k === null) always = true;
    else keys.push(k);
  }
  // Longer aliases first so 中国工商银行 wins over a shorter alias of the same bank.
  const byLength = (xs: readonly string[]): string[] => [...xs].sort((a, b) => b.length - a.length);
  return {
    def: d,
    keys: always ? null : keys,
    insensitive: d.aliases.length > 0 ? new RegExp(byLength(d.aliases).join('|'), 'gi') : null,
    sensitive: d.exact && d.exact.length > 0 ? new RegExp(byLength(d.exact).join('|'), 'g') : null,
  };
}
const COMPILED: readonly CompiledIssuer[] = DEFS.map(compile);
/** Any issuer's key at all: most messages name no bank, and one search rules them all out. */
const ANY_KEY = new RegExp(
  [...new Set(COMPILED.flatMap((c) => c.keys ?? []))].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);

interface IssuerHit {
  index: number;
  length: number;
  def: IssuerDef;
}

function collectHits(re: RegExp | null, text: string, def: IssuerDef, out: IssuerHit[]): void {
  if (re === null) return;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) out.push({ index: m.index, length: m[0].length, def });
}

/** Answers that are just a bank's short name in lower case ("chase", "discover", "td"). */
const BARE_ANSWER = new Map<string, IssuerDef>();
for (const d of DEFS) {
  BARE_ANSWER.set(d.en.toLowerCase(), d);
  BARE_ANSWER.set(d.id, d);
}

// Asked "which bank?", people drop 银行 from national banks' names ("工商", "招商的", "建设的卡").
// City banks are left out: a bare "北京" is a place before it is 北京银行.
const ZH_SHORT_NAMES: Readonly<Record<string, string>> = {
  工商: 'icbc', 建设: 'ccb', 农业: 'abc', 交通: 'bocom', 招商: 'cmb', 邮政: 'psbc', 邮政储蓄: 'psbc', 中信: 'citic',
  光大: 'ceb', 民生: 'cmbc', 兴业: 'cib', 平安: 'pingan', 华夏: 'hxb', 广发: 'cgb', 浦发: 'spdb', 浙商: 'czb', 渤海: 'cbhb',
};
for (const [short, id] of Object.entries(ZH_SHORT_NAMES)) {
  const def = DEFS.find((d) => d.id === id);
  if (def) BARE_ANSWER.set(short, def);
}
const BARE_TAIL_ZH = /(?:银行)?(?:的)?(?:卡|信用卡|储蓄卡|借记卡)?(?:吧|啊|呀)?$/;

function bareIssuer(text: string): IssuerDef | undefined {
  const t = text.trim().replace(/[.!。！]+$/, '').toLowerCase();
  return BARE_ANSWER.get(t) ?? BARE_ANSWER.get(t.replace(BARE_TAIL_ZH, ''));
}

export function extractIssuer(text: string): Issuer | null {
  const bare = bareIssuer(text);
  const lower = text.toLowerCase();
  const all: IssuerHit[] = [];
  const anyKey = ANY_KEY.test(lower);
  for (const c of COMPILED) {
    if (c.keys !== null && (!anyKey || !c.keys.some((k) => lower.includes(k)))) continue;
    collectHits(c.insensitive, text, c.def, all);
    collectHits(c.sensitive, text, c.def, all);
  }
  if (bare && all.length === 0) return { id: bare.id, en: bare.en, zh: bare.zh };
  let best: IssuerHit | null = null;
  const intended = INTENDED_GATE.test(text);
  for (const h of all) {
    if (isNegated(text, h.index) || (intended && isIntendedOnly(text, h.index))) continue;
    if (best === null || h.index < best.index || (h.index === best.index && h.length > best.length)) best = h;
  }
  if (best === null) return null;
  const { id, en, zh } = best.def;
  return { id, en, zh };
}
