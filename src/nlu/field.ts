// Which case field a message talks about ("金额不对，是200" → amountCharged), so a correction
// at the confirmation step can be applied to the right slot.

// Field words first, earliest wins; without one, the kind of value given (a weekday, "3 times",
// a bank) names the field.
import type { SlotName } from '../types';
import { extractIssuer } from './card';

interface FieldRule {
  slot: SlotName;
  re: RegExp;
}

// Order matters only between rules that match at the same position (longer phrases first).
const FIELD_WORDS: readonly FieldRule[] = [
  {
    slot: 'amountExpected',
    re: /应付|应收|应该是多少|应该付|本来(?:是|应该)|原价|标价|正确(?:的)?金额|实际(?:消费|金额|价格)|价格|价钱|\bshould (?:have )?(?:been|cost|paid)\b|\bsupposed to (?:be|cost|pay)\b|\bcorrect (?:amount|price|total)\b|\breal (?:amount|price)\b|\bexpected (?:amount|price)?\b|\bprice\b|\bactual (?:amount|price)\b|\bagreed (?:amount|price)\b/,
  },
  {
    slot: 'cardLast4',
    re: /卡号|尾号|尾数|后四位|后4位|末四位|末4位|最后四位|最后4位|\bcard (?:number|no\.?|ends|ending)\b|\bends? (?:in|with)\b|\bending\b|\blast (?:4|four)\b|\bcard digits\b/,
  },
  {
    slot: 'chargeCount',
    re: /几笔|几次|次数|笔数|扣了几|刷了几|\bhow many times\b|\bnumber of (?:charges|times|transactions|debits)\b|\bcharge count\b|\bhow many charges\b/,
  },
  { slot: 'referenceNumber', re: /参考号|凭证号|流水号|检索号|\breference(?: number| no\.?)?\b|\bref(?:\.|erence)? ?(?:no|number|#)\b|\brrn\b|\btrace number\b|\bvoucher number\b/ },
  { slot: 'merchantName', re: /商户(?!号|编号)|商家|店名|店铺|店家|门店|\bmerchant\b(?! (?:id|number|no))|\bshop\b|\bstore\b|\brestaurant\b|\bbusiness name\b|\bvendor\b/ },
  { slot: 'issuer', re: /发卡行|发卡银行|银行|\bissuer\b|\bissuing bank\b|\bbank\b/ },
  { slot: 'cardType', re: /信用卡|借记卡|储蓄卡|预付卡|卡类型|卡种|卡的类型|\bcard type\b|\btype of card\b|\bcredit\b|\bdebit\b|\bprepaid\b/ },
  { slot: 'when', re: /日期|时间|哪天|几点|几号|\bdate\b|\btime\b|\bwhen\b|\bday\b/ },
  { slot: 'amountCharged', re: /金额|扣了|扣款|多少钱|钱数|\bamount\b|\bcharged\b|\bcharge\b|\btotal\b|\bsum\b/ },
];

// Values that name their field when no field word does.
const WHEN_VALUE =
  /昨天|今天|前天|大前天|上午|下午|晚上|中午|早上|凌晨|星期|周[一二三四五六日天]|礼拜|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]|\d{1,2}[:点]\d{0,2}|\b(?:yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|last night)\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{4}-\d{2}-\d{2}\b/;
const COUNT_VALUE = /(?:^|[^\d])(?:\d{1,2}|[一二两三四五六七八九十])\s*(?:次|笔|遍|回)|\b(?:once|twice|thrice|\d{1,2} times|(?:two|three|four|five) times)\b/;
const CARD_TYPE_VALUE = /信用卡|借记卡|储蓄卡|预付卡|\bcredit\b|\bdebit\b|\bprepaid\b/;
const MONEY_VALUE = /[$¥€£]\s?\d|\d\s*(?:元|块|美元|港币|usd|rmb|hkd|eur|dollars?|bucks)/;

export interface FieldContext {
  /** Whether the message names a bank (parse.ts passes what extractIssuer found; saves a scan). */
  hasIssuer?: boolean;
}

export function detectFieldMention(text: string, ctx: FieldContext = {}): SlotName | null {
  const t = text.toLowerCase().replace(/[’‘`]/g, "'");
  let best: { at: number; slot: SlotName } | null = null;
  for (const rule of FIELD_WORDS) {
    const m = rule.re.exec(t);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, slot: rule.slot };
  }
  if (best) return best.slot;
  if (COUNT_VALUE.test(t)) return 'chargeCount';
  if (WHEN_VALUE.test(t)) return 'when';
  if (CARD_TYPE_VALUE.test(t)) return 'cardType';
  if (ctx.hasIssuer ?? extractIssuer(text) !== null) return 'issuer';
  if (MONEY_VALUE.test(t)) return 'amountCharged';
  return null;
}

// ------------------------------------------------------------------------------ contrast

/** "it was Walmart not Target": the value now meant, and the value it replaces. */
export interface Contrast {
  said: string;
  replaced: string;
}

const CONTRAST_GATE = /不是|\bnot\b|说的是|说成|写的是|写成|填的是|填成|\bi (?:said|wrote|put|typed|told you|entered)\b/i;
const EN_LEAD = /^(?:(?:oh|and|also|btw|oops|sorry|wait|no|nope|actually|hmm|my bad|typo)\b[\s,.!:;-]*)*(?:(?:it was|it's|it is|its|the (?:shop|store|merchant|restaurant|place|bank|name|date|day|amount) (?:was|is))\s+(?:actually\s+|really\s+)?)?\s*/i;
const EN_SAID_NOT = /^(.{2,40}?),?\s+not\s+(.{2,40}?)[.!]*$/i;
const EN_NOT_SAID = /^not\s+(.{2,40}?)\s*[,;]\s*(?:it was|it's|it is|its|but)\s+(.{2,40}?)[.!]*$/i;
// Also a field said to be wrong first ("商户名刚才说错了，", "日期写错了，"): the contrast follows.
const ZH_LEAD =
  /^(?:(?:哦|噢|啊|呃|对了|还有|另外|不对|错了|说错了|写错了|搞错了|等等|等一下|抱歉|不好意思|[^,，。!！?？]{1,10}?(?:说|写|填|记|打|搞|弄)错了?)[\s,，。!！]*)*/;
const ZH_SAID_NOT = /^(?:应该)?是(.{1,20}?)[,，]?(?:而)?不是(.{1,20}?)[。!！]*$/;
const ZH_NOT_SAID = /^不是(.{1,20}?)[,，]\s*(?:而|应该)?是(.{1,20}?)[。!！]*$/;
// A slip owned up to: "I said Tuesday but it was Wednesday", "我说的是周二，其实是周三".
const EN_SAID_BUT =
  /^(?:i (?:said|wrote|put|typed|told you|entered))\s+(.{2,40}?),?\s+(?:but|when)\s+(?:it (?:was|is)|it's|its|actually|really|i meant|it should (?:have been|be))\s+(?:actually\s+|really\s+)?(.{2,40}?)[.!]*$/i;
const ZH_SAID_BUT =
  /^(?:我|刚才|之前|刚刚)*(?:说的是|说了|说成了?|写的是|写了|写成了?|填的是|填了|填成了?)(.{1,20}?)[,，]?\s*(?:其实|但其实|但是?|可是?|实际上|实际)(?:应该)?是(.{1,20}?)[。!！]*$/;

/**
 * A value set against the one it replaces ("是沃尔玛不是家乐福", "不是家乐福，是沃尔玛", "it was
 * Walmart not Target"), so a correction can find the field whose stored value is the replaced one
 * even when no field word is said.
 */
export function extractContrast(text: string): Contrast | null {
  if (!CONTRAST_GATE.test(text)) return null;
  const zh = text.trim().replace(ZH_LEAD, '');
  const a = ZH_SAID_NOT.exec(zh);
  if (a) return { said: (a[1] as string).trim(), replaced: (a[2] as string).trim() };
  const b = ZH_NOT_SAID.exec(zh) ?? ZH_SAID_BUT.exec(zh);
  if (b) return { said: (b[2] as string).trim(), replaced: (b[1] as string).trim() };
  const en = text.trim().replace(EN_LEAD, '');
  const c = EN_SAID_NOT.exec(en);
  if (c) return { said: (c[1] as string).trim(), replaced: (c[2] as string).trim() };
  const slip = EN_SAID_BUT.exec(en);
  if (slip) return { said: (slip[2] as string).trim(), replaced: (slip[1] as string).trim() };
  const d = EN_NOT_SAID.exec(text.trim().replace(/^(?:(?:oh|oops|sorry|wait|actually)\b[\s,.!:;-]*)*/i, ''));
  if (d) return { said: (d[2] as string).trim(), replaced: (d[1] as string).trim() };
  return null;
}

// --------------------------------------------------------------------------- self-repair

// "卡尾号1357，不对，是1358", "card ending 1357, no wait, 1358", "the amount was 45, sorry, 54
// dollars": a value taken back in the same breath and replaced by the next one. Every rule reads
// the message as meant, so the value taken back never reaches a slot. Only a value set right
// after the marker, alone in its clause, repairs the value right before the marker; anything
// looser ("1357不对吗?", "45，不是54", "not 1357 but the other card") is left as it was said.

/** The cheap test first: without one of these words (and a digit or a day) there is no repair. */
const REPAIR_GATE =
  /不对|不是|不[了啊呀]?\s*[,，;；:：—–-]|错|更正|纠正|等等|等一下|稍等|\b(?:no|nope|wait|sorry|oops|whoops|i mean|i meant|rather|make that|actually|correction|scratch that|my bad)\b/i;
const REPAIR_VALUE_GATE = /[\d一二两三四五六七八九十天周期]|day\b/i;

/** What a value is, by its sign or unit: a card's tail is four bare digits after a tail word. */
type ValueKind = 'money' | 'count' | 'time' | 'day' | 'tail' | null;

/** One value as written: a currency sign, the number, a unit; or a day word. */
interface Value {
  at: number;
  sign: string;
  num: string;
  unit: string;
  day: string;
  kind: ValueKind;
}

const MONEY_UNIT = '元|块钱|块|美元|美金|港币|港元|欧元|英镑|日元|人民币|dollars?|bucks|usd|rmb|cny|hkd|eur|euros?|pounds?|yuan';
const COUNT_UNIT = '次|笔|遍|回|times?';
const TIME_UNIT = '点(?:半|\\d{1,2}分?)?|am|pm';
const DAY_UNIT = '号|日|st|nd|rd|th';
const UNIT = `(?:${MONEY_UNIT}|${COUNT_UNIT}|${TIME_UNIT}|${DAY_UNIT})(?![a-z])`;
const DAY_WORD =
  '大前天|前天|昨天|今天|(?:周|星期|礼拜)[一二三四五六日天]|\\b(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b';
const ZH_NUMERAL_WITH_UNIT = `[一二两三四五六七八九十]+(?=\\s?(?:${COUNT_UNIT}|${MONEY_UNIT}|${DAY_UNIT}|点))`;
const VALUE = `(?<sign>[$¥€£]?)\\s?(?<num>\\d+(?:[.,:]\\d+)*|${ZH_NUMERAL_WITH_UNIT})(?<unit>\\s?${UNIT})?|(?<day>${DAY_WORD})`;
/** The value closing the text before a marker. */
const VALUE_AT_END = new RegExp(`(?<![\\d.,:$¥€£])(?:${VALUE})\\s*$`, 'i');
/** "应该是", "should be": what follows may be the price that was due rather than a repair. */
const SHOULD_LEAD = '应该是|应该|应当是|本来是|it should be|should be|should have been';
/** The value opening the text after a marker, alone in its clause (吧 is fine, 吗/? is a question). */
const VALUE_ALONE = new RegExp(
  `^(?:(?:(?<should>${SHOULD_LEAD})|就是|是|it['’]?s|it is|it was|that['’]?s|make it|the)\\s*)?(?:${VALUE})(?:吧|啊|呀|哈|了)*(?=\\s*(?:$|[,，。!！;；]|\\.(?!\\d)))`,
  'i',
);
// The marker, with the punctuation around it: 不/不是 need a pause on both sides ("45，不是54" says
// 45 is right), the weak English words a comma before them.
const REPAIR_MARKER = new RegExp(
  [
    '\\s*[,，;；。.!！—–-]?\\s*(?:[哦噢啊呃额嗯我]*(?:不对|错了|说错了?|打错了?|写错了?|输错了?|记错了?|搞错了?|口误)[了啊呀]?|更正(?:一下)?|纠正(?:一下)?)+(?:\\s*[,，;；:：—–-]\\s*|\\s*(?=应该是|是))',
    '\\s*[,，;；。.!！—–-]\\s*(?:[哦噢啊呃额嗯]*(?:不是|不|等等|等一下|稍等)[了啊呀]?)+\\s*[,，;；:：—–-]\\s*',
    '\\s*[,，;；。.!！—–-]?\\s*\\b(?:i mean|i meant|or rather|no wait|wait no|make that|scratch that)\\b[\\s,:;-]*',
    '\\s*[,，;；。.!！—–-]\\s*(?:(?:no|nope|wait|sorry|oops|whoops|actually|correction|my bad)\\b[\\s,:;-]*)+',
  ].join('|'),
  'gi',
);
// Markers that can only be the speaker's own slip. "扣了200元不对，应该是20元" is a complaint (the
// charge is wrong, the price was 20); "扣了66块，我说错了，应该是68块" owns up to a slip.
const SLIP_MARKER = /说错|记错|口误|[哦噢啊呃额]不|不不|不对[,，\s]*不对|更正|纠正|等|sorry|i mean|oops|whoops|my bad|no wait|wait no|scratch that|make that|correction|or rather/i;
const CARD_TAIL_WORD = /尾号|尾数|后四位|后4位|末四位|末4位|最后四位|最后4位|\bend(?:s|ing|ed)?\b|\blast (?:4|four)\b|\bcard\b/i;
const CLAUSE_START = /[,，。!！?？;；]/g;

const MONEY_UNIT_RE = new RegExp(`^(?:${MONEY_UNIT})$`, 'i');
const COUNT_UNIT_RE = new RegExp(`^(?:${COUNT_UNIT})$`, 'i');
const DAY_UNIT_RE = new RegExp(`^(?:${DAY_UNIT})$`, 'i');

function unitKind(unit: string): ValueKind {
  const u = unit.trim();
  if (u === '') return null;
  if (MONEY_UNIT_RE.test(u)) return 'money';
  if (COUNT_UNIT_RE.test(u)) return 'count';
  return DAY_UNIT_RE.test(u) ? 'day' : 'time';
}

/** The value a VALUE match found; `clause` (the words before it) tells a card's tail. */
function readValue(m: RegExpExecArray, offset: number, clause: string): Value {
  const { sign = '', num = '', unit = '', day } = m.groups ?? {};
  if (day !== undefined) return { at: offset + m[0].indexOf(day), sign: '', num: '', unit: '', day, kind: 'day' };
  const bare = sign === '' && unit === '';
  const kind = sign !== '' ? 'money' : bare && /^\d{4}$/.test(num) && CARD_TAIL_WORD.test(clause) ? 'tail' : unitKind(unit);
  return { at: offset + m[0].indexOf(sign !== '' ? sign : num), sign, num, unit, day: '', kind };
}

/** Whether `to` can only be a new value for the field `from` was said for. */
function sameField(from: Value, to: Value): boolean {
  if (from.kind === 'day' || to.kind === 'day') return from.kind === to.kind;
  // A card's tail is replaced only by four bare digits.
  if (from.kind === 'tail') return to.kind === null && /^\d{4}$/.test(to.num);
  return from.kind === null || to.kind === null || from.kind === to.kind;
}

/** An amount or a count followed by "应该是…" after a plain "不对" states what was due, not a slip. */
function statesWhatWasDue(from: Value, should: boolean, marker: string): boolean {
  const amountLike = from.kind === null || from.kind === 'money' || from.kind === 'count';
  return amountLike && should && !SLIP_MARKER.test(marker);
}

/** `to` written in place of `from`, keeping what only `from` said (its currency sign or unit). */
function merged(from: Value, to: Value): string {
  if (to.day !== '') return to.day;
  const sign = to.sign !== '' ? to.sign : from.sign;
  const unit = to.unit !== '' ? to.unit : from.unit;
  return `${sign}${to.num}${unit}`;
}

/** One repair at the first marker that has a value on each side; null when there is none. */
function repairOnce(text: string): string | null {
  REPAIR_MARKER.lastIndex = 0;
  for (const marker of text.matchAll(REPAIR_MARKER)) {
    const before = text.slice(0, marker.index);
    const afterAt = marker.index + marker[0].length;
    const x = VALUE_AT_END.exec(before);
    const y = VALUE_ALONE.exec(text.slice(afterAt));
    if (!x || !y) continue;
    const clauseStart = Math.max(0, ...[...before.matchAll(CLAUSE_START)].map((c) => c.index + 1));
    const from = readValue(x, x.index, before.slice(clauseStart, x.index));
    const to = readValue(y, afterAt, '');
    if (!sameField(from, to) || statesWhatWasDue(from, y.groups?.should !== undefined, marker[0])) continue;
    return text.slice(0, from.at) + merged(from, to) + text.slice(afterAt + y[0].length);
  }
  return null;
}

/**
 * The message as meant: each value taken back in the same breath replaced by the one that
 * follows its marker ("卡尾号1357，不对，是1358" → "卡尾号1358"). Unchanged (the same string) when
 * the message has no such repair.
 */
export function withSlipsRepaired(text: string): string {
  if (!REPAIR_GATE.test(text) || !REPAIR_VALUE_GATE.test(text)) return text;
  let out = text;
  for (let i = 0; i < 3; i++) {
    const next = repairOnce(out);
    if (next === null) break;
    out = next;
  }
  return out;
}
