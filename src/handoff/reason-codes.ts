// Network reason codes per category (design.md table); the dispute deadline the rules give is
// computed in dialogs/misswipe/deadlines.ts (domain.md §2).
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
