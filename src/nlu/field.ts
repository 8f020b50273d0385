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
const EN_LEAD = /^(?:(?:oh|oops|sorry|wait|no|nope|actually|hmm|my bad|typo)\b[\s,.!:;-]*)*(?:it was|it's|it is|its|the (?:shop|store|merchant|restaurant|place|bank|name) (?:was|is))?\s*/i;
const EN_SAID_NOT = /^(.{2,40}?),?\s+not\s+(.{2,40}?)[.!]*$/i;
const EN_NOT_SAID = /^not\s+(.{2,40}?)\s*[,;]\s*(?:it was|it's|it is|its|but)\s+(.{2,40}?)[.!]*$/i;
const ZH_LEAD = /^(?:(?:哦|噢|啊|呃|不对|错了|说错了|写错了|搞错了|等等|等一下|抱歉|不好意思)[\s,，。!！]*)*/;
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
