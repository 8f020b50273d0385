// Amounts of money in chat text (¥66, 12块8, 一千刷成一万, $450 instead of $45) as integer minor
// units with an ISO 4217 code, plus the role the wording gives each amount.

import { minorExponent as exponentOf, type Money, type MoneyMention, type MoneyRole } from '../types';
import { parseChineseNumber } from './chinese-numerals';

// ------------------------------------------------------------------------------ currencies

type CurrencyTable = readonly (readonly [string, string])[];

// Longer words first within the alternation so 港元 is not read as 元.
const SUFFIX_CURRENCIES: CurrencyTable = [
  ['hong kong dollars?|hk dollars?|港币|港元|港纸|hkd|hk\\$', 'HKD'],
  ['canadian dollars?|加元|加币|cad', 'CAD'],
  ['australian dollars?|澳元|澳币|aud', 'AUD'],
  ['singapore dollars?|新加坡元|新加坡币|新币|sgd', 'SGD'],
  ['new taiwan dollars?|taiwan dollars?|新台币|台币|twd|ntd', 'TWD'],
  ['澳门币|澳门元|patacas?|mop', 'MOP'],
  ['us dollars?|u\\.s\\. dollars?|american dollars?|美元|美金|美刀|刀|usd|dollars?|bucks?', 'USD'],
  ['欧元|euros?|eur|€', 'EUR'],
  ['英镑|pounds? sterling|pounds?|quid|gbp|£', 'GBP'],
  ['日元|日币|円|yen|jpy', 'JPY'],
  ['韩元|韩币|krw', 'KRW'],
  ['泰铢|thb|baht', 'THB'],
  ['瑞郎|瑞士法郎|chf', 'CHF'],
  ['人民币|块钱|块|元|圆|rmb|cny|yuan|kuai|¥', 'CNY'],
];
const PREFIX_CURRENCIES: CurrencyTable = [
  ['hk\\$|hkd|港币', 'HKD'],
  ['c\\$|ca\\$|cad', 'CAD'],
  ['a\\$|au\\$|aud', 'AUD'],
  ['s\\$|sgd', 'SGD'],
  ['nt\\$|twd', 'TWD'],
  ['mop\\$?', 'MOP'],
  ['us\\$|u\\.s\\.\\$|usd|\\$|美元|美金', 'USD'],
  ['€|eur', 'EUR'],
  ['£|gbp', 'GBP'],
  ['jpy|日元', 'JPY'],
  ['₩|krw', 'KRW'],
  ['฿|thb', 'THB'],
  ['chf', 'CHF'],
  ['¥|rmb|cny|人民币', 'CNY'],
];

function tableRegex(table: CurrencyTable, anchorEnd: boolean): RegExp {
  const alts = table.map(([src], i) => `(?<c${i}>${src})`).join('|');
  return anchorEnd
    ? new RegExp(`(?<![a-z])(?:${alts})\\s?$`, 'i')
    : new RegExp(`^\\s?(?:多|来|余)?\\s?(?:${alts})(?![a-z])`, 'i');
}
const PREFIX_RE = tableRegex(PREFIX_CURRENCIES, true);
const SUFFIX_RE = tableRegex(SUFFIX_CURRENCIES, false);

function currencyFrom(m: RegExpExecArray, table: CurrencyTable): string {
  const groups = m.groups ?? {};
  for (let i = 0; i < table.length; i++) {
    if (groups[`c${i}`] !== undefined) return (table[i] as readonly [string, string])[1];
  }
  return 'CNY';
}

// ---------------------------------------------------------------------------- number tokens

const ZH_START = '零〇一壹二两贰貳俩三叁參四肆五伍六陆陸七柒八捌九玖十拾';
const ZH_ALL = ZH_START + '百佰千仟万萬亿億';
// 一 ends a number only before another numeral, a money word, a particle or a non-Chinese
// character. Before anything else it starts a word (一直, 一共, 一下, 一起, 一样, 一次, 一笔…):
// "199块一直没退" is 199, not 199.10, and "预授权3000一直没解冻" is 3000, not 30001.
const ONE_AS_DIGIT = '一(?=$|[^\\u4e00-\\u9fff]|[零〇一二两三四五六七八九十百千万萬亿億块元圆毛角分钱多来余左整了吧啊呀呢的哦嘛啦呗么被])';
const ZH_CONTINUE = `[${ZH_ALL.replace('一', '')}]|${ONE_AS_DIGIT}`;
const ARABIC = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const NUMBER_RE = new RegExp(`(?:${ARABIC}|[${ZH_START}])(?:${ZH_CONTINUE}|\\d+(?:\\.\\d+)?)*`, 'g');

// 12块8, 两块一, 3块5毛: the jiao after 块/元, unless the digit starts a word or a count.
const JIAO_DIGIT = `[0-9]|[二两三四五六七八九]|${ONE_AS_DIGIT}`;
const JIAO_AFTER = new RegExp(
  `^(${JIAO_DIGIT})(?:毛|角)?(?:(${JIAO_DIGIT})分)?(?![0-9]|[零二两三四五六七八九十百千万]|${ONE_AS_DIGIT}|点|号|日|月|次|笔|遍|回|个|天|年|%)`,
);
const JIAO_ONLY = /^\s?(?:毛|角)钱?(?:([0-9]|[一二三四五六七八九])分?)?/;

