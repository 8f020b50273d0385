// The understanding layer's single entry point: raw chat text → Parsed (normalised, card data
// redacted, language, intents, entities, and readings of the message as a bare answer).
import type { Locale, Money, MoneyMention, Parsed, ParseOptions } from '../types';
import { extractCardType, extractIssuer } from './card';
import { extractRefundWhen, extractWhen, parseWhenAnswer } from './datetime';
import { extractCount, extractLast4, extractReferenceNumber, extractRefundedCount, HAS_SPOKEN_DIGITS, parseCountAnswer, parseLast4Answer } from './digits';
import { extractFacts } from './facts';
import { detectFieldMention, extractContrast, withSlipsRepaired, type Contrast } from './field';
import { detectIntents, isQuestionBack, withoutRetractedStory } from './intents';
import { detectLanguage, detectLanguageSwitch } from './language';
import { extractMerchantName, parseMerchantAnswer } from './merchant';
import { HAS_SPELLED_AMOUNT, HAS_SPOKEN_PRICE, readSpokenAmount, spellAmounts } from './en-numerals';
import { extractMoney, readMoneyAnswer, sameMoney } from './money';
import { normalize } from './normalize';
import { readOtherFraudStory } from './other-problem';
import { readAsides } from './questions';
import { redactCardData } from './redact';
import { HAS_TRADITIONAL, toSimplified } from './traditional';
import { HAS_LATIN_WORD, translateEmbeddedEnglish } from './code-switch';

// Fast paths (this runs on every message). Each gate is a necessary condition of the extractor
// it guards, so skipping it cannot change the result; test/nlu/parse.test.ts checks that the
// gated parse equals the plain chain on every fixture line and on random text.
/** Money and bare numbers need an ASCII digit or a Chinese numeral (money.ts NUMBER_RE). */
const HAS_NUMBER = /[\d零〇洞一壹幺二两贰貳俩三叁參四肆五伍六陆陸七柒八捌九玖十拾]/;
/** Counts also come from number words and "twice"/"double"/重复 (digits.ts). */
const HAS_COUNT_WORD = /重复|扣重|刷重|双重|one|two|three|four|five|six|seven|eight|nine|ten|once|twice|thrice|double|triple|duplicate/i;

type MoneyAnswer = { value: Money; unmarked: boolean } | null;

/**
 * The answer reads the same amounts extractMoney found when there are any (one amount, or null
 * when they differ); only without them does it fall back to a bare number ("260"), which may
 * have no currency written (`unmarked`: the dialog may know the conversation's currency).
 */
function moneyAnswer(text: string, money: readonly MoneyMention[], numeric: boolean, currency: string): MoneyAnswer {
  const first = money[0];
  if (first === undefined) return numeric ? readMoneyAnswer(text, currency) : spokenMoneyAnswer(text, currency);
  return money.every((m) => sameMoney(m.value, first.value)) ? { value: first.value, unmarked: false } : null;
}

/** "twelve fifty" said as the whole answer to "how much?": a price with no digit in it. */
function spokenMoneyAnswer(text: string, currency: string): MoneyAnswer {
  if (!HAS_SPOKEN_PRICE.test(text)) return null;
  const digits = readSpokenAmount(text);
  return digits === null ? null : readMoneyAnswer(digits, currency);
}

/**
 * The copy of a message the rules read: traditional characters as simplified ones, in a Chinese
 * message the English payment words as Chinese ones ("被charge了两次" → "被扣了两次"), and a value
 * taken back in the same breath replaced by the one meant ("尾号1357，不对，是1358" → "尾号1358").
 * Each gated by a cheap test, since most messages need none.
 */
export function forUnderstanding(text: string, lang: Locale | null): string {
  return withSlipsRepaired(withEnglishTranslated(simplifiedOf(text), lang));
}

const simplifiedOf = (text: string): string => (HAS_TRADITIONAL.test(text) ? toSimplified(text) : text);
const withEnglishTranslated = (simplified: string, lang: Locale | null): string =>
  lang === 'zh-CN' && HAS_LATIN_WORD.test(simplified) ? translateEmbeddedEnglish(simplified) : simplified;

/**
 * A merchant's name as the user wrote it: found in the simplified copy when the message has
 * traditional characters (same length, so the span is cut from the original).
 */
function merchantIn(original: string, simplified: string, find: (t: string) => string | null): string | null {
  const name = find(simplified);
  if (name === null || simplified === original) return name;
  const at = simplified.indexOf(name);
  return at >= 0 ? original.slice(at, at + name.length) : name;
}

