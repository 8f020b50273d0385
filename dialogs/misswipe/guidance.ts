// What to tell each role about each category (domain.md §5), as i18n keys: the same keys go into
// the case's `guidance` so the agent knows exactly what the customer was told.
import type { Category, Role } from '../../src/types';
import type { SlotValues } from './context';
import { deadlineStatus, disputeDeadline } from './deadlines';

const CARDHOLDER: Record<Category, string[]> = {
  wrong_amount: ['guidance:cardholder.wrongAmount', 'guidance:common.merchantFirst', 'guidance:deadline.processingError'],
  duplicate_charge: ['guidance:common.pendingVsPosted', 'guidance:cardholder.duplicate', 'guidance:deadline.processingError'],
  charged_but_failed: ['guidance:common.pendingVsPosted', 'guidance:cardholder.chargedButFailed', 'guidance:deadline.processingError'],
  wrong_card: ['guidance:cardholder.wrongCard', 'guidance:common.merchantFirst'],
  paid_by_other_means: ['guidance:cardholder.paidOtherMeans', 'guidance:common.merchantFirst', 'guidance:deadline.processingError'],
  refund_not_received: ['guidance:cardholder.refundNotReceived', 'guidance:deadline.creditNotProcessed'],
  preauth_hold: ['guidance:cardholder.preauthHold'],
  currency_conversion: ['guidance:cardholder.currencyConversion', 'guidance:deadline.processingError'],
  // Its window counts from the day the late charge posted, which the bot does not ask for.
  late_presentment: ['guidance:cardholder.latePresentment', 'guidance:deadline.latePresentment'],
  unrecognized_charge: ['guidance:cardholder.unrecognized', 'guidance:deadline.fraud'],
  other: ['guidance:cardholder.other'],
};

const MERCHANT: Record<Category, string[]> = {
  wrong_amount: ['guidance:merchant.wrongAmount'],
  duplicate_charge: ['guidance:merchant.duplicate'],
  charged_but_failed: ['guidance:merchant.chargedButFailed'],
  wrong_card: ['guidance:merchant.wrongCard'],
  paid_by_other_means: ['guidance:merchant.paidOtherMeans'],
  refund_not_received: ['guidance:merchant.refundNotReceived'],
  preauth_hold: ['guidance:merchant.preauthHold'],
  currency_conversion: ['guidance:merchant.dcc'],
  late_presentment: ['guidance:merchant.latePresentment'],
  unrecognized_charge: [],
  other: ['guidance:merchant.other'],
};

/** Void before settlement, refund after (撤销 vs 退货): the settlement answer decides. */
function settlementKey(settled: boolean | undefined): string {
  if (settled === false) return 'guidance:merchant.voidBeforeSettlement';
  if (settled === true) return 'guidance:merchant.refundAfterSettlement';
  return 'guidance:merchant.voidOrRefund';
}

const NEEDS_SETTLEMENT_ADVICE: Category[] = ['wrong_amount', 'duplicate_charge', 'wrong_card', 'paid_by_other_means'];

export function isUndercharge(slots: Partial<SlotValues>): boolean {
  const { amountCharged: c, amountExpected: e } = slots;
  return Boolean(c && e && c.currency === e.currency && c.minor < e.minor);
}

/** A pre-authorisation completed for more than the agreed amount (hotel: 12600 for 1260). */
export function isOverCompletion(slots: Partial<SlotValues>): boolean {
  const { amountCharged: c, amountExpected: e } = slots;
  return Boolean(c && e && c.currency === e.currency && c.minor > e.minor);
}

/** Fixing a wrong completion: 预授权完成撤销 before settlement, 退货 of the difference after it. */
function completionFixKey(settled: boolean | undefined): string {
  if (settled === false) return 'guidance:merchant.preauthCompletionVoid';
  if (settled === true) return 'guidance:merchant.preauthCompletionRefund';
  return 'guidance:merchant.preauthCompletionFix';
}

/**
 * The cardholder's deadline line, unless the computed deadline has already passed or is days
 * away: then saying "within about 90–120 days" would mislead, so that is what is said instead.
 */
function deadlineLine(key: string, category: Category, slots: Partial<SlotValues>, today: string | null): string {
  if (!key.startsWith('guidance:deadline.')) return key;
  const deadline = disputeDeadline(category, slots.when?.date ?? null, { undercharge: isUndercharge(slots) });
  const status = deadlineStatus(deadline, today);
  if (status === 'passed') return 'guidance:deadline.passed';
  if (status === 'closing') return 'guidance:deadline.closing';
  return key;
}

/** Fraud is no shop error: its closing line is about the bank's fraud team, not the merchant. */
const escalationKey = (category: Category) =>
  category === 'unrecognized_charge' ? 'guidance:common.escalationFraud' : 'guidance:common.escalation';

/** What the user told in passing that changes the advice (questions.ts asides, kept in the context). */
export interface AdviceFacts {
  /** A chargeback is already under way: refunding as well would pay the customer twice. */
  chargebackStarted?: boolean;
  /** The cardholder was offered their home currency (DCC) and accepted it by mistake. */
  dccAccepted?: boolean;
}

function cardholderGuidance(category: Category, slots: Partial<SlotValues>, today: string | null, facts: AdviceFacts): string[] {
  // Accepting an offered conversion is usually no dispute reason: the fix is the shop's void.
  const keys = category === 'currency_conversion' && facts.dccAccepted ? ['guidance:cardholder.dccAccepted'] : CARDHOLDER[category];
  return [...keys.map((k) => deadlineLine(k, category, slots, today)), escalationKey(category)];
}

/**
 * A merchant's steps. Only one way of giving money back is advised, never next to advice that
 * contradicts it: an undercharge gets no refund (nothing was overcharged), and a sale with a
 * chargeback under way gets no void or refund (the chargeback already returns the money).
 */
function merchantGuidance(category: Category, slots: Partial<SlotValues>, facts: AdviceFacts): string[] {
  if (category === 'wrong_amount' && isUndercharge(slots)) return ['guidance:merchant.undercharge'];
  if (facts.chargebackStarted && (NEEDS_SETTLEMENT_ADVICE.includes(category) || category === 'preauth_hold')) {
    return ['guidance:merchant.chargebackUnderway'];
  }
  if (category === 'preauth_hold' && isOverCompletion(slots)) {
    return ['guidance:merchant.preauthOverCompleted', completionFixKey(slots.batchSettled)];
  }
  const keys = [...MERCHANT[category]];
  if (NEEDS_SETTLEMENT_ADVICE.includes(category)) keys.push(settlementKey(slots.batchSettled));
  return keys;
}

export function guidanceFor(
  role: Role,
  category: Category,
  slots: Partial<SlotValues>,
  today: string | null = null,
  facts: AdviceFacts = {},
): string[] {
  return role === 'cardholder' ? cardholderGuidance(category, slots, today, facts) : merchantGuidance(category, slots, facts);
}

/** Role × category pairs the domain does not cover (design.md step 7). */
export function notCoveredKey(role: Role | null, category: Category | null, slots: Partial<SlotValues>): string | null {
  if (role === 'merchant' && category === 'unrecognized_charge') return 'misswipe:notCovered.merchantUnrecognized';
  if (role === 'cardholder' && category === 'wrong_amount' && isUndercharge(slots)) {
    return 'misswipe:notCovered.cardholderUndercharge';
  }
  return null;
}
