// Short digit entities of a mis-swipe case: the card's last four digits, how many times it was
// charged, and the reference (RRN) or voucher/trace number printed on the slip.

import { parseChineseNumber } from './chinese-numerals';

const ZH_DIGIT_VALUE: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4',
  五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
const ZH_DIGIT = '[零〇洞一幺二两三四五六七八九]';

function toAsciiDigits(s: string): string {
  let out = '';
  for (const ch of s) if (ch !== ' ' && ch !== '-') out += ZH_DIGIT_VALUE[ch] ?? ch;
  return out;
}

// ---------------------------------------------------------------------------------- last 4

// Four digits, also spelled out one by one as people read them off a card ("8 8 6 6").
const FOUR = `(\\d{4}|\\d(?:[ -]\\d){3}|${ZH_DIGIT}{4})(?![\\d.,]\\d|\\d|${ZH_DIGIT}|[ -]\\d)`;
const LAST4_PATTERNS: readonly RegExp[] = [
  // 尾号1024, 卡号后四位:2048, 后4位是0937, 末四位 1234, 卡号最后四位是5566
  new RegExp(
    `(?:尾号|尾数|尾码|末四位|末4位|后四位|后4位|最后四位|最后4位|最后的四位|尾四位|尾4位|末尾|结尾|最后几位)(?:数字|号码|数|几位)?\\s*(?:是|为|:|=|-)?\\s*(?:是)?\\s*${FOUR}`,
  ),
  // ending 8192, ends in 4412, ended 7710, ending with 1234
  new RegExp(`\\b(?:ending|ends|ended|endin)\\s*(?:in|with|on|at)?\\s*(?:[#:=-]\\s*)?${FOUR}`, 'i'),
  // last four 1234, last 4 digits are 5678, last 4 of my card: 1234
  new RegExp(
    `\\blast\\s*(?:four|4)(?:\\s*(?:digits?|numbers?|nums?|nos?\\.?|#s?))?` +
      `(?:\\s+(?:of|on|from)\\s+(?:(?:my|the|his|her|their|our|your|this|that|customer'?s?)\\s+)?(?:card|account|acct|visa|mastercard|debit|credit|amex)(?:\\s+(?:card|number|no\\.?))?)?` +
      `\\s*(?:(?:are|is|were|was|r|=|:|-)\\s*)?${FOUR}`,
    'i',
  ),
  // ****0128 (what redaction leaves), xxxx-xxxx-xxxx-1234
  new RegExp(`(?:(?:\\*{2,}|[xX•]{4})[\\s-]*){1,4}(\\d{4})(?!\\d)`),
];
// An amount, a year or a time right after the digits means they are not a card's tail.
const NOT_LAST4_AFTER = /^\s*(?:元|块|圆|美元|港币|dollars?|bucks|usd|rmb|hkd|cny|eur|%|年|月|号|日|点|[:.]\d)/i;

export function extractLast4(text: string): string | null {
  let best: { index: number; digits: string } | null = null;
  for (const re of LAST4_PATTERNS) {
    const m = re.exec(text);
    if (!m || m[1] === undefined) continue;
    const end = m.index + m[0].length;
    if (NOT_LAST4_AFTER.test(text.slice(end, end + 6))) continue;
    if (best === null || m.index < best.index) best = { index: m.index, digits: toAsciiDigits(m[1]) };
  }
  return best?.digits ?? null;
}

const DIGIT_RUNS = /\d+/g;
const MONEY_OR_TIME_BEFORE = /(?:[$¥€£]|usd|rmb|hkd|[:.])\s*$/i;
const ONLY_ZH_DIGITS = new RegExp(`^(?:是|就是)?(${ZH_DIGIT}{4})(?:吧|啊|呀|的)?$`);
/** "5 5 2 1" as the whole answer: four single digits read out one by one. */
const SPACED_FOUR = /^[^\d]{0,12}?(?<!\d[ -]?)(\d(?:[ -]\d){3})(?![ -]?\d)[^\d]{0,6}$/;

