// Yes/no facts stated in free text (receipt kept, merchant contacted, card in hand, batch
// settled): a topic word plus its polarity, per clause. Bare "yes"/"no" are left to the dialog.

import { chatLower } from './intents';

// Input is NFKC-normalised and card-redacted. Each fact is null unless a topic-bearing phrase
// states it; when a message says both ("我联系了银行，还没找商家"), the negative about the
// merchant wins, because the positive was about someone else (the bank).

export interface Facts {
  hasReceipt: boolean | null;
  merchantContacted: boolean | null;
  cardInPossession: boolean | null;
  batchSettled: boolean | null;
}

const CLAUSES = /[,.!?;。、~…\n]+|\s+(?:but|though|however|and)\s+|但是|可是|不过|但/;

function clausesOf(t: string): string[] {
  return t
    .split(CLAUSES)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}


// ------------------------------------------------------------------------------- receipt

// 押金单/预授权单 (a hotel's deposit slip) and 单子/"the paper" are what people call the slip;
// a refund or void slip (退货单, 退款单, 撤销单) is the slip a C7 case asks for.
const RECEIPT =
  /小票|签购单|签单|收据|凭条|单据|发票|票据|回单|水单|pos单|押金单|预授权单|(?:退货|退款|撤销|冲正)(?:单|凭证|凭条)|单子|\b(?:refund|return|void) (?:slip|receipt|confirmation)s?\b|\breceipts?\b|\bslips?\b|\binvoices?\b|\bproof of (?:purchase|payment)\b|\bsales? slip\b|\bpaper(?:work)?\b/;
const RECEIPT_NEG =
  /没有?(?!错|问题)|丢了?|掉了|扔了?|找不到|不见了?|弄丢|不在了|\bno\b|\bnot\b|n't\b|\bnever\b|\blost\b|\bthrew\b|\bthrown\b|\btossed\b|\bmisplaced\b|\bcan'?t find\b|\bcannot find\b|\bwithout\b|\bdiscarded\b|\bbinned\b|\bgone\b/;
// "只有一张" has one; "单子有问题" says nothing about keeping it. "only one receipt" has one.
const RECEIPT_POS =
  /有(?!问题|误|错)|留|还在|在(?:的|呢|啊|哦)*$|在我|在这|在手|保留|拍了?|拿着|收好|存着|保存|\bkept\b|\bkeep\b|\bhave\b|\bhad\b|\bgot\b|\bstill\b|\bphoto\b|\bpicture\b|\bpic\b|\bright here\b|\bin my\b|\bsaved\b|\bhere\b|\bwith me\b|\bsnapped\b|\b(?:only|just) (?:one|1|a single)\b/;
const UNSURE = /不知道|不确定|不记得|不清楚|\bdon'?t know\b|\bnot sure\b|\bcan'?t remember\b|\bdon'?t remember\b/;
// "没打出来", "没给小票": the receipt never printed or was never handed over.
const NEVER_PRINTED = /^(?:(?:小票|签购单|收据)(?:也|都|根本)?)?(?:没有?|未)(?:打|打印|出|给|开)(?:出来|出|我)?(?:小票|签购单|收据)?(?:了|啊|呀)?$/;
const THREW_IT_AWAY = /^(?:(?:no|nah|nope|yeah|yes|sorry)[\s,]+)?(?:i )?(?:threw|thrown|tossed|binned|discarded) (?:it|them) (?:away|out)$|^(?:扔掉?了|早扔了|扔了)$/;

function receipt(t: string): boolean | null {
  let result: boolean | null = null;
  for (const c of clausesOf(t)) {
    if (!RECEIPT.test(c) || UNSURE.test(c)) continue;
    if (RECEIPT_NEG.test(c)) return false;
    if (RECEIPT_POS.test(c)) result = true;
  }
  const bare = t.replace(/[.!。！]+$/, '').trim();
  if (result === null && (THREW_IT_AWAY.test(bare) || NEVER_PRINTED.test(bare))) return false;
  return result;
}

// ------------------------------------------------------------------- merchant contacted

