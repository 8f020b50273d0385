// Which case field a message talks about ("金额不对，是200" → amountCharged), so a correction
// at the confirmation step can be applied to the right slot.
import type { SlotName } from '../types';

export function detectFieldMention(_text: string): SlotName | null {
  return null;
}