// "four four one two", "four-four-one-two", "double four one two": the digits read out in words.
const DIGIT_WORD_VALUE: Readonly<Record<string, string>> = {
  zero: '0', oh: '0', o: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const DIGIT_WORD = '(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)';
const SPOKEN_RUN = new RegExp(`\\b(?:(?:double|triple)[\\s-]+)?${DIGIT_WORD}(?:[\\s,-]+(?:(?:double|triple)[\\s-]+)?${DIGIT_WORD})*\\b`, 'gi');
/** Cheap gate for parse.ts: two digit words in a row. */
export const HAS_SPOKEN_DIGITS = new RegExp(`\\b(?:double|triple|${DIGIT_WORD})[\\s,-]+${DIGIT_WORD}\\b`, 'i');
// "last four" names the field; its "four" is no digit.
const LAST_FOUR_WORDS = /\blast[\s-]+four\b/gi;

function spokenRunDigits(run: string): string {
  let out = '';
  let repeat = 1;
  for (const word of run.toLowerCase().split(/[\s,-]+/)) {
    if (word === 'double' || word === 'triple') {
      repeat = word === 'double' ? 2 : 3;
      continue;
    }
    out += (DIGIT_WORD_VALUE[word] ?? '').repeat(repeat);
    repeat = 1;
  }
  return out;
}

/** The one run of exactly four digit words in a message with no digits in it, as digits. */
function spokenLast4(text: string): string | null {
  if (/\d/.test(text) || !HAS_SPOKEN_DIGITS.test(text)) return null;
  const runs = text.replace(LAST_FOUR_WORDS, ' ').match(SPOKEN_RUN) ?? [];
  const read = runs.map(spokenRunDigits).filter((d) => d.length > 1);
  return read.length === 1 && read[0]?.length === 4 ? read[0] : null;
}

export function parseLast4Answer(text: string): string | null {
  const explicit = extractLast4(text);
  if (explicit) return explicit;
  const spoken = spokenLast4(text);
  if (spoken !== null) return spoken;
  const runs = text.match(DIGIT_RUNS);
  const spaced = SPACED_FOUR.exec(text);
  if (spaced?.[1] !== undefined) return toAsciiDigits(spaced[1]);
  if (runs === null) {
    const zh = ONLY_ZH_DIGITS.exec(text.replace(/[\s,.!?。，！？~]/g, ''));
    return zh?.[1] ? toAsciiDigits(zh[1]) : null;
  }
  const only = runs[0];
  if (runs.length !== 1 || only === undefined || only.length !== 4) return null;
  const index = text.search(/\d{4}/);
  const after = text.slice(index + 4, index + 10);
  if (NOT_LAST4_AFTER.test(after)) return null;
  if (MONEY_OR_TIME_BEFORE.test(text.slice(Math.max(0, index - 4), index))) return null;
  return only;
}

// ----------------------------------------------------------------------------------- count

const WORD_COUNTS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  once: 1, twice: 2, thrice: 3, double: 2, triple: 3,
};
const MAX_COUNT = 50;
// Small Chinese counts only: a longer numeral before 次 is an amount or a typo, not a count.
const ZH_COUNT = '(?:[1-9]\\d?|十[一二三四五六七八九]?|[二三四五]十[一二三四五六七八九]?|[一二两三四五六七八九俩])';

interface CountMention {
  index: number;
  value: number;
  tier: number; // 1: the wording is about being charged; 2: swipes/neutral; 3: attempts
}