const TARGET_ZH = '(?:商家|商户|店家|店员|店里|店主|老板娘|老板|收银员|收银|服务员|前台|经理|店长|门店|酒店|餐厅|饭店|超市|对方|那家店|这家店|店铺|卖家|他们|店)';
const BANK_ZH = /银行|发卡行|信用卡中心|银联|客服热线|警察|派出所|110/;
const CONTACT_NEG_ZH = new RegExp(
  `(?:没有?|未|还没)(?:去|回)过?(?:一趟)?(?:店里|店|门店|商场|超市|酒店)|电话(?:也|都|还)?(?:没有?|未)打|(?:没有?|未|没能|还没)(?:去)?(?:联系|问|找|打电话|打过电话|沟通|反映|投诉|去店|回店|回去找)|(?:没有?|未)(?:跟|和|给)${TARGET_ZH}|联系不[上到]|找不到${TARGET_ZH}|打不通|不理(?:我)?|没人接|${TARGET_ZH}(?:一直)?(?:不接|不回|不理|不回复|关门|倒闭|跑路|联系不上)`,
);
// "打过电话"/"电话打过了" carry their own 过; "去过店里"; and what the staff did when asked
// ("店员根本不管", "店里让我找银行", "老板推给银行") shows they were spoken to.
const CONTACT_POS_ZH = new RegExp(
  `(?:联系|问|找|沟通|反映|投诉|打电话|打过电话|打了电话|说|讲)(?:过|了)+|(?:打过|打了)(?:好几个|几个|个)?电话|电话(?:也|都|早就|已经)?打(?:过|了)|(?:去|回)(?:过|了)(?:一趟)?(?:店里|店|门店|商场|超市|酒店)|` +
    `${TARGET_ZH}(?:根本|压根|就是?|也|都|一直|直接)?(?:不管|不处理|不负责|不给退|不退|推给|推到|推脱|踢皮球|敷衍|让我|叫我|拖着|搪塞|不承认|不认账|不认|否认|死不承认|抵赖|耍赖)|(?:跟|和|给|找|问|联系)(?:了|过)?${TARGET_ZH}|${TARGET_ZH}(?:那边|方面)?(?:说|讲|表示|答应|回复|告诉|回答|承认|同意|拒绝|不给|不同意|让我等|说要|不肯|承诺)|回(?:到)?店里|去店里`,
);

const TARGET_EN =
  "(?:merchant|shop|store|restaurant|cashier|manager|owner|them|staff|hotel|seller|vendor|clerk|place|business|cafe|café|bar|salon|pharmacy|waiter|waitress|server|front desk|guy|lady|person|they|supermarket|gas station|retailer|company|boutique|bakery|diner)";
const BANK_EN = /\b(?:bank|issuer|card company|credit card company|visa|mastercard|amex|police|you|your)\b/;
const CONTACT_VERB_EN =
  '(?:contact(?:ed)?|call(?:ed)?|phon(?:e|ed)|email(?:ed)?|messag(?:e|ed)|text(?:ed)?|talk(?:ed)? (?:to|with)|spok(?:e|en) (?:to|with)|speak (?:to|with)|ask(?:ed)?|complain(?:ed)? to|(?:went|gone|go|been) back(?: to)?|reach(?:ed)? out(?: to)?|reach(?:ed)?|visit(?:ed)?|told|wr(?:ote|itten) to|rang|heard back from)';
