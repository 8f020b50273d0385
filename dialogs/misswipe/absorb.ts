// Takes everything one message says into the dialog's memory (over-answering), reads a bare
// answer in the light of the question asked, and records what happened to that question.
import { minorExponent, type Category, type Locale, type Money, type Parsed, type SlotName } from '../../src/types';
import type { OtherFraudStory } from '../../src/types';
import { isDetailSlot, type DialogContext, type OtherProblemNote, type Outcome, type SlotValues } from './context';
import { SLOT_SPECS, type DetailSlot } from './slots';

const HAN = /\p{Script=Han}/gu;
const WORD = /[A-Za-z]{2,}/g;

/** "Plainly writes whole sentences in the other language" (design.md language rule). */
function isWholeSentenceIn(text: string, lang: Locale): boolean {
  if (lang === 'zh-CN') return (text.match(HAN) ?? []).length >= 6;
  return (text.match(WORD) ?? []).length >= 4 && (text.match(HAN) ?? []).length === 0;
}

export function nextLocale(ctx: DialogContext, parsed: Parsed): { locale: Locale; fixed: boolean } {
  if (parsed.langSwitch) return { locale: parsed.langSwitch, fixed: true };
  if (!parsed.lang) return { locale: ctx.locale, fixed: ctx.localeFixed };
  if (!ctx.localeFixed) return { locale: parsed.lang, fixed: true };
  if (parsed.lang !== ctx.locale && isWholeSentenceIn(parsed.text, parsed.lang)) return { locale: parsed.lang, fixed: true };
  return { locale: ctx.locale, fixed: true };
}

const HINTS: Record<DetailSlot, string> = {
  when: 'misswipe:reprompt.when',
  amountCharged: 'misswipe:reprompt.money',
  amountExpected: 'misswipe:reprompt.money',
  chargeCount: 'misswipe:reprompt.count',
  merchantName: 'misswipe:reprompt.merchantName',
  cardLast4: 'misswipe:reprompt.last4',
  cardType: 'misswipe:reprompt.choice',
  issuer: 'misswipe:reprompt.issuer',
  referenceNumber: 'misswipe:reprompt.referenceNumber',
  hasReceipt: 'misswipe:reprompt.yesno',
  merchantContacted: 'misswipe:reprompt.yesno',
  cardInPossession: 'misswipe:reprompt.yesno',
  batchSettled: 'misswipe:reprompt.yesno',
};

type Candidates = Partial<SlotValues>;

const sameMoney = (a: Money, b: Money) => a.minor === b.minor && a.currency === b.currency;

/** Categories where a second, different amount is the price that should have been charged. */
const TWO_AMOUNTS: readonly (string | null)[] = ['wrong_amount', 'currency_conversion'];

/**
 * Values the message states outright, whatever was asked. A correction changes one thing, so
 * there a second plain amount is the old value being replaced ("$98 not 95"), not a price.
 */
