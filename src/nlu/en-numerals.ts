// English amounts spelled out ("fifty dollars", "twenty-five bucks", "a hundred euros") turned
// into digits before the money extractor reads them; the stored text keeps the user's words.
const UNITS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

const WORD = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)';
const CURRENCY = '(?:dollars?|bucks|euros?|pounds?|quid|yuan|rmb|kuai|hkd|usd|eur)';
// "twelve dollars fifty", "ten euros and twenty cents": cents after the unit, said as a word
// and either called cents or ending the sentence (so "twenty dollars two times" keeps its count).
const CENTS_WORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)';
const CENTS = `(?:\\s+(?:and\\s+)?(${CENTS_WORD})(?:\\s+cents?\\b|(?=\\s*(?:$|[,.!?;]))))?`;
const SPELLED = new RegExp(
  `\\b((?:(?:a|an)[\\s-]+(?=hundred|thousand))?${WORD}(?:[\\s-]+(?:and[\\s-]+)?${WORD})*)\\s+(${CURRENCY})\\b${CENTS}`,
  'gi',
);
// "$450 instead of forty-five": the amount set against another takes its currency unsaid.
const CONTRAST = '(?:instead of|rather than)';
const AMOUNT_BEFORE = `(?:[$€£¥]\\s?\\d[\\d,]*(?:\\.\\d+)?|\\d[\\d,]*(?:\\.\\d+)?\\s+${CURRENCY})`;
const CONTRASTED_WORDS = new RegExp(
  `(${AMOUNT_BEFORE}\\s+${CONTRAST}\\s+(?:the\\s+)?)((?:(?:a|an)[\\s-]+(?=hundred|thousand))?${WORD}(?:[\\s-]+(?:and[\\s-]+)?${WORD})*)\\b(?!\\s+${CURRENCY}\\b|[\\s-]+(?:times|charges|of|percent|cents?)\\b)`,
  'gi',
);
export const HAS_SPELLED_AMOUNT = new RegExp(`\\b${WORD}\\s+${CURRENCY}\\b|\\b${CONTRAST}\\s+(?:the\\s+)?(?:a\\s+|an\\s+)?${WORD}\\b`, 'i');

/** "twenty-five" → 25, "a hundred and twenty" → 120; null when the words are not one number. */
export function wordsToNumber(words: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  const list = words.toLowerCase().split(/[\s-]+/);
  for (const [i, w] of list.entries()) {
    if (w === 'and') continue;
    // "a"/"an" is a number only in "a hundred", "a thousand"; "a ten dollar sandwich" is 10.
    if ((w === 'a' || w === 'an') && !((list[i + 1] ?? '') in SCALES)) continue;
    if (w in UNITS) current += UNITS[w] ?? 0;
    else if (w in TENS) current += TENS[w] ?? 0;
    else if (w in SCALES) {
      const scale = SCALES[w] ?? 1;
      current = (current || 1) * scale;
      if (scale === 1000) {
        total += current;
        current = 0;
      }
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

// "twelve fifty", "nine ninety-nine": a price said the way it is spoken, whole units then cents.
// Read so only as a whole answer or before a currency word; elsewhere two such numbers are
// more likely a year or a count and an amount.
const PRICE_WHOLE = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
const PRICE_CENTS = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))';
const SPOKEN_PRICE = new RegExp(`^(${PRICE_WHOLE})[\\s-]+(${PRICE_CENTS})$`, 'i');
const ANSWER_LEAD = /^(?:(?:it was|it's|its|it is|that was|about|around|like|roughly|maybe|um+|uh+|so|they charged me|charged me|i paid|paid)\s+)+/i;
const ANSWER_TAIL = /[\s.,!?]+$/;
/** Quick test for readSpokenPrice: a short message of Latin words only. */
export const HAS_SPOKEN_PRICE = /^[a-z' ,-]{7,40}[.!?]*$/i;

/** "twelve fifty" → 12.5 (a price in units and cents); null when the words are not one. */
function spokenPrice(words: string): number | null {
  const m = SPOKEN_PRICE.exec(words.trim());
  if (!m) return null;
  const whole = wordsToNumber(m[1] as string);
  const cents = wordsToNumber((m[2] as string).replace(/^oh[\s-]+/i, ''));
  return whole === null || cents === null || cents >= 100 ? null : whole + cents / 100;
}

/**
 * A whole message that is only an amount in words ("twelve fifty", "about nine ninety-nine",
 * "forty five"), in digits; null for anything else.
 */
export function readSpokenAmount(text: string): string | null {
  const words = text.replace(ANSWER_TAIL, '').replace(ANSWER_LEAD, '');
  const price = spokenPrice(words);
  if (price !== null) return price.toFixed(2);
  if (!new RegExp(`^(?:(?:a|an|and)[\\s-]+)*${WORD}(?:[\\s-]+(?:and[\\s-]+)?${WORD})*$`, 'i').test(words)) return null;
  const n = wordsToNumber(words);
  return n === null || n === 0 ? null : String(n);
}

/** The bare number words after "instead of" an amount, as digits ("$450 instead of 45"). */
function spellContrasted(text: string): string {
  return text.replace(CONTRASTED_WORDS, (whole, before: string, words: string) => {
    const price = spokenPrice(words);
    const n = price ?? wordsToNumber(words);
    return n === null || n === 0 ? whole : `${before}${price !== null ? price.toFixed(2) : String(n)}`;
  });
}

export function spellAmounts(text: string): string {
  return spellContrasted(spellWithUnits(text));
}

function spellWithUnits(text: string): string {
  return text.replace(SPELLED, (whole, words: string, unit: string, centsWords: string | undefined) => {
    const price = centsWords === undefined ? spokenPrice(words) : null;
    if (price !== null) return `${price.toFixed(2)} ${unit}`;
    const n = wordsToNumber(words);
    if (n === null || n === 0) return whole;
    const cents = centsWords === undefined ? null : wordsToNumber(centsWords);
    return cents === null || cents >= 100 ? `${n} ${unit}` : `${n}.${String(cents).padStart(2, '0')} ${unit}`;
  });
}