/**
 * "不是周二，是周三", "I said Tuesday but it was Wednesday": when a value is set against the one it
 * replaces, the date meant is the one in the new value, not the first one in the message.
 */
function whenMeant(text: string, contrast: Contrast | null, opts: ParseOptions): ReturnType<typeof extractWhen> {
  const meant = contrast === null ? null : extractWhen(contrast.said, opts);
  return meant?.ok ? meant : extractWhen(text, opts);
}

/**
 * "I said $45 but it was $54": the amount meant is read first, so a correction takes it and not
 * the slip it replaces. Only the order changes; nothing is added or dropped.
 */
function meantFirst(money: MoneyMention[], contrast: Contrast | null, cur: string): MoneyMention[] {
  if (contrast === null || money.length < 2) return money;
  const said = extractMoney(contrast.said, cur);
  const meant = said.length === 1 ? said[0]?.value : undefined;
  if (meant === undefined) return money;
  const isMeant = (m: MoneyMention): boolean => sameMoney(m.value, meant);
  return [...money.filter(isMeant), ...money.filter((m) => !isMeant(m))];
}

export function parse(raw: string, opts: ParseOptions): Parsed {
  const redaction = redactCardData(normalize(raw));
  const original = redaction.text;
  const lang = detectLanguage(original);
  // Names are read from the user's own words (plus the same-length simplified copy), never from
  // the copy with English words translated.
  const simplified = simplifiedOf(original);
  const translated = withEnglishTranslated(simplified, lang);
  const text = withSlipsRepaired(translated);
  const cur = opts.defaultCurrency;
  // Amounts written as words are read from a copy with digits; the stored text is untouched.
  const moneyText = HAS_SPELLED_AMOUNT.test(text) ? spellAmounts(text) : text;
  const numeric = HAS_NUMBER.test(moneyText);
  const contrast = extractContrast(original);
  const money = numeric ? meantFirst(extractMoney(moneyText, cur), contrast, cur) : [];
  const last4 = extractLast4(text);
  // A problem named only to be taken back ("我以为是重复扣款，其实…", "it wasn't twice, …") decides
  // neither the category nor the count it implies; the message is then a correction.
  const story = withoutRetractedStory(text);
  const count = numeric || HAS_COUNT_WORD.test(story) ? extractCount(story) : null;
  const issuer = extractIssuer(text);
  const facts = extractFacts(text);
  const when = whenMeant(text, contrast, opts);
  // "11.5" alone: a date only as the answer to "when?" (datetime.ts parseWhenAnswer).
  const bareWhen = when === null && numeric ? parseWhenAnswer(text, opts) : null;
  const refundWhen = extractRefundWhen(text, opts);
  const moneyAsAnswer = moneyAnswer(moneyText, money, numeric, cur);
  const otherFraud = readOtherFraudStory(simplified, cur);
  return {
    text: original,
    lang,
    langSwitch: detectLanguageSwitch(original),
    redaction: { cardNumbers: redaction.cardNumbers, secrets: redaction.secrets, last4: redaction.last4 },
    intents: detectIntents(story, { money, tookBack: text !== translated || story !== text }),
    entities: {
      money,
      when,
      ...(refundWhen?.ok ? { refundWhen: refundWhen.value } : {}),
      last4,
      count,
      refundedCount: extractRefundedCount(story),
      cardType: extractCardType(text),
      issuer: issuer?.en ?? null,
      referenceNumber: numeric ? extractReferenceNumber(text) : null,
      merchantName: merchantIn(original, simplified, extractMerchantName),
      hasReceipt: facts.hasReceipt,
      merchantContacted: facts.merchantContacted,
      cardInPossession: facts.cardInPossession,
      batchSettled: facts.batchSettled,
    },
    ...(otherFraud ? { otherFraud } : {}),
    fieldMention: detectFieldMention(text, { hasIssuer: issuer !== null }),
    answers: {
      money: moneyAsAnswer?.value ?? null,
      ...(moneyAsAnswer?.unmarked ? { moneyUnmarked: true } : {}),
      // parseLast4Answer / parseCountAnswer return the explicit entity first when there is one; a
      // count taken back ("not twice, …") answers nothing.
      last4: last4 ?? (numeric || HAS_SPOKEN_DIGITS.test(text) ? parseLast4Answer(text) : null),
      count: count ?? (numeric || HAS_COUNT_WORD.test(story) ? parseCountAnswer(story) : null),
      merchantName: merchantIn(original, simplified, parseMerchantAnswer),
      ...(bareWhen ? { when: bareWhen } : {}),
    },
    contrast,
    asksBack: isQuestionBack(text),
    asides: readAsides(text),
  };
}