const ZH_COUNT_RE = new RegExp(`(?<![第每这那上下前后同0-9几])(${ZH_COUNT})\\s*(笔|次|遍|回)(?!性|日|方|元|要|数)`, 'g');
const ZH_SWIPE_TIMES_RE = new RegExp(`(?:刷|扣|按|碰|挥|拍)了?(${ZH_COUNT})下`, 'g');
// The digits of an amount are never a count ("two £12.40 charges" is 2, not 40), and an amount
// may stand between the count and its noun.
const EN_COUNT_RE =
  /(?<![\d.,$€£¥])\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:(?:separate|identical|duplicate|different|same|pending|posted|similar|extra|additional|seperate)\s+)?(?:(?:[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:dollars?|euros?|pounds?|usd|gbp|eur|rmb|yuan))\s+)?(times|x\b|charges|transactions|debits|swipes|payments|deductions|holds|time(?=\s|$|[,.!?;]))\b/gi;
const EN_TWICE_RE = /\b(twice|thrice)\b/gi;
const EN_ONCE_RE = /\b(?:only|just|charged|swiped|tapped|paid|billed|inserted|ran|debited|went through)\s+(?:(?:me|it|us|the card)\s+)?(once)\b/gi;
const EN_DOUBLE_RE =
  /\b(double|triple)[- ]?(?:charged|charge|charging|billed|billing|swiped|dipped|debited|tapped|deducted)\b|\bcharged\s+(?:me\s+)?(double|triple)\b|\b(duplicate)\s+(?:charge|transaction|payment|debit|deduction)s?\b/gi;
const EN_X_RE = /(?<![a-z0-9])x\s?([1-9])(?![\d.])|(?<![\d.$¥€£])\b([1-9])\s?x(?![a-z0-9])/gi;
const ZH_DUPLICATE_RE = /重复(?:扣款|扣费|扣钱|扣了|刷卡|刷了|收费|扣|刷|支付|交易)|扣重了|刷重了|双重扣款/g;

const CHARGE_CONTEXT = /(?:扣|收|付|charged?|billed|debited|deducted|took|taken)[^，,。.;!?]{0,6}$/i;
const ATTEMPT_CONTEXT = /(?:试|输错|错了|失败|尝试|tried|try|attempt|failed|declined|entered)[^，,。.;!?]{0,8}$/i;
// "先是刷了两次，后来商家退了一笔": a count said of a refund, void or reversal counts what came
// back, not the charges (extractRefundedCount reads it).
const REFUND_BEFORE = /(?:退|撤销|撤回|冲正|返还|refund|revers|void|credit(?:ed)? back)[^，,。.;!?]{0,6}$/i;
const REFUND_AFTER = /^\s*(?:的)?(?:钱|款)?(?:已经?|都|也)?(?:被)?(?:退|撤销|冲正|返还)|^\s+(?:of (?:them|those|the \w+) )?(?:was|were|got|has been|have been) (?:\w+ )?(?:refunded|reversed|voided|credited)/i;
const EXTRA_BEFORE = /多(?:扣|刷|收|付|划|转)了?$/;
const EXTRA_AFTER = /^(?:的)?(?:重复|多余|多扣|多刷)/;
// "重复扣了顾客一笔": one charge made again, so two in all (said of one only: "重复扣了两次" is
// how people say "charged twice").
// "又刷了一次", "再扣了一笔": one more on top of the first, so two in all.
const AGAIN_BEFORE = /(?:又|再|重新)(?:刷|扣|付|收|按|插|挥|碰|拍|划)了?$/;
const UNDONE_BEFORE = /撤销|退款|退货|退了|取消|冲正/;
// "账单上有两笔", "出现了两笔", "two charges show", "there are 2 charges on my statement": the
// charges the statement shows. That count wins over how often the card went through ("又刷了一次").
// Not "还有/另外有一笔" (one more charge, another story's) nor "没有": those are no statement's count.
const STATEMENT_BEFORE_ZH = /(?:(?<![还另外没又])有|出现了?|显示了?|显示有|冒出了?|多出了?|一共|总共|共)$/;
const STATEMENT_UNIT = /^(?:笔|charges|transactions|debits|payments|deductions)$/i;
const STATEMENT_BEFORE_EN = /\b(?:there (?:are|were)|shows?|showing|i (?:see|saw|have|got)|has|have)\s+$/i;
const STATEMENT_AFTER_EN =
  /^\s*(?:(?:of|for|at)\s+[^\s,.;!?]+\s+)?(?:shows?|showing|showed|appear(?:ed|s|ing)?|posted|pending|on (?:my|the|our) (?:statement|bill|account|app|card|banking))\b/i;