function statedValues(parsed: Parsed, asking: SlotName | null, category: string | null, correcting: boolean, role: string | null): Candidates {
  const e = parsed.entities;
  const c: Candidates = {};
  for (const m of e.money) {
    if (m.role === 'charged' && !c.amountCharged) c.amountCharged = m.value;
    else if (m.role === 'expected' && !c.amountExpected) c.amountExpected = m.value;
  }
  const plain = e.money.filter((m) => m.role === null).map((m) => m.value);
  const [p0, p1] = plain;
  if (!correcting && TWO_AMOUNTS.includes(category) && !c.amountCharged && !c.amountExpected && p0 && p1 && !sameMoney(p0, p1)) {
    // "付了100块，结果显示1000块": people tell the price first, then what was taken.
    c.amountExpected = p0;
    c.amountCharged = p1;
  } else if (plain[0]) {
    // An amount with no wording around it answers the amount question being asked, or else
    // is the amount charged: that is what people lead with. Next to a charged amount, in a
    // wrong-amount story ("68块的东西刷了680"), it is the price.
    if (asking === 'amountExpected' && !c.amountExpected) c.amountExpected = plain[0];
    else if (!c.amountCharged) c.amountCharged = plain[0];
    else if (correcting) {
      // the old value, not a second field
    } else if (!c.amountExpected && TWO_AMOUNTS.includes(category) && !sameMoney(plain[0], c.amountCharged)) c.amountExpected = plain[0];
    else if (!c.amountExpected && plain[1]) c.amountExpected = plain[1];
  }
  // In a late-presentment story the dates mentioned are when the charge showed up, not when
  // the customer paid: the transaction date is taken only as the answer to its own question.
  if (e.when?.ok && (category !== 'late_presentment' || asking === 'when')) c.when = e.when.value;
  // A merchant's refund that never arrived: the refund is the transaction in question, so its
  // date answers "when?" ("the refund was on the 3rd").
  if (!c.when && e.refundWhen && asking === 'when' && role === 'merchant' && category === 'refund_not_received') c.when = e.refundWhen;
  if (e.last4) c.cardLast4 = e.last4;
  else if (parsed.redaction.last4) c.cardLast4 = parsed.redaction.last4;
  if (e.count !== null) c.chargeCount = e.count;
  if (e.cardType) c.cardType = e.cardType;
  if (e.issuer) c.issuer = e.issuer;
  if (e.referenceNumber) c.referenceNumber = e.referenceNumber;
  if (e.merchantName) c.merchantName = e.merchantName;
  if (e.hasReceipt !== null) c.hasReceipt = e.hasReceipt;
  if (e.merchantContacted !== null) c.merchantContacted = e.merchantContacted;
  if (e.cardInPossession !== null) c.cardInPossession = e.cardInPossession;
  if (e.batchSettled !== null) c.batchSettled = e.batchSettled;
  return c;
}

/** The whole message read as a bare answer to the slot being asked ("5521", "260", "有"). */
function bareAnswer(slot: DetailSlot, parsed: Parsed): Candidates {
  const a = parsed.answers;
  const yes = parsed.intents.yesNo;
  switch (slot) {
    case 'amountCharged':
    case 'amountExpected':
      return a?.money ? { [slot]: a.money } : {};
    case 'cardLast4':
      return a?.last4 ? { cardLast4: a.last4 } : {};
    case 'chargeCount':
      return a?.count != null ? { chargeCount: a.count } : {};
    case 'merchantName':
      // "不方便说" is a refusal, not a shop's name.
      return a?.merchantName && !parsed.intents.skip && !parsed.asksBack ? { merchantName: a.merchantName } : {};
    case 'issuer': {
      const t = parsed.text.trim();
      // A refusal or a question back ("why does that matter?") is not a bank's name.
      const ok = t.length >= 2 && t.length <= 60 && !/^\d+$/.test(t) && !parsed.intents.skip && !parsed.asksBack;
      return ok ? { issuer: t } : {};
    }
    case 'referenceNumber': {
      const digits = parsed.text.replace(/[\s-]/g, '');
      return /^\d{6,12}$/.test(digits) ? { referenceNumber: digits } : {};
    }
    case 'cardType': {
      const p = parsed.text.trim();
      return p === 'credit' || p === 'debit' || p === 'prepaid' ? { cardType: p } : {};
    }
    case 'hasReceipt':
    case 'merchantContacted':
    case 'cardInPossession':
    case 'batchSettled':
      return yes ? { [slot]: yes === 'yes' } : {};
    case 'when':
      return a?.when?.ok ? { when: a.when.value } : {};
  }
}

/** Questions whose answer is the message's own words (a bank's, a shop's name). */
const FREE_TEXT: readonly DetailSlot[] = ['issuer', 'merchantName'];

/**
 * "对了，日期说错了，是12号" to "which bank?": a correction that names another field is not, word
 * for word, the bank's or the shop's name.
 */
function correctsAnotherFreeText(parsed: Parsed, asked: DetailSlot): boolean {
  const target = parsed.fieldMention;
  return parsed.intents.correction && FREE_TEXT.includes(asked) && target !== null && target !== asked;
}

/**
 * "42.18" after a "$175" hold: a bare number answering an amount question, with no currency
 * written, is in the currency the other amount was given in. Not in a currency-conversion
 * story, where the two differ.
 */