// Units that make a bare number something other than money.
// 多/来/余 make a count approximate ("十多天", "二十来次"); the unit after them still decides.
const NOT_MONEY_AFTER = new RegExp(
  '^\\s?(?:多|来|余|几)?(?:次|笔|遍|回|下|个|张|人|位|天|日|号|月|年|周|星期|礼拜|小时|钟头|分钟|分|秒|点|时|岁|楼|层|路|公里|米|斤|克|件|份|杯|瓶|本|台|部|辆|倍|折|成|度|%|晚(?!上)|间|桌|套|双|盒|袋|箱|碗|盘|' +
    "times?\\b|x\\b|days?\\b|hours?\\b|hrs?\\b|minutes?\\b|mins?\\b|seconds?\\b|secs?\\b|weeks?\\b|months?\\b|years?\\b|yrs?\\b|am\\b|pm\\b|a\\.m|p\\.m|o'?clock|st\\b|nd\\b|rd\\b|th\\b|" +
    'people|persons?\\b|items?\\b|nights?\\b|guests?\\b|adults?\\b|kids?\\b|children\\b|tickets?\\b|bags?\\b|bottles?\\b|drinks?\\b|beers?\\b|meals?\\b|dishes\\b|plates?\\b|orders?\\b|seats?\\b|pairs?\\b|units?\\b|boxes\\b|gallons?\\b|lit(?:er|re)s?\\b|cards?\\b|attempts?\\b|tries\\b|transactions\\b|charges\\b|swipes?\\b|receipts?\\b|pcs\\b|pieces?\\b|percent|digits?\\b|numbers?\\b|km\\b|kg\\b|miles?\\b|lbs?\\b|floor\\b|rooms?\\b|ago\\b)',
  'i',
);
// Identifiers and card tails written before a number.
const NOT_MONEY_BEFORE = new RegExp(
  '(?:第|尾号|尾数|末尾|结尾|最后几位|后四位|后4位|末四位|末4位|最后四位|最后4位|编号|单号|订单号|号码|电话|手机|热线|拨打|参考号|凭证号|流水号|批次号|终端号|商户号|授权码|验证码|密码|安全码|版本|百分之|' +
    'ending(?: in| with)?|ends? (?:in|with)|ended(?: in| with)?|last (?:four|4)(?: digits?)?(?: (?:are|is|were|was))?|#|no\\.|number|call|phone|hotline|tel|reference|ref|rrn|voucher|trace|auth(?:orization)? code|order|invoice|version|cvv|pin|room|table|gate|flight|' +
    // "on Nov 3 for $89.99": a day of the month, not a price.
    '\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?)\\s*(?:是|为|:|-)?\\s*$',
  'i',
);
// A 一 the number did not take starts the next word (三千一直没退): the number ends before it.
const BARE_ZH_NUMERAL_NEXT = /^(?:$|[^\u4e00-\u9fff]|[了吧啊呀呢的多左来余整块元钱一])/;
const TIME_BEFORE = /\b(?:at|by|until|till|before|after|since)\s+$/i;

// ------------------------------------------------------------------------------------ cues

// Words allowed between a cue and its amount: 扣了我两次88, charged me twice 450.
const FILLER =
  '(?:\\s*(?:了我们|了我|给我|了|我们|我|你|他|她|都是|都|还|也|就|是|为|:|=|约|大概|大约|差不多|足足|整整|将近|近|' +
  '[0-9一二两三四五六七八九十]{1,2}\\s*(?:次|笔|遍|回)|twice|thrice|\\d+ times|two times|three times|' +
  'me|us|you|him|her|them|my card|the card|about|around|approximately|approx\\.?|roughly|like|almost|nearly|over|just|exactly|a total of|of|is|was|were|for))*\\s*';