const DUPLICATE_BEFORE = /重复(?:扣款|扣费|收费|支付|交易|扣|刷|收)了?(?:顾客|客人|客户|我|他|她|我们|人家)?的?$/;

function countValue(token: string): number | null {
  const lower = token.toLowerCase();
  const word = WORD_COUNTS[lower];
  if (word !== undefined) return word;
  const n = /^\d+$/.test(token) ? Number(token) : parseChineseNumber(token);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= MAX_COUNT ? n : null;
}

function tierOf(text: string, index: number, unit: string, length = 0): number {
  const before = text.slice(Math.max(0, index - 14), index);
  if (STATEMENT_UNIT.test(unit) && onStatement(text, index, length, before)) return 0;
  if (ATTEMPT_CONTEXT.test(before)) return 3;
  if (CHARGE_CONTEXT.test(before) || /^(?:笔|charges|transactions|debits|payments|deductions|holds)$/i.test(unit)) return 1;
  return 2;
}

/** Whether the count at `index` is of charges the statement shows ("账单上有两笔", "two charges show"). */
function onStatement(text: string, index: number, length: number, before: string): boolean {
  if (STATEMENT_BEFORE_ZH.test(before) || STATEMENT_BEFORE_EN.test(before)) return true;
  return length > 0 && STATEMENT_AFTER_EN.test(text.slice(index + length, index + length + 40));
}

/** Whether the count at `index` (its match `length` long) is said of money that came back. */
function isRefundCount(text: string, index: number, length: number): boolean {
  return REFUND_BEFORE.test(text.slice(Math.max(0, index - 10), index)) || REFUND_AFTER.test(text.slice(index + length, index + length + 30));
}

function collectCounts(text: string): CountMention[] {
  const found: CountMention[] = [];
  for (const m of text.matchAll(ZH_COUNT_RE)) {
    const value = countValue(m[1] as string);
    if (value === null || isRefundCount(text, m.index, m[0].length)) continue;
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    // 多扣了一次 = one extra charge on top of the right one; so is 一笔重复扣款 ("one duplicate").
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const duplicated = value === 1 && DUPLICATE_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index));
    // Not after a void or refund ("撤销后又刷了一次": the first charge is gone).
    const again = value === 1 && AGAIN_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index)) && !UNDONE_BEFORE.test(text.slice(0, m.index));
    const extra = EXTRA_BEFORE.test(before) || (value === 1 && EXTRA_AFTER.test(after)) || duplicated || again;
    const total = extra ? value + 1 : value;
    found.push({ index: m.index, value: total, tier: tierOf(text, m.index, m[2] as string, m[0].length) });
  }
  for (const m of text.matchAll(ZH_SWIPE_TIMES_RE)) {
    const value = countValue(m[1] as string);
    // "又刷了一下": once more, two in all.
    const again = value === 1 && /[又再]$/.test(text.slice(Math.max(0, m.index - 1), m.index));
    if (value !== null) found.push({ index: m.index, value: again ? 2 : value, tier: 2 });
  }
  for (const m of text.matchAll(EN_COUNT_RE)) {
    const value = countValue(m[1] as string);
    if (value === null || isRefundCount(text, m.index, m[0].length)) continue;
    const unit = (m[2] as string).toLowerCase();
    // "2 time" (for "2 times") is a count; "one time" is not one ("a one time fee").
    if (unit === 'time' && value < 2) continue;
    const extra = /\b(?:extra|additional)\s/i.test(m[0]) && unit === 'times';
    found.push({ index: m.index, value: extra ? value + 1 : value, tier: tierOf(text, m.index, unit, m[0].length) });
  }
  for (const m of text.matchAll(EN_TWICE_RE)) {
    found.push({ index: m.index, value: WORD_COUNTS[(m[1] as string).toLowerCase()] as number, tier: tierOf(text, m.index, '') });
  }
  for (const m of text.matchAll(EN_ONCE_RE)) {
    found.push({ index: m.index, value: 1, tier: 2 });
  }
  for (const m of text.matchAll(EN_DOUBLE_RE)) {
    const word = (m[1] ?? m[2] ?? 'double').toLowerCase();
    found.push({ index: m.index, value: word === 'triple' ? 3 : 2, tier: 1 });
  }
  for (const m of text.matchAll(EN_X_RE)) {
    const value = countValue((m[1] ?? m[2]) as string);
    if (value !== null) found.push({ index: m.index, value, tier: 2 });
  }
  return found;
}

