// Shared vocabulary of the product: the types that the understanding layer (src/nlu), the
// dialogs (dialogs/), the engine and the handoff all speak. No runtime code beyond constants.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['cardholder', 'merchant'] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORIES = [
  'wrong_amount',
  'duplicate_charge',
  'charged_but_failed',
  'wrong_card',
  'paid_by_other_means',
  'refund_not_received',
  'preauth_hold',
  'currency_conversion',
  'late_presentment',
  'unrecognized_charge',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CARD_TYPES = ['credit', 'debit', 'prepaid'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export const SLOT_KINDS = ['choice', 'money', 'datetime', 'digits4', 'text', 'yesno'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** Every slot the bot may ask for (the `expecting.slot` of the public contract). */
export const SLOT_NAMES = [
  'role',
  'category',
  'when',
  'amountCharged',
  'amountExpected',
  'chargeCount',
  'merchantName',
  'cardLast4',
  'cardType',
  'issuer',
  'referenceNumber',
  'hasReceipt',
  'merchantContacted',
  'cardInPossession',
  'batchSettled',
  'confirm',
  'fixField',
  'wantsHuman',
  'resume',
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

/** Currencies whose minor unit is the major one (ISO 4217 exponent 0); all others have 2 here. */
export const ZERO_DECIMAL_CURRENCIES: readonly string[] = ['JPY', 'KRW', 'VND', 'CLP', 'ISK'];

/** Digits after the decimal point in a currency's minor units. */
export function minorExponent(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.includes(currency) ? 0 : 2;
}

/** Integer minor units plus an ISO 4217 code: ¥88 → { minor: 8800, currency: 'CNY' }. */
export interface Money {
  minor: number;
  currency: string;
}

/** A point in time as the user meant it, in the bot's time zone. */
export interface WhenValue {
  date: string; // YYYY-MM-DD
  time: string | null; // HH:mm, null when only the day is known
}

/** How an amount in a message relates to the case, when the wording says so. */
export type MoneyRole = 'charged' | 'expected' | 'difference' | null;

export interface MoneyMention {
  value: Money;
  role: MoneyRole;
}

/** Result of reading a date/time from free text. */
export type WhenParse =
  | { ok: true; value: WhenValue }
  | { ok: false; reason: 'future' | 'vague' }
  | null; // nothing date-like in the text

export type YesNo = 'yes' | 'no';

/** What one part of a message says about its charge (src/nlu/other-problem.ts). */
export interface StoryFacts {
  amount: Money | null;
  merchant: string | null;
}

/** A charge not recognised, told after something else in the same message. */
export interface OtherFraudStory {
  /** The charge not recognised (from the words that bring it up to the end). */
  fraud: StoryFacts;
  /** What comes before: another problem, or only an answer to the question asked. */
  before: StoryFacts & { category: Category | null; count: number | null };
}

/** What the understanding layer makes of one user message. Pure data, safe to persist. */
export interface Parsed {
  /** NFKC-normalised text with card numbers and secrets redacted: the only text stored. */
  text: string;
  /** Language of this message when it carries one (digits and short tokens carry none). */
  lang: Locale | null;
  /** An explicit request to switch language ("English please", "说中文"). */
  langSwitch: Locale | null;
  /** Card data found and removed from the text. */
  redaction: { cardNumbers: number; secrets: number; last4: string | null };
  intents: {
    category: Category | null;
    role: Role | null;
    yesNo: YesNo | null;
    human: boolean;
    restart: boolean;
    back: boolean;
    help: boolean;
    /** "skip", "跳过", "不知道", "I don't remember" */
    skip: boolean;
    /** "不对，…", "actually …", "wrong, it's …" */
    correction: boolean;
    /** "continue" / "继续" (used after an idle pause) */
    resume: boolean;
    /**
     * A yes that goes on to change something ("都对，不过金额应该是1580"): the answer to a yes/no
     * detail question stays yes, but it does not confirm the summary or accept an offer.
     */
    yesButChange?: boolean;
  };
  entities: {
    money: MoneyMention[];
    when: WhenParse;
    /**
     * When the refund was promised or made, or the goods returned ("商家12天前就说给我退款了"):
     * never the transaction date. Absent when the message names no such date.
     */
    refundWhen?: WhenValue;
    last4: string | null;
    count: number | null;
    /** How many of the charges were already refunded, voided or reversed ("后来商家退了一笔"). */
    refundedCount: number | null;
    cardType: CardType | null;
    issuer: string | null;
    referenceNumber: string | null;
    merchantName: string | null;
    hasReceipt: boolean | null;
    merchantContacted: boolean | null;
    cardInPossession: boolean | null;
    batchSettled: boolean | null;
  };
  /** A further charge not recognised, told besides the rest ("…also a $380 charge I never made"). */
  otherFraud?: OtherFraudStory;
  /** Which field the message talks about ("金额是200" → amountCharged); filled by parse(). */
  fieldMention?: SlotName | null;
  /** Readings of the whole message as a bare answer to each kind of question ("260", "5521"). */
  answers?: {
    money: Money | null;
    last4: string | null;
    count: number | null;
    merchantName: string | null;
    /** A date that counts only as the answer to "when?" ("11.5"); stated dates are in entities.when. */
    when?: WhenParse;
    /** `money` took the default currency because none was written ("42.18"). */
    moneyUnmarked?: boolean;
  };
  /** A value set against the one it replaces ("是沃尔玛不是家乐福", "Walmart not Target"). */
  contrast?: { said: string; replaced: string } | null;
  /** The message asks about the question instead of answering it ("后四位是什么？"). */
  asksBack?: boolean;
  /** What the message asks or tells besides an answer (src/nlu/questions.ts); absent when nothing. */
  asides?: AsideReading | null;
}

/** A question the bot answers from the domain facts, whatever it is asking at the time. */
export type UserQuestion = 'refundTime' | 'moneyBack' | 'chargeback' | 'bot' | 'complaint';

export interface AsideReading {
  question: UserQuestion | null;
  /** An online purchase or a wallet/QR payment: not a card payment at a shop's terminal. */
  nonCard: 'online' | 'wallet' | null;
  /** A chargeback (拒付/退单) already started against the sale. */
  chargebackStarted: boolean;
  /** Paying in the card's home currency (DCC) was offered and accepted, by mistake. */
  dccAccepted: boolean;
}

/** Options the understanding layer needs from configuration and the clock. */
export interface ParseOptions {
  now: Date;
  timeZone: string; // IANA, e.g. Asia/Shanghai
  defaultCurrency: string; // ISO 4217, e.g. CNY
}

/** A quick-reply button: `label` is an i18n key, `payload` a stable language-independent id. */
export interface Choice {
  label: string;
  payload: string;
}

export interface Expecting {
  slot: SlotName;
  kind: SlotKind;
}

/** What a dialog says: an i18n key with params; rendering picks the language. */
export interface Reply {
  key: string;
  /** Set on the message that announces the case; the engine adds the `handoff` field. */
  announcesCase?: boolean;
  params?: Record<string, string | number | Money | WhenValue | null>;
  choices?: Choice[];
  expecting?: Expecting;
}

/** A rendered bot message as the public contract shows it. */
export interface OutMessage {
  type: 'message';
  text: string;
  locale: Locale;
  quick_replies?: { title: string; payload: string }[];
  expecting?: Expecting;
  handoff?: { caseId: string; status: 'waiting' | 'assigned' };
  history?: TranscriptEntry[];
  from?: 'agent';
}

export interface TranscriptEntry {
  from: 'user' | 'bot' | 'agent';
  text: string;
  at: string; // ISO
}