const CONTACT_NEG_EN = new RegExp(
  `\\b(?:haven'?t|have not|hasn'?t|didn'?t|did not|not yet|never|couldn'?t|could not|can'?t|cannot|unable to|yet to)\\s+(?:yet\\s+)?(?:been able to\\s+)?${CONTACT_VERB_EN}\\b|\\b(?:^|but )not (?:the |their |that )?${TARGET_EN}\\b|\\bno (?:answer|response|reply) from\\b|\\b(?:they|${TARGET_EN}) (?:won'?t|don'?t|didn'?t) (?:answer|pick up|reply|respond)\\b`,
);
const CONTACT_POS_EN = new RegExp(
  `\\b${CONTACT_VERB_EN}\\s+(?:the |my |their |that |this |a |an )?(?:[\\w'-]+\\s+){0,2}?${TARGET_EN}\\b|\\b(?:the |their |that )?${TARGET_EN}\\s+(?:said|says|told (?:me|us)|promised|refused|agreed|confirmed|claimed|claims|insisted|admitted|replied|responded|answered|won'?t|wouldn'?t|will|would|'d|offered)\\b`,
);
// "the cashier didn't care": asked, and brushed off.
const BRUSHED_OFF_EN = new RegExp(
  `\\b${TARGET_EN}\\s+(?:didn'?t|did not|doesn'?t|does not)\\s+(?:care|help|do anything|want to know|bother)\\b`,
);
// "I called" / "went back there" as the whole answer to "have you contacted the merchant?".
const BARE_WENT_EN = /^(?:yes,? )?(?:i )?(?:already )?(?:called|phoned|rang|went back|went there|went in|went to see)(?: (?:them|there|back|in person))?(?: already| twice| yesterday| today)?$/;
const BARE_CONTACTED_EN = /^(?:yes,? )?(?:i )?(?:already )?(?:contacted|called|asked|emailed|talked to|spoke (?:to|with)) (?:them|him|her)(?: already)?/;

const NAMES_MERCHANT = new RegExp(`${TARGET_ZH}|\\b(?:merchant|shop|store|restaurant|cashier|seller|hotel)\\b`);

function saidContactedEn(c: string): boolean {
  return BARE_CONTACTED_EN.test(c) || BARE_WENT_EN.test(c) || BRUSHED_OFF_EN.test(c);
}

function merchantContacted(t: string): boolean | null {
  let pos = false;
  for (const c of clausesOf(t)) {
    const aboutBank = (BANK_ZH.test(c) || BANK_EN.test(c)) && !NAMES_MERCHANT.test(c);
    if (CONTACT_NEG_ZH.test(c) || CONTACT_NEG_EN.test(c)) {
      if (!aboutBank) return false;
      continue;
    }
    if (aboutBank) continue;
    if (CONTACT_POS_ZH.test(c) || CONTACT_POS_EN.test(c) || saidContactedEn(c)) pos = true;
  }
  return pos ? true : null;
}

// --------------------------------------------------------------------- card in possession

// 被盗刷/被盗用 is the card being used by someone else, not the card being stolen.
const CARD_NEG =
  /卡(?:片)?(?![里上])[^,.!?。]{0,4}?(?:丢了|掉了|不见了|被偷(?![刷用])了?|被盗(?![刷用])了?|被抢了?|遗失|丢失|被人拿走)|(?:丢|掉|弄丢)了?(?:我的)?(?:银行)?卡|找不到(?:我的)?(?:银行)?卡|(?:钱包|包)(?:被偷|被盗|被抢|丢了|掉了|不见了)|\blost (?:my|the|our) (?:\w+ )?(?:card|wallet|purse)\b|\b(?:card|wallet|purse)\b[^.!?]{0,30}\b(?:was|got|is|has been|were) (?:lost|stolen|missing|taken|snatched)\b|\bstolen (?:card|wallet|purse)\b|\b(?:can'?t|cannot|couldn'?t) find (?:my|the) (?:card|wallet|purse)\b|\bmisplaced (?:my|the) (?:card|wallet|purse)\b|\b(?:my|the) (?:card|wallet|purse) is (?:gone|missing)\b/;