function cue(words: string): RegExp {
  return new RegExp(`(?:${words})${FILLER}$`, 'i');
}
const CUE_DIFFERENCE = cue(
  '多扣了?|多收了?|多刷了?|多付了?|多划了?|多拿了?|多要了?|多算了?|少收了?|少扣了?|少刷了?|少付了?|少算了?|扣多了|收多了|刷多了|算多了|多出了?|多出来|差了|差额|差价|' +
    'overcharged(?: me)?(?: by)?|over-charged(?: me)?(?: by)?|undercharged(?: me)?(?: by)?|under-charged(?: me)?(?: by)?|difference(?: of| is| was)?|an extra|extra|additional|more by',
);
const CUE_EXPECTED = cue(
  // 实际加了/用了/花了: what was really consumed (a hold's completion), unlike 实际扣了 (charged).
  // What the customer signed for (签单的时候是480, "the slip I signed said $48") is what they
  // agreed to pay; a tip added afterwards makes the charge differ from it.
  '签(?:单|字|的单)?(?:的时候|时)?(?:是|写的是?|上是|上写的是?)|签单金额是?|签的(?:是|金额是?)|我签了|' +
    "(?:slip|receipt|check|bill) i signed(?: (?:said|says|showed|shows|was|read|reads))?|signed for|signed (?:the|a|my) (?:slip|receipt|check|bill) for|" +
    '实际(?:只)?(?:加|用|花|住|吃)了?|应该(?:是|收|付|扣|刷)?|应是|应当是|本来(?:是|该收|该付|应该)?|本该(?:收|付|是)?|本应是?|原本是?|原价是?|原来是|应付金额|应付|应收|实际应付|实际消费|标价是?|价格是|价钱是|明明是|明明只有|明明|只有|只消费了?|才|正确的?金额|正确的|实际金额|小票上(?:写的|显示的?)?|小票|账单上|菜单上|' +
    "should(?: have)? be(?:en)?|should've been|it should be|supposed to be|meant to be|ought to be|expected|" +
    // The price on the shelf or tag is what was due, whatever the terminal said.
    '(?:the )?(?:price tag|price label|price sticker|sticker price|shelf price|tag price|menu price|marked price|(?:the )?tag)(?: (?:was|is|said|says|showed|shows|read|reads))?|明码标价(?:是|为)?|价签(?:上)?(?:是|写的是?|显示的?)?|' +
    // What was booked or quoted is what was agreed: "the booking was 1.099,00 €", "报价是880".
    '(?:the )?(?:booking|reservation|quote|quoted price|room rate) (?:was|is|said|says)|quoted(?: me)?|booked (?:it )?(?:at|for)|预订价(?:格)?是?|订的时候是|报价(?:是|为)?|' +
    "the price was|price was|price is|priced at|listed at|the bill was|bill was|bill is|correct amount|real amount|actual amount|the total should(?: have)? be(?:en)?|instead of|rather than|not",
);
const CUE_CHARGED = cue(
  // The card slip and the terminal print what was charged: "签购单上是两千五".
  '(?:签购单|刷卡单|pos单|终端|pos机?|刷卡机)上?(?:的金额|金额)?(?:是|显示的?|显示|写的|打的|印的)|' +
    '(?:卡里|卡上|余额|账户里?|账上|银行卡里?)(?:的钱)?(?:少了|少|被扣了?|扣了)|实收了?|实付了?|实际支付了?|实际收了?|扣了|扣款|扣费|扣掉了?|扣走了?|扣|被扣了?|刷了卡|刷了|刷卡|刷|收了|收我|实扣|实际扣了?|扣成|刷成了?|打成了?|输成了?|按成了?|写成了?|弄成了?|变成了?|成了|每笔|每次|每回|每遍|各|(?:第?[一二两三四五六七八九十]|另一|又一)(?:次|笔)(?:是|扣了?)?|划走了?|划了|拿走了?|' +
    'charged|processed|a charge of|charge of|took|taken|billed|debited|deducted|rang(?: it)? up(?: as)?|rung up(?: as)?|keyed(?: in| it in| it as| it)?|typed(?: in)?|entered|put through|ran(?: it| my card)?|swiped|got charged|was charged|were charged|each|per charge|per transaction|every time|both',
);
const CUE_NEUTRAL = cue(
  '我是说|我说的是|我的意思是|只买了|买了|买的是|付了|付款|支付了?|付|花了|消费了?|金额|一共|总共|共计?|合计|总额|价格|退款|退了|退回了?|退还了?|退|预授权|冻结了?|到账了?|入账了?|交易金额|消费金额|账单|' +
    'i meant|i mean|meant|came to|comes to|come to|paid|pay|payment of|payment|amount(?: of)?|total(?: of)?|cost|costs|spent|purchase of|bill(?: of)?|hold of|pending|preauth(?:orization)?(?: of)?|refund(?:ed)?(?: of)?|refund me|credit of|worth|balance of|sum of|price',
);
const CUE_NOT = /(?:不是|而不是|not|rather than)\s*$/i;
// "35元刷成了350", and with the sale named in between: "一笔35元的单输成了350元", "35块的账打成了".
const PAIR_EXPECTED_FIRST =
  /^\s?(?:的(?:单子?|账单?|那笔|这笔|一笔|消费|交易|货|东西|款))?(?:被?(?:刷|打|输|按|写|弄|扣|算|收|敲)(?:错)?成了?|变成了?|keyed as|rung up as|rang up as|entered as|typed as|became|turned into)/i;
const PAIR_CHARGED_FIRST = /^\s?(?:instead of|rather than|而不是|不是)/i;
// "I rang up $8.99 as $89.90", "keyed 35 as 350": after a keying verb, "X as Y" means Y went
// through instead of X. Only with an amount right after "as" ("entered $20 as the tip" is not).
const KEYING_BEFORE =
  /\b(?:rang|rung|ring|rings|ringing|keyed|key|keys|keying|entered|enter|typed|type|punched|punch|input|inputted|put|processed|process|ran|run|charged|charge|billed|bill)\b[^.!?;,，。]{0,40}$/i;
