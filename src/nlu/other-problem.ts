// A second story in one message: "…ends 3434. oh and there's also a $380 charge from an
// electronics store I never went to", "另外还有一笔500块的扣款我根本不认识". The bot handles one
// problem per case; a charge the person does not recognise told besides the problem at hand gets
// the freeze-the-card advice and a note for the agent, and its amount and shop are kept apart
// from the case's own.
import type { OtherFraudStory, StoryFacts } from '../types';
import { extractCount } from './digits';
import { detectIntents } from './intents';
import { extractMerchantName } from './merchant';
import { extractMoney } from './money';

// "also / another … charge", "还有一笔", "另外…一笔": a further charge is brought up. Not "the other
// charge", "the second one": in a double charge those are the same story's second charge.
const EN_MORE =
  /\b(?:and\s+)?(?:also|another|additional|separate|plus|besides)\b[^.!?]{0,40}?\b(?:charges?|payments?|transactions?|debits?)\b|\b(?:charges?|payments?|transactions?)\b[^.!?]{0,60}?\b(?:as well|too)\b/i;
const ZH_MORE = /(?:还有|另外|另有|又有|还发现|还看到|此外|再有|另一笔|另外一笔)[^。！？!?]{0,12}?(?:笔|个扣款|扣款|消费|交易)/;
// That charge is not theirs: the cue must come after the words that bring it up.
const EN_FRAUD_CUE =
  /\b(?:never\s+(?:went|been|made|authori[sz]ed|used|bought|visited|shopped|heard|ordered)|(?:don'?t|do not|didn'?t|did not)\s+(?:recogni[sz]e|make|authori[sz]e|buy|know)|not mine|unauthori[sz]ed|no idea what|wasn'?t me|i never)\b/i;
const ZH_FRAUD_CUE = /不认识|没(?:有)?(?:刷|消费|买|去)过|不是我(?:刷|消费|买|付)的|莫名其妙|陌生|盗刷|根本没去过|不知道是(?:什么|哪)/;
/** Cheap gate: a word for another charge and a word for "not mine" both occur. */
const TRIGGER = /also|another|additional|separate|plus|besides|too|as well|还有|另外|另有|又有|还发现|还看到|此外|再有|另一/i;

function storyFacts(text: string, currency: string): StoryFacts {
  const money = /\d/.test(text) ? extractMoney(text, currency) : [];
  return { amount: money[0]?.value ?? null, merchant: extractMerchantName(text) };
}

/**
 * A charge not recognised, told after something else in the same message, or null. `before` is
 * the text ahead of it (the answer to the question, or another problem's story).
 */
export function readOtherFraudStory(text: string, currency: string): OtherFraudStory | null {
  if (!TRIGGER.test(text)) return null;
  const more = EN_MORE.exec(text) ?? ZH_MORE.exec(text);
  if (!more) return null;
  const tail = text.slice(more.index);
  if (!EN_FRAUD_CUE.test(tail) && !ZH_FRAUD_CUE.test(tail)) return null;
  const head = text.slice(0, more.index).replace(/[\s,，。.;；!！]*(?:oh|and|also|还|而且|然后|对了)?[\s,，。.;；!！]*$/i, '');
  const before = storyFacts(head, currency);
  return {
    fraud: storyFacts(tail, currency),
    before: {
      ...before,
      category: head.length > 0 ? detectIntents(head).category : null,
      count: extractCount(head),
    },
  };
}
