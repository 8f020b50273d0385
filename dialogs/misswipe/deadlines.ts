// Dispute deadlines (domain.md §2 "Time limits"): the date the rules give, and where it stands
// on a given day — the bot must not quote "about 90–120 days" for a charge whose window has
// (probably) closed already. Pure date arithmetic on "YYYY-MM-DD": no clock; callers pass the day.
import type { Category } from '../../src/types';

/** 'closing': the deadline is this close (days left, inclusive) — worth saying so. */
export const CLOSING_DAYS = 7;

export type DeadlineStatus = 'open' | 'closing' | 'passed';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Days left until the deadline (0 = today is the last day; negative = passed), or null. */
export function daysLeft(deadline: string | null, today: string | null): number | null {
  if (!deadline || !today) return null;
  const n = daysBetween(today, deadline);
  return Number.isFinite(n) ? n : null;
}

export function deadlineStatus(deadline: string | null, today: string | null): DeadlineStatus | null {
  const left = daysLeft(deadline, today);
  if (left === null) return null;
  if (left < 0) return 'passed';
  return left <= CLOSING_DAYS ? 'closing' : 'open';
}

// Processing errors (12.x / 4834): Visa 120 days, Mastercard 90 — the earlier one binds.
// Fraud and credit-not-processed: 120 days for both networks. Counted from the transaction's
// processing date. Late presentment has none here: its window runs from the day the late charge
// was processed (posted), weeks or months after the sale — and the bot asks only for the sale
// date, so any date it computed would be too early (the agent reads the posting date off the
// statement instead; the guidance says so).
const DEADLINE_DAYS: Partial<Record<Category, number>> = {
  wrong_amount: 90,
  duplicate_charge: 90,
  charged_but_failed: 90,
  paid_by_other_means: 90,
  currency_conversion: 90,
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