function inConversationCurrency(answer: Candidates, parsed: Parsed, ctx: DialogContext): Candidates {
  const given = answer.amountExpected ?? answer.amountCharged;
  const other = answer.amountExpected ? ctx.slots.amountCharged : ctx.slots.amountExpected;
  if (given === undefined || other === undefined || given.currency === other.currency) return answer;
  if (!parsed.answers?.moneyUnmarked || ctx.category === 'currency_conversion') return answer;
  const shift = minorExponent(other.currency) - minorExponent(given.currency);
  const value: Money = { minor: Math.round(given.minor * 10 ** shift), currency: other.currency };
  return answer.amountExpected ? { amountExpected: value } : { amountCharged: value };
}

/**
 * A correction that names its field ("卡号后四位错了，是1375", "扣的金额说错了，应该是1050") gives
 * that field the message's value, read as an answer to it. The same value is then not also
 * taken as the answer to the current question, nor as another amount ("应该是" reads as the
 * expected price outside a correction).
 */
function redirectToNamedField(candidates: Candidates, parsed: Parsed, target: DetailSlot, asked: DetailSlot | null, fromAnswer: boolean): boolean {
  const value = contrastFor(target, parsed) ?? bareAnswer(target, parsed)[target];
  if (value === undefined) return false;
  if (asked && asked !== target && fromAnswer) delete candidates[asked];
  if (SLOT_SPECS[target].kind === 'money') {
    for (const other of ['amountCharged', 'amountExpected'] as const) {
      const v = candidates[other];
      if (other !== target && v !== undefined && valuesEqual(v, value)) delete candidates[other];
    }
  }
  Object.assign(candidates, { [target]: value });
  return true;
}

/** Free-text fields a contrast can correct: their values are the user's own words. */
const CONTRAST_FIELDS = ['merchantName'] as const;

/**
 * "商户名说错了，不是沃尔玛，是山姆会员店": a named free-text field takes the value now meant, not the
 * whole message read as its answer (which would keep "不是沃尔玛").
 */
function contrastFor(target: DetailSlot, parsed: Parsed): string | undefined {
  return parsed.contrast && CONTRAST_FIELDS.some((f) => f === target) ? parsed.contrast.said : undefined;
}

/**
 * "it was Walmart not Target", "是沃尔玛不是家乐福": with no field word, the field is the one whose
 * stored value is the one being replaced.
 */
function applyContrast(candidates: Candidates, parsed: Parsed, slots: Partial<SlotValues>): void {
  const c = parsed.contrast;
  if (!c) return;
  const replaced = c.replaced.toLowerCase();
  for (const field of CONTRAST_FIELDS) {
    const known = slots[field];
    if (candidates[field] !== undefined || known === undefined) continue;
    const k = known.toLowerCase();
    if (k === replaced || k.includes(replaced) || replaced.includes(k)) candidates[field] = c.said;
  }
}

const MONEY_SLOTS = ['amountCharged', 'amountExpected'] as const;

/** The way an amount is written: "1850", "1,850", "1850.00", "18.5". */
function amountPattern(m: Money): string {
  const exp = minorExponent(m.currency);
  const whole = Math.floor(m.minor / 10 ** exp);
  const frac = exp > 0 ? String(m.minor % 10 ** exp).padStart(exp, '0').replace(/0+$/, '') : '';
  const int = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',?');
  return `(?<![\\d.,])${int}${frac === '' ? '(?:\\.0+)?' : `\\.${frac}0*`}(?![\\d.])`;
}

/** "不是1850", "not $1850", "1850应该是1580", "1850不对，应该是1580", "1850 should be 1580": the amount is the one replaced. */
function saidReplaced(text: string, old: Money): boolean {
  const n = amountPattern(old);
  const before = new RegExp(`(?:不是|并非|而非|\\bnot)\\s*[¥￥$€£]?\\s*${n}`, 'i');
  const after = new RegExp(
    `${n}\\s*(?:元|块钱?|dollars?|bucks)?\\s*(?:(?:不对|错了|is wrong)\\s*[,，]?\\s*)?(?:应该是|应是|应为|改成|改为|换成|要改成|should (?:be|have been)|->|→)`,
    'i',
  );
  return before.test(text) || after.test(text);
}

