// People type fast on a phone: "chraged twise", "custmer", "reciept". The few English words the
// intent and fact rules hinge on are restored when a word is one slip away from one of them (a
// swapped, missing, extra or wrong letter). Real words that are one slip from a keyword
// ("changed", "filed", "mount") are left alone. Chinese needs no such step: it is typed by
// picking characters, so its slips are other words, not misspellings.

/** Words the rules key on, with the inflections they use (so "charges" never becomes "charged"). */
const KEYWORDS: readonly string[] = [
  'account', 'accounts', 'overcharge', 'undercharge', 'duplicates', 'cashiers', 'charged', 'charge', 'charges', 'charging', 'overcharged', 'undercharged', 'twice', 'double', 'duplicate',
  'duplicated', 'customer', 'customers', 'merchant', 'merchants', 'cashier', 'cardholder', 'refund', 'refunds',
  'refunded', 'declined', 'decline', 'failed', 'receipt', 'receipts', 'transaction', 'transactions', 'payment',
  'payments', 'recognize', 'recognized', 'unrecognized', 'authorized', 'unauthorized', 'deposit', 'currency',
  'debited', 'deducted', 'contacted', 'pending', 'instead', 'amount', 'wrong', 'stolen', 'fraud', 'yesterday',
];

/** Ordinary words one slip from a keyword: never "corrected". */
const REAL_WORDS: ReadonlySet<string> = new Set([
  'changed', 'charted', 'charger', 'chargers', 'chargee', 'twine', 'trice', 'doubly', 'doublet', 'doubles',
  'doubled', 'reclined', 'declines', 'filed', 'mailed', 'nailed', 'sailed', 'hailed', 'jailed', 'railed', 'tailed',
  'wailed', 'bailed', 'foiled', 'fainted', 'bending', 'lending', 'mending', 'sending', 'tending', 'vending',
  'fending', 'contracted', 'mount', 'amounts', 'amounted', 'stole', 'debuted', 'deduced', 'wring', 'wrung',
  'prong', 'wrongs', 'wronged', 'frauds', 'recognise', 'recognised', 'unrecognised', 'authorised', 'unauthorised',
  'deposits', 'refunding', 'customs', 'charity', 'charter', 'charmed', 'chapped', 'payments', 'instead',
  'change', 'changes', 'changing', 'recognizer', 'ending', 'spending', 'wending', 'rending', 'thrice', 'debated',
  'flailed', 'authorizes', 'doable', 'rouble', 'recline', 'penning',
]);

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);
const MIN_LENGTH = 5;

/** True when a and b differ by exactly one edit or one swap of neighbouring letters. */
function oneSlip(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  // one letter more in the longer word
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// This runs on every English message, so each word is compared only with keywords of a
// length it can reach in one slip.
const BY_LENGTH = new Map<number, string[]>();
for (const k of KEYWORDS) {
  for (const n of [k.length - 1, k.length, k.length + 1]) BY_LENGTH.set(n, [...(BY_LENGTH.get(n) ?? []), k]);
}

function keywordFor(word: string): string | null {
  if (word.length < MIN_LENGTH || KEYWORD_SET.has(word) || REAL_WORDS.has(word)) return null;
  return BY_LENGTH.get(word.length)?.find((k) => oneSlip(word, k)) ?? null;
}

const WORDS = /[a-z]{5,}/g;

/** Lower-case text with misspelled keywords restored; everything else is returned unchanged. */
export function fixTypos(lower: string): string {
  return lower.replace(WORDS, (w) => keywordFor(w) ?? w);
}
