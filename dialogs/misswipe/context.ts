// The dialog's memory between turns (persisted in the snapshot) and its events. Plain data only:
// it is JSON-serialised into the session store after every turn.
import type {
  CardType,
  Category,
  Locale,
  Money,
  Parsed,
  Reply,
  Role,
  SlotName,
  WhenValue,
} from '../../src/types';
import { SLOT_SPECS, type DetailSlot } from './slots';

export interface SlotValues {
  when: WhenValue;
  amountCharged: Money;
  amountExpected: Money;
  chargeCount: number;
  merchantName: string;
  cardLast4: string;
  cardType: CardType;
  issuer: string;
  referenceNumber: string;
  hasReceipt: boolean;
  merchantContacted: boolean;
  cardInPossession: boolean;
  batchSettled: boolean;
}

/**
 * A second problem told besides the case's own ("…oh and there's also a $380 charge I never
 * made"): one case holds one problem, so it is kept apart for the agent (the case's `details`
 * and summary) and, if it may be fraud, the card-freeze advice is given once.
 */
export interface OtherProblemNote {
  category: Category | null;
  amount: Money | null;
  merchant: string | null;
  count: number | null;
  /** The user has been told it was noted (and, for a possible fraud, to freeze the card). */
  told: boolean;
}

/** What the last message did to the question that was asked. */
export type Outcome =
  | { kind: 'filled' }
  | { kind: 'skipped' }
  | { kind: 'invalid'; hint: string | null } // null: ask again without an error hint
  | { kind: 'asked'; hint: string } // a question back ("why do you need that?"): explained, not a miss
  | { kind: 'nothing' };

export interface DialogContext {
  locale: Locale;
  /** True once a message (or the locale hint) has fixed the language. */
  localeFixed: boolean;
  role: Role | null;
  category: Category | null;
  slots: Partial<SlotValues>;
  /** Slots the user skipped or could not answer in 3 tries: not asked again. */
  givenUp: SlotName[];
  /** The question currently asked (null between questions). */
  asking: SlotName | null;
  attempts: number;
  /** Questions answered, in order: "back" re-asks the last one. */
  answered: SlotName[];
  outcome: Outcome;
  /** Fields the last message changed although they were already known. */
  corrected: SlotName[];
  correctionRejected: SlotName | null;
  merchantResponse: string | null;
  difference: Money | null;
  /**
   * How many of the charges the merchant already gave back ("刷了两次，后来退了一笔"): told in
   * passing, never asked. chargeCount stays the number of charges made (design.md, the case).
   */
  refundedCount: number | null;
  /**
   * When the refund was promised or made, or the goods returned, as told in passing ("商家12天前
   * 就说给我退款了"): for the agent, never the transaction date. Older snapshots have none.
   */
  refundWhen?: WhenValue | null;
  adviceGiven: boolean;
  guidance: string[];
  guidanceGiven: boolean;
  handoffReason: 'confirmed' | 'human' | 'not_covered' | null;
  caseId: string | null;
  /**
   * The bot's calendar day ("YYYY-MM-DD", bot time zone) at the last message: the dialog has no
   * clock, so the engine sends it; it decides whether a dispute deadline has passed. Snapshots
   * stored before it existed have none (undefined): then no deadline warning is given.
   */
  today?: string | null;
  /** The user's distress was acknowledged once already: never again in this conversation. */
  acknowledged?: boolean;
  /** Told in passing (src/nlu/questions.ts asides); they change the advice. Absent in old snapshots. */
  chargebackStarted?: boolean;
  dccAccepted?: boolean;
  /**
   * The problem question, skipped together with the offer of a person, was asked once more before
   * the summary (the agent needs it). Absent in old snapshots.
   */
  categoryReasked?: boolean;
  /** A second problem told along the way; absent in old snapshots. */
  otherProblem?: OtherProblemNote | null;
  /** The note that this assistant is for card payments at a terminal was given once already. */
  scopeNoted?: boolean;
}

export type DialogEvent =
  | { type: 'session.started'; locale: Locale | null }
  | { type: 'session.resumed' }
  | { type: 'user.said'; parsed: Parsed; idle: boolean; today?: string }
  | { type: 'case.created'; caseId: string; position: number | null; agentsOpen: boolean; nextOpen?: string | null };

export type DialogEmitted =
  | { type: 'reply'; reply: Reply }
  | { type: 'handoff.requested'; priority: 'normal' | 'urgent' };

export interface DialogInput {
  locale?: Locale | null;
}

export function initialContext(input: DialogInput = {}): DialogContext {
  return {
    locale: input.locale ?? 'zh-CN',
    localeFixed: Boolean(input.locale),
    role: null,
    category: null,
    slots: {},
    givenUp: [],
    asking: null,
    attempts: 0,
    answered: [],
    outcome: { kind: 'nothing' },
    corrected: [],
    correctionRejected: null,
    merchantResponse: null,
    difference: null,
    refundedCount: null,
    refundWhen: null,
    adviceGiven: false,
    guidance: [],
    guidanceGiven: false,
    handoffReason: null,
    caseId: null,
    today: null,
    acknowledged: false,
  };
}

export const isDetailSlot = (s: SlotName | null): s is DetailSlot => s !== null && Object.hasOwn(SLOT_SPECS, s);