/**
 * "都对，不过金额应该是1580不是1850": two amounts, one the summary shows and said to be replaced,
 * the other new. The field holding the old amount takes the new one, whatever the amounts' roles
 * (the parser reads "X不是Y" as a price against a charge), and the old value goes nowhere.
 */
function replaceOldAmount(candidates: Candidates, parsed: Parsed, slots: Partial<SlotValues>): void {
  const values = parsed.entities.money.map((m) => m.value).filter((v, i, all) => all.findIndex((w) => sameMoney(v, w)) === i);
  if (values.length !== 2) return;
  const holder = (v: Money) => MONEY_SLOTS.find((k) => slots[k]?.minor === v.minor);
  for (const [oldV, newV] of [values, [...values].reverse()] as [Money, Money][]) {
    const slot = holder(oldV);
    const known = slot === undefined ? undefined : slots[slot];
    if (slot === undefined || known === undefined || holder(newV) !== undefined || !saidReplaced(parsed.text, oldV)) continue;
    // A bare number is in the conversation's currency ("1580" after "¥1,850").
    const value: Money = newV.currency === known.currency || oldV.currency === known.currency ? newV : { ...newV, currency: known.currency };
    for (const k of MONEY_SLOTS) delete candidates[k];
    candidates[slot] = value;
    return;
  }
}

function valuesEqual(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if ('minor' in a && 'minor' in b) return sameMoney(a as Money, b as Money);
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return a === b;
}

/**
 * What a new problem type makes stale: the guidance given for the old one, the advice when the
 * new one is a possible fraud (the card is to be blocked first, design.md step 4), and a count of
 * several charges that only the duplicate story gave ("it wasn't twice, …") unless the message
 * states one again.
 */
function forgetOldProblem(next: DialogContext, old: Category, candidates: Candidates): void {
  next.guidanceGiven = false;
  if (next.category === 'unrecognized_charge') next.adviceGiven = false;
  const count = next.slots.chargeCount;
  if (old === 'duplicate_charge' && candidates.chargeCount === undefined && count !== undefined && count > 1) delete next.slots.chargeCount;
}

const FRAUD: Category = 'unrecognized_charge';

/** The story's amount or shop is not one the case already holds (a double charge's second one). */
function isNewCharge(story: OtherFraudStory, slots: Partial<SlotValues>): boolean {
  const { amount, merchant } = story.fraud;
  const newAmount = amount !== null && (slots.amountCharged === undefined || !sameMoney(amount, slots.amountCharged));
  const newShop = merchant !== null && merchant.toLowerCase() !== slots.merchantName?.toLowerCase();
  return newAmount || newShop;
}

/**
 * A charge not recognised, told besides the case's own (non-fraud) problem: noted for the agent.
 * In a double-charge case it must bring a new amount or shop, or it is the second charge itself.
 */
function otherFraudNote(ctx: DialogContext, next: DialogContext, story: OtherFraudStory): OtherProblemNote | null {
  if (!next.category || next.category === FRAUD || next.role === 'merchant') return null;
  if (next.category === 'duplicate_charge' && !isNewCharge(story, ctx.slots)) return null;
  return { category: FRAUD, amount: story.fraud.amount, merchant: story.fraud.merchant, count: null, told: false };
}

/**
 * The first message tells another problem, then a charge not recognised, and the fraud path is
 * taken ("charged twice at Costco for $54.10, and also a charge from XYZ Trading I don't
 * recognise"): the other problem is noted, and the fraud case keeps only the fraud's own facts.
 */
function earlierProblemNote(ctx: DialogContext, next: DialogContext, story: OtherFraudStory): OtherProblemNote | null {
  const b = story.before;
  if (ctx.category || next.category !== FRAUD || !b.category || b.category === FRAUD) return null;
  // Even with nothing told of the unknown charge itself, what was told belongs to the other
  // problem: the fraud's questions then ask for it ("在苏宁多扣了钱，另外还有一笔我不认识的扣款").
  return { category: b.category, amount: b.amount, merchant: b.merchant, count: b.count, told: false };
}