export function extractCount(text: string): number | null {
  const found = collectCounts(text);
  if (found.length === 0) {
    // "重复扣款" says duplicate without a number: two is the honest reading.
    ZH_DUPLICATE_RE.lastIndex = 0;
    return ZH_DUPLICATE_RE.test(text) ? 2 : null;
  }
  let best = found[0] as CountMention;
  for (const f of found) {
    if (f.tier < best.tier || (f.tier === best.tier && f.index < best.index)) best = f;
  }
  return best.value;
}

// ------------------------------------------------------------------------ refunded count

const REFUND_GATE = /退|撤销|撤回|冲正|返还|refund|revers|void|credited|cancell?ed/i;
const REFUND_DONE_ZH = '(?:退|撤销|撤回|冲正|退回|退还|返还)';
/** Who gave it back, said between the charge and the verb ("那笔商家已经退了"). */
const ZH_BY_WHOM = '(?:商家|商户|店家|店里|他们|对方|收银员|银行)?';
const REFUNDED_ZH: readonly RegExp[] = [
  // 退了一笔, 撤销了其中一笔, 已经退回了一笔
  new RegExp(`${REFUND_DONE_ZH}(?:了|回了|还了|款了)(?:其中)?(${ZH_COUNT})(?:笔|次)`),
  new RegExp(`已经?${REFUND_DONE_ZH}了?(?:其中)?(${ZH_COUNT})(?:笔|次)`),
  // 其中一笔已经退回来了, 两笔都退了
  new RegExp(`(${ZH_COUNT})(?:笔|次)(?:钱|款)?${ZH_BY_WHOM}(?:已经?|都|也)?(?:被)?${REFUND_DONE_ZH}(?:了|回来了?|回了)`),
];
// 多扣的那笔退了, 重复的那笔商家已经撤销了: the duplicate, one charge.
const REFUNDED_DUPLICATE_ZH = new RegExp(
  `(?:多扣|多刷|多收|重复|多出来?)的?(?:那|这)?(?:一)?笔(?:钱|款)?${ZH_BY_WHOM}(?:已经?|也)?(?:被)?${REFUND_DONE_ZH}(?:了|回来了?|回了)`,
);
const EN_DONE = '(?:refunded|reversed|voided|credited back|cancell?ed)';
const EN_N = '(one|two|three|both|[1-3])';
const REFUNDED_EN: readonly RegExp[] = [
  // refunded one of them, reversed 1 of the charges (not "refunded 2 dollars")
  new RegExp(`\\b${EN_DONE}\\s+(?:me\\s+)?(?:back\\s+)?${EN_N}\\b(?!\\s*(?:dollars?|bucks|cents?|euros?|pounds?|yuan|usd|rmb|%)|\\.\\d)`, 'i'),
  // one of them was refunded, both charges got reversed
  new RegExp(`\\b${EN_N}\\b(?:\\s+of\\s+(?:them|those|these|the \\w+))?(?:\\s+(?:charge|transaction|payment|debit)s?)?\\s+(?:was|were|got|has been|have been)\\s+(?:already\\s+|since\\s+|then\\s+)?${EN_DONE}\\b`, 'i'),
];
// refunded the duplicate, the extra charge was reversed: one charge.
const REFUNDED_DUPLICATE_EN = new RegExp(
  `\\b${EN_DONE}\\s+(?:the\\s+)?(?:duplicate|extra|second|other|double)\\b|\\bthe (?:duplicate|extra|second|double)(?: one| charge| transaction| payment)? (?:was|got|has been) (?:already )?${EN_DONE}\\b`,
  'i',
);
const REFUNDED_ALL: readonly RegExp[] = [...REFUNDED_ZH, REFUNDED_DUPLICATE_ZH, ...REFUNDED_EN, REFUNDED_DUPLICATE_EN];
// "haven't refunded one", "没退一笔": nothing came back.
const NEGATED_BEFORE = /(?:没有?|未|还没|n't|not|never|no)\s*(?:\w+\s+)?$/i;

function refundedIn(text: string, re: RegExp): number | null {
  const m = re.exec(text);
  if (!m || NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
  const token = m[1];
  if (token === undefined) return 1;
  return token.toLowerCase() === 'both' ? 2 : countValue(token);
}

/**
 * How many of the charges the merchant already refunded, voided or reversed ("先是刷了两次，后来
 * 商家退了一笔" → 1, "they swiped it twice, then refunded one of them" → 1). A request ("请帮我
 * 退一笔", "refund one of them") or a denial is none.
 */
export function extractRefundedCount(text: string): number | null {
  if (!REFUND_GATE.test(text)) return null;
  for (const re of REFUNDED_ALL) {
    const n = refundedIn(text, re);
    if (n !== null) return n;
  }
  return null;
}

const BARE_COUNT = new RegExp(
  // "once", "just once", "only one time": the answer to "how many times?" can be a single word.
  `^(?:就|只|只有|仅|共|一共|总共|大概|大约|应该是|是|maybe|about|like|total|it was|it's|its|i think|only|just)?\\s*(\\d{1,2}|${ZH_COUNT}|one|two|three|four|five|six|seven|eight|nine|ten|once|twice|thrice)\\s*(?:个|吧|啊|呀|了|次|笔|遍|回|下|times?|charges?)?$`,
  'i',
);

export function parseCountAnswer(text: string): number | null {
  const explicit = extractCount(text);
  if (explicit !== null) return explicit;
  const m = BARE_COUNT.exec(text.replace(/[,.!?。，！？~]+/g, ' ').trim());
  return m ? countValue(m[1] as string) : null;
}

// ------------------------------------------------------------------------ reference number

const REF_KEYED = new RegExp(
  '(?:检索参考号|系统参考号|交易参考号|参考号码?|参考编号|reference\\s*(?:number|no\\.?|num|#|code)?|ref\\.?\\s*(?:number|no\\.?|num|#)?|rrn)' +
    '\\s*(?:是|为|:|=|#|is|was)?\\s*[:#]?\\s*(\\d{12}|\\d{6})(?!\\d)',
  'i',
);
const VOUCHER_KEYED = new RegExp(
  '(?:凭证号码?|凭证编号|凭证码|流水号码?|交易流水号|票据号|追踪号|跟踪号|系统跟踪号|voucher\\s*(?:number|no\\.?|num|#)?|trace\\s*(?:number|no\\.?|num|#)?|stan|receipt\\s*(?:number|no\\.?|#))' +
    '\\s*(?:是|为|:|=|#|is|was)?\\s*[:#]?\\s*(\\d{6}|\\d{12})(?!\\d)',
  'i',
);
// A bare 12-digit number is an RRN: 13+ digits would have been redacted as a card.
const STANDALONE_RRN = /(?<![\d.,*+:/-])\d{12}(?![\d.,:/-]?\d)/;

export function extractReferenceNumber(text: string): string | null {
  const keyed = REF_KEYED.exec(text) ?? VOUCHER_KEYED.exec(text);
  if (keyed?.[1]) return keyed[1];
  const bare = STANDALONE_RRN.exec(text);
  return bare ? bare[0] : null;
}