const AS_AMOUNT_AFTER =
  /^\s?(?:(?:by mistake|accidentally|wrongly|incorrectly|in error)\s+)?as\s+(?:(?:a|an)\s+)?(?:[$€£¥฿₩]|[a-z]{1,3}\$|(?:hkd|usd|eur|gbp|cny|rmb|jpy|sgd|aud|cad|thb)\s?\d|\d)/i;
// "吃饭158被扣了1580": a price followed straight by what was taken instead (without its own verb
// before it; "扣了88又扣了88" is two charges).
const TAKEN_NEXT =
  /^\s?(?:却|但是?|结果|竟然|居然|然后)?\s?被?(?:扣|刷|收|划)(?:走|掉)?了?(?:我)?\s?(?=[0-9零一二两三四五六七八九十¥$])/;
// "$5 more than the slip", "charged 5 more.": an amount "more" states the gap, not a price. Not
// "2 more charges", where "more" counts.
const SUFFIX_DIFFERENCE =
  /^\s?(?:extra|too much|too many|more(?= than\b|\s*[,.!?;，。]|\s*$| on\b| for\b| in total\b)|higher than|over\b|多了)/i;
// 多了50块, 贵了30: the gap, with no verb saying who took it. Only a few fillers: in "多了一笔50块"
// the amount is the extra charge itself.
const CUE_DIFFERENCE_BARE = /(?:多了|贵了|高了|多花了|多出|超了|超出了?)(?:\s*(?:我|足足|整整|大概|大约|约|将近|差不多))*\s*$/;
const SUFFIX_CHARGED =
  /^\s?(?:(?:was|were|got|been|has been|had been)\s+)?(?:taken|charged|deducted|debited|withdrawn|removed|gone)\b|^\s?(?:each|apiece|a piece|per charge|each time|被扣|被刷|被划走|扣掉了|被扣掉)/i;
// "a 89.99 charge", "an $18 transaction": one charge, not a count of them.
const SUFFIX_ONE_CHARGE = /^\s?(?:charge|transaction|debit|payment|deduction)\b(?!s)/i;
const ARTICLE_BEFORE = /\b(?:a|an|one|the|that|this)\s+$/i;
// "不是980，是890": what comes after 是 replaces the amount before it.
const DENIED_BEFORE = /不是\s*$/;
const REPLACED_BETWEEN = /^\s*,?\s*(?:而|其实|实际上?|应该|应当)?(?:是|为)\s*$/;
// "1850应该是1580", "1850不对，应该是1580", "$150 should be $15": the amount said to be wrong, with
// no word of its own, is what was charged (the next one is what it should have been).
const SHOULD_BE_BETWEEN = /^\s*[,，]?\s*(?:(?:不对|错了)\s*[,，]?\s*)?(?:应该|应当|应)(?:是|为)\s*$|^\s*,?\s*should (?:be|have been)\s*$/i;
// "paid €35.50 for a €3.55 pastry": the second amount is the item's price.
const FOR_ITEM_BETWEEN = /^\s*for\s+(?:(?:a|an|the|my|our|one|his|her|their)\s+)?$/i;
const SUFFIX_EXPECTED = /^\s?(?:才对|是对的|is correct|was correct|is right|was the right)/i;
// Words that give a role from further back in the clause ("扣了两次，66元" is still charged).
const CLAUSE_DIFFERENCE = /多扣|多收|多刷|多付|少收|少扣|少刷|少付|overcharg|undercharg/i;
const CLAUSE_EXPECTED = /应该|本来|原价|should|supposed to|meant to/i;
const CLAUSE_CHARGED = /扣|刷|收了|charged|billed|debited|deducted|took|rang up|keyed/i;

// ------------------------------------------------------------------------------- scanning

interface Candidate {
  start: number; // including a currency prefix
  end: number; // including currency suffix and jiao/fen
  numStart: number;
  numEnd: number;
  minor: number; // in the minor units of `currency`, or of the default currency when implicit
  currency: string | null; // null: no currency written
  strong: boolean; // looks like money by itself (五万, 1,234.56)
  cents: boolean; // written with exactly two decimals (4.50): a price when money is being talked about
  denied: boolean; // "不是980，是890": the amount being taken back, not one the message states
  role: MoneyRole;
  cue: boolean; // a money cue stands next to it
  pairExpectedFirst: boolean;
  pairChargedFirst: boolean;
}

function decimalToMinor(s: string, exp: number): number {
  const [intPart = '0', frac = ''] = s.replace(/,/g, '').split('.');
  let minor = Number(intPart) * 10 ** exp;
  if (exp > 0) minor += Number((frac + '0'.repeat(exp)).slice(0, exp));
  const next = frac.charCodeAt(exp);
  if (next >= 53 && next <= 57) minor += 1; // round half up on the first dropped digit
  return minor;
}

function numberToMinor(raw: string, exp: number): number | null {
  if (/^[\d,]+(?:\.\d+)?$/.test(raw)) return decimalToMinor(raw, exp);
  const value = parseChineseNumber(raw);
  if (value === null) return null;
  return Math.round(value * 10 ** exp);
}

