// English payment words inside a Chinese message ("我的card被charge了两次", "refund 一直没到",
// "收银员又swipe了我的卡") read as their Chinese equivalents, so the Chinese rules see one
// language. Used only on a copy of a message already judged Chinese (parse.ts); the stored
// text keeps the user's words.

/** [English words (regex source), the Chinese word the rules know]; longer phrases first. */
const TABLE: readonly (readonly [string, string])[] = [
  ['double[- ]?charg(?:ed|es|e|ing)', '重复扣款'],
  ['over-?charg(?:ed|es|e|ing)', '多扣'],
  ['charg(?:ed|es|e|ing)|billed|debited|deducted', '扣'],
  ['swip(?:ed|es|e|ing)', '刷'],
  ['refund(?:ed|s)?', '退款'],
  ['void(?:ed)?', '撤销'],
  ['revers(?:al|ed)', '冲正'],
  ['fail(?:ed|s|ure)?', '失败'],
  ['declined?', '被拒'],
  ['tim(?:ed|e)[- ]?out', '超时'],
  ['errors?', '报错'],
  ['pending', '未入账'],
  ['credit ?cards?', '信用卡'],
  ['debit ?cards?', '借记卡'],
  ['cards?', '卡'],
  ['we ?chat(?: ?pay)?', '微信'],
  ['alipay', '支付宝'],
  ['cash', '现金'],
  ['receipts?|slips?', '小票'],
  ['deposit', '押金'],
  ['pre-?auth(?:ori[sz]ation)?', '预授权'],
  ['exchange rate', '汇率'],
  ['local currency', '当地货币'],
  ['currency', '币种'],
  ['twice', '两次'],
  ['amount', '金额'],
  ['wrong', '错'],
  ['settle(?:d|ment)?', '结算'],
  ['batch', '批次'],
  ['fraud', '盗刷'],
  ['stolen', '被盗'],
  ['unauthori[sz]ed', '未授权'],
  ['terminal', '终端'],
  ['acct|account', '账户'],
];

// Spaces around an embedded word are dropped: Chinese rules expect "被扣了", not "被 扣 了".
const WORDS = new RegExp(`\\s*\\b(?:${TABLE.map(([src], i) => `(?<w${i}>${src})`).join('|')})\\b\\s*`, 'gi');
/** Cheap gate: a Latin word of three letters or more, which every entry above is. */
export const HAS_LATIN_WORD = /[A-Za-z]{3}/;

function chineseFor(groups: Record<string, string | undefined>): string | null {
  for (let i = 0; i < TABLE.length; i++) {
    if (groups[`w${i}`] !== undefined) return (TABLE[i] as readonly [string, string])[1];
  }
  return null;
}

/** The Chinese message with its embedded English payment words replaced by Chinese ones. */
export function translateEmbeddedEnglish(text: string): string {
  return text.replace(WORDS, (whole: string, ...rest: unknown[]) => {
    const groups = rest[rest.length - 1] as Record<string, string | undefined>;
    return chineseFor(groups) ?? whole;
  });
}
