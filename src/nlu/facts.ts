// Yes/no facts stated in free text (receipt kept, merchant contacted, card in hand, batch
// settled): a topic word plus its polarity. Bare "yes"/"no" are left to the dialog.

export interface Facts {
  hasReceipt: boolean | null;
  merchantContacted: boolean | null;
  cardInPossession: boolean | null;
  batchSettled: boolean | null;
}

export function extractFacts(_text: string): Facts {
  return { hasReceipt: null, merchantContacted: null, cardInPossession: null, batchSettled: null };
}