function zhDigit(ch: string): number {
  const v = parseChineseNumber(ch);
  return v === null ? 0 : v;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

function scan(text: string, defaultCurrency: string): Candidate[] {
  const out: Candidate[] = [];
  let consumed = 0; // 12块8: the 8 belongs to the amount before it
  NUMBER_RE.lastIndex = 0;
  for (const m of text.matchAll(NUMBER_RE)) {
    const raw = m[0];
    const numStart = m.index;
    if (numStart < consumed) continue;
    let numEnd = numStart + raw.length;
    // A number glued to a date/time/card separator is part of something else.
    const prev = text[numStart - 1];
    const prev2 = text[numStart - 2];
    if (prev === '*' || ((prev === '-' || prev === '/' || prev === ':' || prev === '.') && /\d/.test(prev2 ?? ''))) continue;
    if (/^[-/:]\d/.test(text.slice(numEnd, numEnd + 2))) continue;
    if (/^\.\d/.test(text.slice(numEnd, numEnd + 2))) continue;
    if (/[xX]/.test(prev ?? '') && !isWordChar(prev2)) continue; // x2
    if (/^\d{10,}/.test(raw.replace(/,/g, ''))) continue; // phone, RRN, merchant id

    let after = text.slice(numEnd, numEnd + 24);
    let multiplier = 1;
    const k = /^[kK](?![A-Za-z])/.exec(after);
    if (k && /\d$/.test(raw)) {
      multiplier = 1000;
      numEnd += 1;
      after = text.slice(numEnd, numEnd + 24);
    }

    // Currency before the number.
    const beforeSlice = text.slice(Math.max(0, numStart - 16), numStart);
    const pre = PREFIX_RE.exec(beforeSlice);
    let currency: string | null = pre ? currencyFrom(pre, PREFIX_CURRENCIES) : null;
    const start = pre ? numStart - pre[0].length : numStart;
    if (!pre && isWordChar(prev)) continue; // A380, iPhone15

    // Currency after the number, then 角/分 after 块/元.
    let end = numEnd;
    let jiao = 0;
    let fen = 0;
    let jiaoUnitOnly = false;
    const suf = SUFFIX_RE.exec(after);
    if (suf) {
      const sufCurrency = currencyFrom(suf, SUFFIX_CURRENCIES);
      if (currency === null || currency === sufCurrency || (currency === 'USD' && sufCurrency !== 'CNY')) {
        currency = currency === 'USD' && sufCurrency !== 'USD' ? sufCurrency : (currency ?? sufCurrency);
        end = numEnd + suf[0].length;
        const word = suf[0].trim();
        // 两块蛋糕 counts cakes; 一块去 means "together".
        if (word === '块' && /[\u4e00-\u9fff]/.test(raw) && /^[蛋糕面肉地砖石表巧布糖饼牌屏玻去儿吃走玩来做住干板]/.test(text.slice(end, end + 1))) continue;
        if (word === '元' && /^[旦宵]/.test(text.slice(end, end + 1))) continue;
        if (/^(?:块|元|圆|块钱)$/.test(word)) {
          const j = JIAO_AFTER.exec(text.slice(end, end + 8));
          if (j && word !== '块钱') {
            jiao = /\d/.test(j[1] as string) ? Number(j[1]) : zhDigit(j[1] as string);
            if (j[2] !== undefined) fen = /\d/.test(j[2]) ? Number(j[2]) : zhDigit(j[2]);
            end += j[0].length;
          }
        }
      }
    } else if (currency === null || currency === 'CNY') {
      const j = JIAO_ONLY.exec(after);
      if (j) {
        currency = 'CNY';
        jiaoUnitOnly = true;
        if (j[1] !== undefined) fen = /\d/.test(j[1]) ? Number(j[1]) : zhDigit(j[1]);
        end = numEnd + j[0].length;
      }
    }

    const effective = currency ?? defaultCurrency;
    const exp = exponentOf(effective);
    let minor = numberToMinor(raw, exp);
    if (minor === null) continue;
    minor *= multiplier;
    if (jiaoUnitOnly) {
      minor = Math.round(minor / 10) + fen * (exp >= 2 ? 10 ** (exp - 2) : 0);
    } else if (jiao || fen) {
      minor += jiao * (exp >= 1 ? 10 ** (exp - 1) : 0) + fen * (exp >= 2 ? 10 ** (exp - 2) : 0);
    }
    if (!(minor > 0) || minor > 1e13) continue;
    // 一共, 一起, 一样, 三星: a bare Chinese numeral glued to a word is part of that word.
    if (
      currency === null &&
      !/\d/.test(raw) &&
      !BARE_ZH_NUMERAL_NEXT.test(text.slice(numEnd, numEnd + 1)) &&
      !PAIR_EXPECTED_FIRST.test(text.slice(numEnd, numEnd + 12))
    ) {
      continue;
    }

    if (currency === null) {
      if (NOT_MONEY_AFTER.test(after)) continue;
      if (NOT_MONEY_BEFORE.test(beforeSlice)) continue;
      if (TIME_BEFORE.test(beforeSlice) && /^\d{1,2}$/.test(raw)) continue;
    }
    const strong = /[万萬亿億]/.test(m[0]) || /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(m[0]);
    consumed = end;
    out.push({
      start,
      end,
      numStart,
      numEnd,
      minor,
      currency,
      strong,
      cents: /^\d+\.\d{2}$/.test(raw),
      denied: false,
      role: null,
      cue: false,
      pairExpectedFirst: PAIR_EXPECTED_FIRST.test(text.slice(end, end + 16)),
      pairChargedFirst: PAIR_CHARGED_FIRST.test(text.slice(end, end + 14)),
    });
  }
  return out;
}

function prefixRole(before: string): { role: MoneyRole; cue: boolean } {
  if (CUE_DIFFERENCE.test(before) || CUE_DIFFERENCE_BARE.test(before)) return { role: 'difference', cue: true };
  if (CUE_NOT.test(before)) return { role: null, cue: true };
  if (CUE_EXPECTED.test(before)) return { role: 'expected', cue: true };
  if (CUE_CHARGED.test(before)) return { role: 'charged', cue: true };
  if (CUE_NEUTRAL.test(before)) return { role: null, cue: true };
  return { role: null, cue: false };
}

/** "rang up $8.99 as $89.90", "158被扣了1580": this amount was due and the next one was taken. */
function startsPairAfter(text: string, c: Candidate, ownRole: MoneyRole): boolean {
  const after = text.slice(c.end, c.end + 28);
  if (ownRole === null && TAKEN_NEXT.test(after)) return true;
  return AS_AMOUNT_AFTER.test(after) && KEYING_BEFORE.test(text.slice(Math.max(0, c.start - 48), c.start));
}

function clauseRole(text: string, from: number, to: number): MoneyRole {
  const clause = text.slice(from, to).split(/[，,。.;；!！?？]/).pop() ?? '';
  if (CLAUSE_DIFFERENCE.test(clause)) return 'difference';
  if (CLAUSE_EXPECTED.test(clause)) return 'expected';
  if (CLAUSE_CHARGED.test(clause)) return 'charged';
  return null;
}

// "€12,50", "12,50 EUR", "1.299,00 €", "€1.299": much of Europe writes the decimal separator as
// a comma and groups thousands with dots. Read so only next to a euro or franc sign, and only with
// exactly two digits after the comma (1,234 stays a thousand) or three-digit groups after each
// dot (12.80 stays twelve eighty). Dots and commas swap places: the same length, so every span
// found stays valid.
const EURO_GATE = /€|eur|chf/i;
const EU_NUMBER = '\\d{1,3}(?:\\.\\d{3})+(?:,\\d{2})?|\\d{1,6},\\d{2}';
const EURO_NUMBER = new RegExp(
  `((?:€|\\beur|\\bchf)\\s?)(${EU_NUMBER})(?!\\d|[.,]\\d)|(?<![\\d,.])(${EU_NUMBER})(?=\\s?(?:€|eur\\b|euros?\\b|chf\\b))`,
  'gi',
);

const swapSeparators = (n: string): string => n.replace(/[.,]/g, (ch) => (ch === '.' ? ',' : '.'));

function europeanDecimals(text: string): string {
  return text.replace(EURO_NUMBER, (whole: string, pre?: string, a?: string, b?: string) =>
    pre !== undefined && a !== undefined ? pre + swapSeparators(a) : b !== undefined ? swapSeparators(b) : whole,
  );
}

function resolve(raw: string, defaultCurrency: string): Candidate[] {
  const text = EURO_GATE.test(raw) ? europeanDecimals(raw) : raw;
  const cands = scan(text, defaultCurrency);
  const kept: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as Candidate;
    const prevEnd = i > 0 ? (cands[i - 1] as Candidate).end : 0;
    const before = text.slice(Math.max(prevEnd, c.start - 24), c.start);
    const after = text.slice(c.end, c.end + 24);
    const p = prefixRole(before);
    c.cue = p.cue;
    let role = p.role;
    if (SUFFIX_DIFFERENCE.test(after)) {
      role = 'difference';
      c.cue = true;
    } else if (
      role === null &&
      SUFFIX_ONE_CHARGE.test(after) &&
      (c.currency !== null || /\./.test(text.slice(c.numStart, c.numEnd)) || ARTICLE_BEFORE.test(before))
    ) {
      role = 'charged';
      c.cue = true;
    } else if (role === null && SUFFIX_CHARGED.test(after)) {
      role = 'charged';
      c.cue = true;
    } else if (role === null && SUFFIX_EXPECTED.test(after)) {
      role = 'expected';
      c.cue = true;
    }
    if (p.role !== 'expected' && p.role !== 'difference' && startsPairAfter(text, c, p.role)) c.pairExpectedFirst = true;
    if (c.pairExpectedFirst || c.pairChargedFirst) c.cue = true;
    if (role === null && (c.currency !== null || c.strong || c.cue)) {
      role = clauseRole(text, Math.max(prevEnd, c.start - 32), c.start);
    }
    c.role = role;
    kept.push(c);
  }
  // Pairs: "A刷成B" (A expected, B charged) and "X instead of Y" (X charged, Y expected).
  for (let i = 0; i + 1 < kept.length; i++) {
    const a = kept[i] as Candidate;
    const b = kept[i + 1] as Candidate;
    const between = text.slice(a.end, b.start);
    if (between.length > 20) continue; // "$20 accidentally as $200"
    if (a.pairExpectedFirst) {
      a.role = 'expected';
      b.role = 'charged';
      a.cue = b.cue = true;
    } else if (a.pairChargedFirst && a.role !== 'expected') {
      // "应该是1580不是1850" keeps its 应该是: the amount after 不是 is then the charge (below).
      a.role = 'charged';
      b.role = 'expected';
      a.cue = b.cue = true;
    } else if (a.role === 'expected' && CUE_NOT.test(between)) {
      b.role = 'charged';
      b.cue = true;
    } else if (a.role === null && b.role === 'expected' && SHOULD_BE_BETWEEN.test(between)) {
      a.role = 'charged';
      a.cue = true;
    } else if (REPLACED_BETWEEN.test(between) && DENIED_BEFORE.test(text.slice(Math.max(0, a.start - 6), a.start))) {
      a.denied = true;
      b.role = a.role;
      b.cue = true;
    } else if (a.role !== 'expected' && a.role !== 'difference' && b.role === null && FOR_ITEM_BETWEEN.test(between)) {
      a.role = 'charged';
      b.role = 'expected';
      a.cue = b.cue = true;
    }
  }
  return withTipOnBill(text, withChargeAgainstPrice(withContrastedCharge(text, kept)));
}

