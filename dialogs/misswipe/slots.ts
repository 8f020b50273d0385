// Which details each role × category needs (domain.md §3), in the order the bot asks for them,
// and each slot's kind and choices. The one table the dialog consults: states never list slots.
import { CATEGORIES, type CardType, type Category, type Choice, type Role, type SlotKind, type SlotName } from '../../src/types';

export type DetailSlot =
  | 'when'
  | 'amountCharged'
  | 'amountExpected'
  | 'chargeCount'
  | 'merchantName'
  | 'cardLast4'
  | 'cardType'
  | 'issuer'
  | 'referenceNumber'
  | 'hasReceipt'
  | 'merchantContacted'
  | 'cardInPossession'
  | 'batchSettled';

export interface SlotSpec {
  kind: SlotKind;
  choices?: Choice[];
}

const yesNo: Choice[] = [
  { label: 'common:choice.yes', payload: 'yes' },
  { label: 'common:choice.no', payload: 'no' },
];

const cardTypes: Choice[] = (['credit', 'debit', 'prepaid'] as CardType[]).map((t) => ({
  label: `misswipe:cardType.${t}`,
  payload: t,
}));

export const SLOT_SPECS: Record<DetailSlot, SlotSpec> = {
  when: { kind: 'datetime' },
  amountCharged: { kind: 'money' },
  amountExpected: { kind: 'money' },
  chargeCount: { kind: 'text' },
  merchantName: { kind: 'text' },
  cardLast4: { kind: 'digits4' },
  cardType: { kind: 'choice', choices: cardTypes },
  issuer: { kind: 'text' },
  referenceNumber: { kind: 'text' },
  hasReceipt: { kind: 'yesno', choices: yesNo },
  merchantContacted: { kind: 'yesno', choices: yesNo },
  cardInPossession: { kind: 'yesno', choices: yesNo },
  batchSettled: { kind: 'yesno', choices: yesNo },
};

/** A slot in a category's list; optional ones are asked but "skip" costs nothing. */
interface Need {
  slot: DetailSlot;
  optional?: boolean;
}

const r = (slot: DetailSlot): Need => ({ slot });
const o = (slot: DetailSlot): Need => ({ slot, optional: true });

// The cardholder's statement line: what every issuer dispute form asks for.
const statementLine = [r('when'), r('merchantName'), r('amountCharged')];
const card = [r('cardLast4'), r('cardType'), r('issuer'), r('hasReceipt')];

const CARDHOLDER: Record<Category, Need[]> = {
  wrong_amount: [...statementLine, r('amountExpected'), ...card, r('merchantContacted'), o('referenceNumber')],
  duplicate_charge: [...statementLine, r('chargeCount'), ...card, r('merchantContacted'), o('referenceNumber')],
  charged_but_failed: [...statementLine, o('chargeCount'), ...card, r('merchantContacted'), o('referenceNumber')],
  wrong_card: [...statementLine, ...card, r('merchantContacted')],
  paid_by_other_means: [...statementLine, ...card, r('merchantContacted')],
  refund_not_received: [...statementLine, ...card, r('merchantContacted'), o('referenceNumber')],
  preauth_hold: [...statementLine, o('amountExpected'), ...card, o('merchantContacted')],
  currency_conversion: [...statementLine, r('amountExpected'), ...card, o('merchantContacted')],
  late_presentment: [...statementLine, ...card, o('merchantContacted')],
  // design.md step 4: the urgent branch asks only these, in this order.
  unrecognized_charge: [r('cardInPossession'), r('amountCharged'), r('when'), r('cardLast4'), r('issuer')],
  other: [...statementLine, ...card, o('merchantContacted')],
};

// A merchant's own sale: the customer's card is identified by its last 4 on the slip, and
// whether the batch is settled decides 撤销 (void) versus 退货 (refund).
const sale = [r('when'), r('amountCharged')];
const MERCHANT: Record<Category, Need[] | null> = {
  wrong_amount: [...sale, r('amountExpected'), r('merchantName'), r('cardLast4'), r('batchSettled'), o('referenceNumber')],
  duplicate_charge: [...sale, r('chargeCount'), r('merchantName'), r('cardLast4'), r('batchSettled'), o('referenceNumber')],
  charged_but_failed: [...sale, r('merchantName'), r('cardLast4'), r('batchSettled'), o('referenceNumber')],
  wrong_card: [...sale, r('merchantName'), r('cardLast4'), r('batchSettled')],
  paid_by_other_means: [...sale, r('merchantName'), r('cardLast4'), r('batchSettled')],
  refund_not_received: [...sale, r('merchantName'), r('cardLast4'), o('referenceNumber')],
  // A completion keyed too high is fixed by 预授权完成撤销 before settlement, 退货 after it.
  preauth_hold: [...sale, o('amountExpected'), r('merchantName'), r('cardLast4'), o('batchSettled')],
  currency_conversion: [...sale, r('amountExpected'), r('merchantName'), r('cardLast4')],
  late_presentment: [...sale, r('merchantName'), r('cardLast4')],
  unrecognized_charge: null, // the domain has no merchant path: an honest answer and a human
  other: [...sale, r('merchantName'), r('cardLast4')],
};

export function needsFor(role: Role, category: Category): Need[] | null {
  return role === 'cardholder' ? CARDHOLDER[category] : MERCHANT[category];
}

export function isOptional(role: Role, category: Category, slot: DetailSlot): boolean {
  return needsFor(role, category)?.find((n) => n.slot === slot)?.optional ?? true;
}

/** The first slot of the list that is neither filled nor given up on. */
export function nextMissing(
  role: Role,
  category: Category,
  filled: (slot: DetailSlot) => boolean,
  givenUp: readonly SlotName[],
): DetailSlot | null {
  const needs = needsFor(role, category) ?? [];
  return needs.find((n) => !filled(n.slot) && !givenUp.includes(n.slot))?.slot ?? null;
}

/** Required slots still unknown: the case's `missing` list. */
export function missingRequired(role: Role | null, category: Category | null, filled: (s: DetailSlot) => boolean): SlotName[] {
  const out: SlotName[] = [];
  if (!role) out.push('role');
  if (!category) out.push('category');
  if (!role || !category) return out;
  for (const n of needsFor(role, category) ?? []) if (!n.optional && !filled(n.slot)) out.push(n.slot);
  return out;
}

export const ROLE_CHOICES: Choice[] = [
  { label: 'misswipe:role.cardholder', payload: 'cardholder' },
  { label: 'misswipe:role.merchant', payload: 'merchant' },
];

export const CATEGORY_CHOICES: Choice[] = CATEGORIES.map((c) => ({ label: `misswipe:category.${c}`, payload: c }));
