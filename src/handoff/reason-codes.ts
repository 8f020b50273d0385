// Network reason codes per category (design.md table) and the dispute deadline the rules give
// (domain.md §2: Visa 120 days, Mastercard 90 days for processing errors, from the transaction).
import type { Category, Role } from '../types';

export interface ReasonCodes {
  visa: string | null;
  mastercard: string | null;
  unionpay: string | null;
}

const NONE: ReasonCodes = { visa: null, mastercard: null, unionpay: null };

const TABLE: Record<Category, ReasonCodes> = {
  wrong_amount: { visa: '12.5', mastercard: '4834', unionpay: '4507' },
  duplicate_charge: { visa: '12.6.1', mastercard: '4834', unionpay: '4512' },
  charged_but_failed: { visa: null, mastercard: '4834', unionpay: '4502' },
  paid_by_other_means: { visa: '12.6.2', mastercard: '4834', unionpay: '4806' },
  refund_not_received: { visa: '13.6', mastercard: '4853', unionpay: '4532' },
  preauth_hold: { visa: null, mastercard: '4808', unionpay: '4528' },
  currency_conversion: { visa: '12.3', mastercard: '4834', unionpay: null },
  late_presentment: { visa: '12.1', mastercard: '4834', unionpay: '4536' },
  unrecognized_charge: { visa: '10.3', mastercard: '4837', unionpay: '4515' },
  wrong_card: NONE,
  other: NONE,
};

/** A merchant's under-charge is no cardholder dispute: no network code applies. */
export function reasonCodesFor(category: Category | null, opts: { role: Role | null; undercharge: boolean }): ReasonCodes {
  if (!category) return { ...NONE };
  if (category === 'wrong_amount' && opts.undercharge) return { ...NONE };
  return { ...TABLE[category] };
}

// Processing errors (12.x / 4834): Visa 120 days, Mastercard 90 — the earlier one binds.
// Fraud and credit-not-processed: 120 days for both networks.
const DEADLINE_DAYS: Partial<Record<Category, number>> = {
  wrong_amount: 90,
  duplicate_charge: 90,
  charged_but_failed: 90,
  paid_by_other_means: 90,
  currency_conversion: 90,
  late_presentment: 90,
  refund_not_received: 120,
  unrecognized_charge: 120,
};

export function disputeDeadline(category: Category | null, transactionDate: string | null, opts: { undercharge: boolean }): string | null {
  if (!category || !transactionDate || opts.undercharge) return null;
  const days = DEADLINE_DAYS[category];
  if (!days) return null;
  const d = new Date(`${transactionDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