const CARD_POS =
  /卡(?:片)?(?:一直|还|就|都|现在)?(?:在|带在)(?:我)?(?:的)?(?:身上|手上|手里|身边|钱包里?|包里|这里?|家里?)|卡(?:片)?(?:没丢|没有丢|没掉|一直在|从没离|没离)|卡在我这|\bi (?:still )?(?:have|got|hold) (?:my|the) (?:\w+ )?card\b|\b(?:my |the )?card(?:'s| is)? (?:still )?(?:with me|on me|in my (?:wallet|purse|pocket|hand|possession|bag)|right here|here|safe)\b|\bcard never left\b|\bnever lost (?:my|the) card\b|\bstill (?:have|got) (?:my|the|it)\b.*\bcard\b|\bcard in my possession\b/;

// A whole message that is only a place ("在我身上", "in my pocket") answers the one question this
// bot asks about a place: whether the card is with the customer.
const HERE_ONLY =
  /^(?:卡(?:片)?)?(?:还|一直|都)在(?:呢|的|啊|哦)*$|^(?:(?:是的?|对|嗯|yes|yeah|yep)[,，\s]*)?(?:卡(?:片)?)?(?:还|一直|就|都)?(?:在|带着|带在)(?:我)?(?:的)?(?:身上|身边|手上|手里|钱包里?|包里|这里?|这儿)(?:呢|啊|的|了)*$|^(?:yes,? )?(?:it'?s |it is )?(?:still )?(?:in my (?:pocket|wallet|purse|bag|hand)|on me)\b/;
const NOT_HERE_ONLY = /^(?:卡(?:片)?)?(?:不在|没在|没带在)(?:我)?(?:的)?(?:身上|身边|手上|手里|钱包里?|包里)|^(?:it'?s |it is )?not (?:with me|on me|in my (?:pocket|wallet|purse|bag))\b/;

function cardInPossession(t: string): boolean | null {
  if (CARD_NEG.test(t) || NOT_HERE_ONLY.test(t)) return false;
  if (CARD_POS.test(t) || HERE_ONLY.test(t)) return true;
  return null;
}

// ------------------------------------------------------------------------- batch settled

const SETTLED_NEG =
  /(?:还|都|暂时)?(?:没有?|未)(?:做|进行)?(?:结算|日结|批结|清算|结批|签退|结)|批次.{0,3}(?:没结|还开着|未结|未关)|\bnot (?:yet )?settled\b|\b(?:haven'?t|hasn'?t|didn'?t|did not|have not) (?:yet )?settled?\b|\bbatch (?:is |was )?(?:still )?open\b|\bbatch (?:is |has |was )?not (?:yet )?(?:been )?(?:closed|settled|sent)\b|\bunsettled\b|\b(?:haven't|hasn't|didn't|did not|have not|has not|not) (?:yet )?(?:closed|settled|sent|submitted|run|done) (?:out )?(?:the |our |my |today's )?(?:batch|settlement)|\bbefore (?:the )?(?:settlement|batch (?:close|closed|closing))\b|\b(?:not|no|don'?t|do not) (?:yet )?settle(?:d|ment)?(?: yet)?\b|\bsettle(?:d|ment)? not yet\b/;
const SETTLED_POS =
  /(?<![按用以])(?:已经?|都)(?:结过算|结了算|结算|日结|批结|清算|结批|签退)(?:过)?(?:了)?|(?:做了|做过|已做)(?:日结|结算|批结)|^(?:已经?)?结算(?:过)?了|(?:批次|日结|批结).{0,4}(?:结了|了|完|关了)|(?:结算|批结|日结)(?:以后|之后|后)|\bafter (?:the )?(?:batch (?:closed|close|was closed|settled)|settlement)\b|\bbatch(?:es)? (?:is |was |were |has been |have been |got )?(?:already )?(?:closed|settled|sent|submitted)\b|\b(?:closed|settled) (?:out )?the batch\b|\b(?:already )?settled(?: already)?$|\bwe (?:already )?settled\b|\bsettlement (?:is |was |has been )?(?:done|complete|completed|finished)\b|(?<![没未不])(?:早就?|早已|已经?)?(?:结算|结)过了?(?![账钱])|(?:早就?|早已|已经?)结(?:算)?了(?![账钱])|^结(?:算)?了$|\bit (?:has |was )?(?:already )?settled\b/;
const SETTLED_NOISE = /\bsettled? (?:the |my |our |a )?(?:bill|tab|account|check|balance|debt|dispute)\b|按.{0,6}结算|用.{0,6}结算|外币结算/g;

function batchSettled(t: string): boolean | null {
  const c = t.replace(SETTLED_NOISE, ' ');
  // "not sure if it settled": neither; the question is asked again.
  if (UNSURE.test(c)) return null;
  if (SETTLED_NEG.test(c)) return false;
  if (SETTLED_POS.test(c)) return true;
  return null;
}

export function extractFacts(text: string): Facts {
  const t = chatLower(text).trim();
  return {
    hasReceipt: receipt(t),
    merchantContacted: merchantContacted(t),
    cardInPossession: cardInPossession(t),
    batchSettled: batchSettled(t),
  };
}