/** Keeps the second story's facts out of the case's own fields. */
function keepStoriesApart(candidates: Candidates, story: OtherFraudStory, note: OtherProblemNote, asked: DetailSlot | null, fromAnswer: boolean): void {
  if (note.category === FRAUD) {
    // The case goes on with its own problem: never with the other charge's amount or shop; in
    // answer to a question, only that question is answered, and not with the whole message as
    // a bank's or shop's name.
    const { amount, merchant } = story.fraud;
    for (const k of Object.keys(candidates) as DetailSlot[]) {
      const v = candidates[k];
      const isOther = (amount !== null && valuesEqual(v, amount)) || (merchant !== null && v === merchant);
      if (isOther || (asked !== null && k !== asked)) delete candidates[k];
    }
    if (asked && fromAnswer && FREE_TEXT.includes(asked)) delete candidates[asked];
    return;
  }
  // The fraud case: its amount and shop are the fraud's own; the count was the other story's,
  // and a date may have been too (the fraud's own is asked for).
  for (const k of ['chargeCount', 'amountCharged', 'amountExpected', 'merchantName', 'when'] as const) delete candidates[k];
  if (story.fraud.amount) candidates.amountCharged = story.fraud.amount;
  if (story.fraud.merchant) candidates.merchantName = story.fraud.merchant;
}

/**
 * "没问题，就是金额不对，是1580" at the confirmation: a field named and given a new value fixes that
 * field; its "金额不对" is not a new problem type (which would drop the duplicate's count).
 */
function fixesNamedField(parsed: Parsed, ctx: DialogContext): boolean {
  const target = parsed.fieldMention ?? null;
  // A correction with a problem type in it took the old problem back ("it wasn't a double charge").
  if ((ctx.asking !== 'confirm' && ctx.asking !== 'fixField') || !ctx.category || parsed.intents.correction || !isDetailSlot(target)) return false;
  return statedValues(parsed, ctx.asking, ctx.category, true, ctx.role)[target] !== undefined || bareAnswer(target, parsed)[target] !== undefined;
}

/**
 * Applies one message to the context. Returns the new context; `outcome` says what happened
 * to the question asked, `corrected` which known fields changed.
 */