/**
 * "charge my card 1,450 HKD … price tag was 6,200 baht": with one amount named as the price and
 * one other written as money with nothing said about it, the other one is what was charged.
 */
function withChargeAgainstPrice(cands: Candidate[]): Candidate[] {
  const live = cands.filter((c) => !c.denied);
  if (live.length !== 2 || !live.some((c) => c.role === 'expected')) return cands;
  const other = live.find((c) => c.role !== 'expected');
  if (other === undefined || other.role !== null || other.cue || (other.currency === null && !other.strong)) return cands;
  other.role = 'charged';
  return cands;
}

// "her slip says $62 total but we processed $72": an amount set against a charged one with "but"
// is what it should have been. Only an amount with no cue of its own ("I paid $50 but…" stays).
const BUT_BETWEEN = /^[^.!?。！？]{0,40}?(?:\bbut\b|\bhowever\b|\byet\b|但是?|可是|结果|却)/i;

function withContrastedCharge(text: string, cands: Candidate[]): Candidate[] {
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i] as Candidate;
    const b = cands[i + 1] as Candidate;
    if (a.role !== null || a.cue || b.role !== 'charged' || a.currency === null) continue;
    if (BUT_BETWEEN.test(text.slice(a.end, b.start))) a.role = 'expected';
  }
  return cands;
}

