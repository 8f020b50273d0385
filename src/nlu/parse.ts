// The understanding layer's single entry point: raw chat text → Parsed (normalised, card data
// redacted, language, intents, entities, and readings of the message as a bare answer).
import type { Parsed, ParseOptions } from '../types';
import { extractCardType, extractIssuer } from './card';
import { extractWhen } from './datetime';
import { extractCount, extractLast4, extractReferenceNumber, parseCountAnswer, parseLast4Answer } from './digits';
import { extractFacts } from './facts';
import { detectFieldMention } from './field';
import { detectIntents } from './intents';
import { detectLanguage, detectLanguageSwitch } from './language';
import { extractMerchantName, parseMerchantAnswer } from './merchant';
import { extractMoney, parseMoneyAnswer } from './money';
import { normalize } from './normalize';
import { redactCardData } from './redact';

export function parse(raw: string, opts: ParseOptions): Parsed {
  const redaction = redactCardData(normalize(raw));
  const text = redaction.text;
  const cur = opts.defaultCurrency;
  const facts = extractFacts(text);
  const money = extractMoney(text, cur);
  return {
    text,
    lang: detectLanguage(text),
    langSwitch: detectLanguageSwitch(text),
    redaction: { cardNumbers: redaction.cardNumbers, secrets: redaction.secrets, last4: redaction.last4 },
    intents: detectIntents(text, { money }),
    entities: {
      money,
      when: extractWhen(text, opts),
      last4: extractLast4(text),
      count: extractCount(text),
      cardType: extractCardType(text),
      issuer: extractIssuer(text)?.en ?? null,
      referenceNumber: extractReferenceNumber(text),
      merchantName: extractMerchantName(text),
      hasReceipt: facts.hasReceipt,
      merchantContacted: facts.merchantContacted,
      cardInPossession: facts.cardInPossession,
      batchSettled: facts.batchSettled,
    },
    fieldMention: detectFieldMention(text),
    answers: {
      money: parseMoneyAnswer(text, cur),
      last4: parseLast4Answer(text),
      count: parseCountAnswer(text),
      merchantName: parseMerchantAnswer(text),
    },
  };
}
