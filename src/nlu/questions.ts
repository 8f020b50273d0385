// What a message asks or tells besides its answer: a question the bot can answer from the domain
// facts ("多久能退回来？", "are you a bot?"), a payment the bot is not for (淘宝, 微信扫码), a
// chargeback already under way, or a conversion offered and taken by mistake (DCC). Every rule
// sits behind one cheap trigger test: most messages are plain answers and skip all of it.
import type { AsideReading, UserQuestion } from '../types';

/** A necessary condition of every rule below (lower-cased text). */
const TRIGGER =
  /多久|多长时间|几天|什么时候|能不能|会不会|可以.{0,4}吗|退回|退给我|拿回|要回|退钱|退不退|拒付|退单|调单|机器人|真人|人吗|是人|投诉|举报|淘宝|天猫|拼多多|网购|网上|网店|微信|支付宝|扫码|收款码|付款码|二维码|零钱|人民币|本币|币种|选|按|争议|how long|how many days|when will|will i|report|offered|asked me|let me|gave me|tapped|hit|clicked|get .{0,12}back|chargeback|dispute|bot\b|robot|human|real person|automated|complain|amazon|ebay|online|website|wechat|alipay|\bqr\b|paypal|venmo|currency|dollars|\busd\b|\brmb\b|yuan|euros|pounds|chose|picked|selected|accepted|pressed/;

// A question is a question: a question mark, or the words that make one.
const ASKS = /[?？]|吗|呢|么|多久|多长时间|几天|什么时候|\b(?:how|when|what|will|can|is|are|do|does)\b/;

/** Families of questions, first match wins. Each pattern already implies a question form. */
const QUESTIONS: [UserQuestion, RegExp][] = [
  ['bot', /机器人|真人|人工(?:客服)?吗|是人吗|是不是人|\b(?:a |an )?(?:bot|robot)\b|real person|\bhuman\b.{0,12}\?|automated|\bare you (?:a )?(?:person|human)\b/],
  ['chargeback', /(?:什么|啥)是(?:拒付|退单)|(?:拒付|退单)是(?:什么|啥)|what(?:'s| is| are)? (?:a )?chargebacks?|chargebacks? mean|meaning of (?:a )?chargeback/],
  ['refundTime', /多久|多长时间|几天|什么时候.{0,6}(?:退|到账|回来)|how long|when will .{0,30}(?:back|refund|arrive|return)|how many days/],
  ['moneyBack', /(?:能|会|可以).{0,4}(?:退回|退给我|拿回|要回|退钱).{0,4}(?:吗|么|不)|退不退|钱还能.{0,4}回来|(?:will|can|do) i (?:ever )?get (?:my |the )?money back|get (?:it|my money|the money) back\?/],
];

/** "我要投诉这个商家", "I want to complain about the shop": noted for the agent. */
const COMPLAINT = /投诉|举报|(?:want|like|going) to (?:file a |make a )?complain|file a complaint|report (?:the|this) (?:shop|store|merchant)/;

/** A chargeback already started against the merchant ("received a chargeback notice", "顾客拒付了"). */
const CHARGEBACK_STARTED =
  /(?:收到|接到|发起了?|申请了?|已经|被|提出了?)(?:了)?.{0,6}(?:拒付|退单|调单)|(?:拒付|退单)(?:通知|单|了)|(?:received|got|opened|filed|initiated|started|raised|under)\b.{0,20}\b(?:chargeback|dispute)|chargeback (?:notice|letter|notification|came|was|has)|disputed (?:it|the (?:charge|sale|payment))/;

// Payments that are not a card at a shop's terminal. Apple Pay, Google Pay and 闪付 at a till are
// contactless card payments and stay in scope, as does a wallet payment followed by a card swipe.
const ONLINE = /淘宝|天猫|拼多多|网购|网上(?:买|购|下单|付|支付)|网店|\bamazon\b|\bebay\b|aliexpress|\bonline (?:order|purchase|shop|store)|\b(?:bought|ordered|paid|purchased|shopping) (?:it |something )?online\b|website|ordered (?:it )?(?:on|from|through) (?:an? )?app/;
const WALLET = /微信(?:扫码|支付|零钱|付款|付|转账)|支付宝|扫码(?:付|支付)|收款码|付款码|二维码|零钱(?:支付|付)|wechat ?pay|\bwechat\b|alipay|\bqr\b|paypal|venmo/;
const CARD_AT_TILL = /刷|插卡|挥卡|闪付|\bpos\b|terminal|\btill\b|swip|tapped|apple ?pay|google ?pay/;

// DCC offered and accepted by mistake ("让我选人民币结算，我没看清就按了"): not "charged in a foreign
// currency without being asked". A message saying no choice was offered is not this.
const DCC_OFFERED =
  /让我选|让我选择|问我.{0,8}(?:人民币|本币|币种|外币)|选了?(?:人民币|本币)|按了?(?:人民币|本币)|(?:人民币|本币)结算.{0,10}(?:按|选)|\b(?:asked|offered|let|gave) me (?:the )?(?:to |a )?(?:choose|choice|pick|pay in|select|option)|\b(?:chose|picked|selected|accepted|pressed|tapped|hit|clicked)\b.{0,30}\b(?:home currency|my (?:own )?currency|dollars|usd|rmb|yuan|cny|pounds|gbp|euros|eur)\b/;
const DCC_NOT_OFFERED = /没(?:有)?(?:让我|给我|问我)|没得选|不让选|(?:didn't|did not|never|without) (?:ask|offer|let|giv|being)/;

/** The family of question asked, if the message asks one the bot can answer. */
function questionOf(t: string): UserQuestion | null {
  if (COMPLAINT.test(t)) return 'complaint';
  if (!ASKS.test(t)) return null;
  for (const [family, re] of QUESTIONS) if (re.test(t)) return family;
  return null;
}

function nonCardOf(t: string): AsideReading['nonCard'] {
  if (ONLINE.test(t)) return 'online';
  return WALLET.test(t) && !CARD_AT_TILL.test(t) ? 'wallet' : null;
}

/** The asides in one message, or null when it has none (the usual case). */
export function readAsides(text: string): AsideReading | null {
  const t = text.toLowerCase();
  if (!TRIGGER.test(t)) return null;
  const question = questionOf(t);
  const reading: AsideReading = {
    question,
    nonCard: nonCardOf(t),
    // "what is a chargeback?" asks about one; it does not say one has started.
    chargebackStarted: question !== 'chargeback' && CHARGEBACK_STARTED.test(t),
    dccAccepted: DCC_OFFERED.test(t) && !DCC_NOT_OFFERED.test(t),
  };
  return reading.question || reading.nonCard || reading.chargebackStarted || reading.dccAccepted ? reading : null;
}