// "a $10 tip on a $50 bill", "a $50 bill plus a $10 tip": what was due is the two together.
const TIP_THEN_BILL = /^\s*(?:tip|gratuity)\s+(?:on|for)\s+(?:a|an|the|my|our)?\s*$/i;
const BILL_WORD = /^\s*(?:bill|check|tab|meal|dinner|lunch|breakfast|order|total)\b/i;
const BILL_THEN_TIP = /^\s*(?:bill|check|tab|meal|dinner|lunch|breakfast|order)\s+(?:plus|and|with|\+)\s+(?:a|an|the|my)?\s*$/i;
const TIP_WORD = /^\s*(?:tip|gratuity)\b/i;

function isTipAndBill(text: string, a: Candidate, b: Candidate): boolean {
  const between = text.slice(a.end, b.start);
  const after = text.slice(b.end, b.end + 12);
  return (TIP_THEN_BILL.test(between) && BILL_WORD.test(after)) || (BILL_THEN_TIP.test(between) && TIP_WORD.test(after));
}

function withTipOnBill(text: string, cands: Candidate[]): Candidate[] {
  if (!/\b(?:tip|gratuity)\b/i.test(text)) return cands;
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i] as Candidate;
    const b = cands[i + 1];
    if (b === undefined || a.currency !== b.currency || !isTipAndBill(text, a, b)) {
      out.push(a);
      continue;
    }
    out.push({ ...a, end: b.end, numEnd: b.numEnd, minor: a.minor + b.minor, role: 'expected', cue: true, cents: false });
    i++;
  }
  return out;
}

function isMoney(c: Candidate, all: readonly Candidate[]): boolean {
  if (c.denied) return false;
  if (c.currency !== null || c.strong || c.cue) return true;
  // "charged me forty-five bucks but the sandwich was 4.50": a price written with cents, next to
  // an amount with a currency, is money in the same currency.
  if (c.cents && all.some((o) => o !== c && o.currency !== null)) return true;
  // The other side of a pair written with a currency makes this one money too.
  return all.some((o) => o !== c && o.currency !== null && (o.pairChargedFirst || o.pairExpectedFirst) && Math.abs(o.end - c.start) < 16);
}

