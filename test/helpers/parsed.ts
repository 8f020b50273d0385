// Builds Parsed utterances by hand for dialog unit tests, so a dialog test fails only when the
// dialog is wrong (the understanding layer has its own tests).
import type { Parsed } from '../../src/types';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

export function parsedOf(text: string, over: DeepPartial<Parsed> = {}): Parsed {
  const base: Parsed = {
    text,
    lang: null,
    langSwitch: null,
    redaction: { cardNumbers: 0, secrets: 0, last4: null },
    intents: {
      category: null,
      role: null,
      yesNo: null,
      human: false,
      restart: false,
      back: false,
      help: false,
      skip: false,
      correction: false,
      resume: false,
    },
    entities: {
      money: [],
      when: null,
      last4: null,
      count: null,
      refundedCount: null,
      cardType: null,
      issuer: null,
      referenceNumber: null,
      merchantName: null,
      hasReceipt: null,
      merchantContacted: null,
      cardInPossession: null,
      batchSettled: null,
    },
    fieldMention: null,
    answers: { money: null, last4: null, count: null, merchantName: null },
  };
  return {
    ...base,
    ...over,
    redaction: { ...base.redaction, ...over.redaction },
    intents: { ...base.intents, ...over.intents },
    entities: { ...base.entities, ...over.entities },
    answers: { ...base.answers!, ...over.answers },
  };
}