export function absorb(ctx: DialogContext, parsed: Parsed): DialogContext {
  const { locale, fixed } = nextLocale(ctx, parsed);
  const next: DialogContext = {
    ...ctx,
    locale,
    localeFixed: fixed,
    slots: { ...ctx.slots },
    givenUp: [...ctx.givenUp],
    answered: [...ctx.answered],
    corrected: [],
    correctionRejected: null,
  };
  const asking = ctx.asking;
  const it = parsed.intents;
  // At the confirmation (or when picking what to fix) whatever is stated is meant to replace
  // what the summary shows: "actually it ends in 9876" needs no correction marker there.
  const correcting = it.correction || asking === 'confirm' || asking === 'fixField';
  let outcome: Outcome = { kind: 'nothing' };

  if (it.role && (asking === 'role' || !next.role || correcting)) {
    if (next.role && next.role !== it.role) next.corrected.push('role');
    next.role = it.role;
    if (asking === 'role') outcome = { kind: 'filled' };
  }
  if (it.category && (asking === 'category' || !next.category || correcting) && !fixesNamedField(parsed, ctx)) {
    if (next.category && next.category !== it.category) next.corrected.push('category');
    next.category = it.category;
    if (asking === 'category') outcome = { kind: 'filled' };
  }
  // A charge the person does not recognise is reported by the cardholder (design.md step 4).
  if (next.category === 'unrecognized_charge' && !next.role) next.role = 'cardholder';

  const stated = statedValues(parsed, asking, next.category, correcting, next.role);
  const asked = isDetailSlot(asking) ? asking : null;
  // An explicit field ("金额是200") redirects a bare value to that field when correcting.
  const target = parsed.fieldMention;
  const answer: Candidates =
    asked && stated[asked] === undefined && !correctsAnotherFreeText(parsed, asked) ? inConversationCurrency(bareAnswer(asked, parsed), parsed, next) : {};
  const candidates: Candidates = { ...stated, ...answer };
  // A message that states the asked field itself ("应该是999美元" to "what should it have been?")
  // answers it; only otherwise does the named field take the value.
  if (correcting && target && isDetailSlot(target) && candidates[target] === undefined && (!asked || stated[asked] === undefined)) {
    const fromAnswer = asked !== null && answer[asked] !== undefined;
    if (!redirectToNamedField(candidates, parsed, target, asked, fromAnswer) && asked && fromAnswer) {
      const v = answer[asked];
      delete candidates[asked];
      if (SLOT_SPECS[target].kind === SLOT_SPECS[asked].kind) Object.assign(candidates, { [target]: v });
    }
  }

  if (correcting) {
    applyContrast(candidates, parsed, next.slots);
    replaceOldAmount(candidates, parsed, next.slots);
  }
  const story = parsed.otherFraud;
  const note = story && !correcting && !next.otherProblem ? (otherFraudNote(ctx, next, story) ?? earlierProblemNote(ctx, next, story)) : null;
  if (story && note) {
    keepStoriesApart(candidates, story, note, asked, asked !== null && answer[asked] !== undefined && stated[asked] === undefined);
    next.otherProblem = note;
  }

  for (const [k, v] of Object.entries(candidates) as [DetailSlot, SlotValues[DetailSlot]][]) {
    const known = next.slots[k];
    if (known !== undefined && !valuesEqual(known, v)) {
      // Known fields change only when the person corrects them or answers that very question.
      if (!correcting && k !== asked) continue;
      if (k !== asked) next.corrected.push(k);
    }
    Object.assign(next.slots, { [k]: v });
    next.givenUp = next.givenUp.filter((s) => s !== k);
  }
  if (ctx.category && next.category !== ctx.category) forgetOldProblem(next, ctx.category, candidates);
  if (parsed.entities.refundedCount !== null) next.refundedCount = parsed.entities.refundedCount;
  if (parsed.entities.refundWhen) next.refundWhen = parsed.entities.refundWhen;
  if (parsed.entities.money.some((m) => m.role === 'difference')) {
    next.difference = parsed.entities.money.find((m) => m.role === 'difference')?.value ?? null;
  }

  if (asked) {
    if (candidates[asked] !== undefined) outcome = { kind: 'filled' };
    else if (it.skip) outcome = { kind: 'skipped' };
    // Only the refund's date was given: it is kept (refundWhen); the payment's is still asked.
    else if (asked === 'when' && parsed.entities.refundWhen) outcome = { kind: 'invalid', hint: 'misswipe:reprompt.when_refund' };
    else if (asked === 'when' && parsed.entities.when && !parsed.entities.when.ok) {
      outcome = { kind: 'invalid', hint: `misswipe:reprompt.when_${parsed.entities.when.reason}` };
    } else if (parsed.asksBack) outcome = { kind: 'asked', hint: `misswipe:explain.${asked}` };
    else outcome = { kind: 'invalid', hint: HINTS[asked] };
    if (asked === 'merchantContacted' && next.slots.merchantContacted === true && outcome.kind === 'filled') {
      // What the merchant said is worth keeping word for word for the agent.
      if (parsed.text.replace(/[\s,.，。!！]/g, '').length > 6) next.merchantResponse = parsed.text;
    }
  } else if ((asking === 'role' || asking === 'category') && outcome.kind === 'nothing') {
    outcome = it.skip
      ? { kind: 'skipped' }
      : parsed.asksBack
        ? { kind: 'asked', hint: `misswipe:explain.${asking}` }
        : { kind: 'invalid', hint: 'misswipe:reprompt.choice' };
  }
  if (correcting && target && isDetailSlot(target) && candidates[target] === undefined && next.corrected.length === 0) {
    next.correctionRejected = target;
  }

  // A message that corrected something else, or restated what is known ("顾客" again), is not a
  // miss on the current question: the question is asked again without an error hint.
  const restated = Boolean(it.role || it.category) || Object.keys(stated).length > 0;
  // Telling another problem is no miss either: the question is asked again after the note.
  if ((next.corrected.length > 0 || next.correctionRejected || note) && outcome.kind === 'invalid') outcome = { kind: 'nothing' };
  else if (restated && outcome.kind === 'invalid') outcome = { kind: 'invalid', hint: null }; // still a miss
  if (outcome.kind === 'filled' && asking) next.answered.push(asking);
  next.outcome = outcome;
  return next;
}