/**
 * "paid 15 euros and they took 150": an amount without a currency takes the one currency
 * written elsewhere in the same message; with none or several, the default applies.
 */
function impliedCurrency(cands: readonly Candidate[], defaultCurrency: string): string {
  let seen: string | null = null;
  for (const c of cands) {
    if (c.currency === null) continue;
    if (seen !== null && seen !== c.currency) return defaultCurrency;
    seen = c.currency;
  }
  return seen ?? defaultCurrency;
}

function toMention(c: Candidate, implied: string, defaultCurrency: string): MoneyMention {
  if (c.currency !== null || implied === defaultCurrency) {
    return { value: { minor: c.minor, currency: c.currency ?? defaultCurrency }, role: c.role };
  }
  // The minor units were computed with the default currency's exponent; redo them for JPY & co.
  const shift = exponentOf(implied) - exponentOf(defaultCurrency);
  const minor = shift === 0 ? c.minor : Math.round(c.minor * 10 ** shift);
  return { value: { minor, currency: implied }, role: c.role };
}

// Which way a stated difference goes: 少收了50 is short of the price, 多扣了50 over it.
const UNDER_WORDS = /少(?:收|扣|刷|付|算)|under-?charg|too little|less\b|便宜/i;
const OVER_WORDS = /多|贵|高了|超|over-?charg|extra|too much|more\b|additional|higher/i;

function differenceSign(text: string, c: Candidate): 1 | -1 | 0 {
  const around = text.slice(Math.max(0, c.start - 18), c.start) + text.slice(c.end, c.end + 14);
  if (UNDER_WORDS.test(around)) return -1;
  return OVER_WORDS.test(around) ? 1 : 0;
}

/**
 * "扣了530，多扣了50": one amount and the gap give the other one (480 was the price). Only when
 * exactly one of the two is stated, nothing else is left unplaced, and the direction is clear.
 */
function withDerivedAmount(text: string, money: readonly Candidate[], mentions: MoneyMention[]): MoneyMention[] {
  const diffs = mentions.filter((m) => m.role === 'difference');
  const known = mentions.filter((m) => m.role === 'charged' || m.role === 'expected');
  if (diffs.length !== 1 || known.length !== 1 || mentions.length !== 2) return mentions;
  const diff = diffs[0] as MoneyMention;
  const base = known[0] as MoneyMention;
  const sign = differenceSign(text, money[mentions.indexOf(diff)] as Candidate);
  if (sign === 0 || diff.value.currency !== base.value.currency) return mentions;
  // charged = expected + sign·diff
  const minor = base.role === 'charged' ? base.value.minor - sign * diff.value.minor : base.value.minor + sign * diff.value.minor;
  if (minor <= 0) return mentions;
  const role: MoneyRole = base.role === 'charged' ? 'expected' : 'charged';
  return [...mentions, { value: { minor, currency: base.value.currency }, role }];
}

export function extractMoney(text: string, defaultCurrency: string): MoneyMention[] {
  const cands = resolve(text, defaultCurrency);
  const money = cands.filter((c) => isMoney(c, cands));
  const implied = impliedCurrency(money, defaultCurrency);
  const mentions = money.map((c) => toMention(c, implied, defaultCurrency));
  return mentions.some((m) => m.role === 'difference') ? withDerivedAmount(text, money, mentions) : mentions;
}

/**
 * The amount in an answer to "how much?": a bare number counts as money here. Returns null when
 * the message holds no amount or several different ones.
 */
export function parseMoneyAnswer(text: string, defaultCurrency: string): Money | null {
  return readMoneyAnswer(text, defaultCurrency)?.value ?? null;
}

/** parseMoneyAnswer, and whether the currency is only the default because none was written. */
export function readMoneyAnswer(text: string, defaultCurrency: string): { value: Money; unmarked: boolean } | null {
  const cands = resolve(text, defaultCurrency);
  const money = cands.filter((c) => isMoney(c, cands));
  const pool = money.length > 0 ? money : cands;
  if (pool.length === 0) return null;
  const implied = impliedCurrency(pool, defaultCurrency);
  const first = toMention(pool[0] as Candidate, implied, defaultCurrency).value;
  const same = pool.every((c) => sameMoney(toMention(c, implied, defaultCurrency).value, first));
  return same ? { value: first, unmarked: pool.every((c) => c.currency === null) } : null;
}

/** The same amount in the same currency. */
export const sameMoney = (a: Money, b: Money): boolean => a.minor === b.minor && a.currency === b.currency;

/** Where the amounts are, so other extractors (dates, times) can ignore those digits. */
export function findMoneySpans(text: string, defaultCurrency: string): { start: number; end: number }[] {
  const cands = resolve(text, defaultCurrency);
  return cands.filter((c) => isMoney(c, cands)).map((c) => ({ start: c.start, end: c.end }));
}
