// Chinese numerals as people write amounts and counts in chat: 三千四百五十, 两千五, 一万二,
// 贰佰, 1.2万. Shared by the money and count rules.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 洞: 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 两: 2, 贰: 2, 貳: 2, 俩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000,
};
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const TOKEN = /\d+(?:\.\d+)?|\S/gu;

/** Rounds away binary noise from decimal inputs such as 1.15万 without hiding real fractions. */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Value of a Chinese (or mixed digit + unit) numeral, or null when `s` is not one.
 * A trailing digit after a unit is read the colloquial way: 两千五 = 2500, 一万二 = 12000,
 * unless a 零 came before it (一百零五 = 105). Unit-less digit strings read positionally
 * (一零二四 = 1024).
 */
export function parseChineseNumber(s: string): number | null {
  const tokens = s.trim().match(TOKEN);
  if (!tokens) return null;

  let total = 0; // completed 万/亿 sections
  let totalUnit = Infinity; // last large unit applied, so 一亿三千万 nests correctly
  let section = 0; // value below the current large unit
  let pending: number | null = null; // a digit still waiting for its unit
  let lastUnit = 0; // for the 两千五 shorthand
  let lastSmall = Infinity; // 十/百/千 must decrease inside a section
  let zeroSinceUnit = false;
  let sawUnit = false;
  let positional = ''; // unit-less strings such as 一零二四

  for (const tok of tokens) {
    const code = tok.charCodeAt(0);
    const isArabic = code >= 48 && code <= 57;
    const digit = isArabic ? Number(tok) : DIGITS[tok];
    if (digit !== undefined) {
      if (isArabic && tok.includes('.') && tokens.length > 1 && pending !== null) return null;
      positional += isArabic ? tok : String(digit);
      if (digit === 0 && !isArabic) {
        // 零 is a placeholder between units (一百零五); it carries no value itself.
        zeroSinceUnit = true;
        if (pending === null) pending = 0;
        else if (pending !== 0) pending = pending * 10;
        continue;
      }
      if (pending !== null && pending !== 0) {
        if (sawUnit) return null; // 三四百: a range, not a number
        pending = pending * 10 + digit;
        continue;
      }
      pending = digit;
      continue;
    }
    const small = SMALL_UNITS[tok];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      if (pending !== null && pending >= 10) return null; // "12百" is not written
      // A bare leading 十 means one ten (十二 = 12).
      section += (pending === null || pending === 0 ? 1 : pending) * small;
      pending = null;
      lastUnit = small;
      lastSmall = small;
      zeroSinceUnit = false;
      sawUnit = true;
      continue;
    }
    const large = LARGE_UNITS[tok];
    if (large !== undefined) {
      section += pending ?? 0;
      pending = null;
      if (section === 0 && total === 0) section = 1; // 万 alone
      if (large < totalUnit) total += section * large;
      else total = (total + section) * large;
      totalUnit = large;
      section = 0;
      lastUnit = large;
      lastSmall = Infinity;
      zeroSinceUnit = false;
      sawUnit = true;
      continue;
    }
    return null;
  }

  if (!sawUnit) {
    const value = Number(positional);
    return positional === '' || !Number.isFinite(value) ? null : clean(value);
  }
  if (pending !== null && pending !== 0) {
    // 两千五 = 2500 (the digit fills the next lower unit) unless 零 intervened (一千零五).
    const shorthand = !zeroSinceUnit && lastUnit >= 10 && pending < 10 && Number.isInteger(pending);
    section += shorthand ? pending * (lastUnit / 10) : pending;
  }
  const value = clean(total + section);
  return Number.isFinite(value) ? value : null;
}
