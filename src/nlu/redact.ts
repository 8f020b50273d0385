// Removes card numbers and authentication secrets (CVV, PIN, SMS codes) from a normalised
// message before it is stored, logged or shown to anyone (design.md, domain.md §4).

export interface Redaction {
  text: string;
  cardNumbers: number;
  secrets: number;
  last4: string | null;
}

// A single space or a dash (optionally spaced) may separate digit groups of a card number.
const SEP = '(?: ?[-‐‑‒–—] ?| )';
const DIGIT_RUN = new RegExp(`\\d+(?:${SEP}\\d+)*`, 'g');
const SEP_SPLIT = /(\D+)/;
const MIN_CARD = 13;
const MAX_CARD = 19;

// A 15-digit merchant number is an identifier the agent needs, not cardholder data.
const MERCHANT_ID_BEFORE =
  /(?:商户号|商户编号|商户代码|商户id|商编|merchant\s*(?:id|no\.?|number|code|#)|\bmid)\s*(?:码)?\s*(?:是|为|:|#|=|is|was)?\s*$/i;

// Names of a secret, English: every one behind a word boundary so "hotpot" or "shopping" never match.
const SECRET_KEY_EN =
  '(?:cvv2?|cvc2?|cvn2?|csc|pin(?:\\s*(?:code|number|no\\.?))?|otp|sms\\s*code|security\\s*(?:code|number)|passcode|password|verification\\s*code|card\\s*verification\\s*(?:code|value|number)|one[- ]time\\s*(?:pass)?code|code\\s+(?:they|the bank|you|u|it)\\s+(?:texted|sent|messaged|smsed|smsd)(?:\\s+(?:me|to me))?' +
  // "the 3 digits on the back", "three-digit code on the back of my card", "the code on the back"
  '|(?:(?:3|three)[- ]?digits?(?:\\s+(?:number|code))?|numbers?|code|digits)\\s+(?:on|at|from|in)\\s+the\\s+back(?:\\s+of\\s+(?:the|my|your)\\s+card)?)';
// Chinese names: "安全码", "取款密码", and the many ways of pointing at the code on the back of the
// card — "背面三位数", "卡背后的三位", "后面三个数字", "有效期后面的三位", "背面的数字" (PBOC: CVN2 is
// authentication data, domain.md §4). "后面" alone means "later", so it needs the three digits;
// "后四位"/"尾号" (the last 4, which we keep) never match.
const SECRET_KEY_ZH =
  'pin码|安全码|校验码|交易密码|密码|验证码|动态码|动态密码|短信码|短信验证码' +
  '|卡?(?:背面|背后|反面|后背)(?:的|那)?\\s*(?:(?:三|3)\\s*(?:位|个))?(?:数字|数|码|号码|号)' +
  '|卡?(?:背面|背后|反面|后背|后面)(?:的|那)?\\s*(?:三|3)\\s*(?:位|个)(?:数字|数|码|号码|号)?';
const SECRET_KEY = `(?:(?<![a-z])${SECRET_KEY_EN}(?![a-z])|${SECRET_KEY_ZH})`;
// The secret itself: 3–8 digits, possibly spaced ("4 7 2", "12 34 56"), or spelled in Chinese digits.
const SECRET_VALUE = '(?:\\d(?: ?\\d){2,7}|[零〇一二三四五六七八九幺两]{3,8})';
// What may stand between the name and the value: "是", "为", ":", "=", "就是", "are", "reads" ...
const SECRET_LINK =
  '(?:(?:number|no\\.?|码|号)\\s*)?(?:(?:is|was|are|were|reads?|says?|=|:|是|为|#|-|就是|应该是|好像是|大概是|写的是|写着)\\s*){0,2}';
// "cvv 123", "安全码是456", "my PIN is 1234", "验证码:889900", "背面三位数是472"
const SECRET_AFTER = new RegExp(
  `(${SECRET_KEY}\\s*${SECRET_LINK})(${SECRET_VALUE})(?![\\d零〇一二三四五六七八九])(?!\\.\\d)`,
  'gi',
);
// "123 is the cvv", "456是安全码", "123 (cvv)", "472是背面的三位数"
const SECRET_BEFORE = new RegExp(
  `(?<![\\d*.,])(\\d{3,8})(\\s*(?:(?:is|was|are)\\s+(?:the\\s+|my\\s+|our\\s+)?|是|为|\\(\\s*)${SECRET_KEY})`,
  'gi',
);
// Cheap trigger: without a digit (Arabic or Chinese) there is no secret to hide.
const ANY_DIGIT = /[\d零〇一二三四五六七八九幺两]/;

interface Group {
  digits: string;
  sepBefore: string; // the separator between this group and the previous one ('' for the first)
}

interface Chunk {
  sepBefore: string;
  text: string; // digits and the separators inside the chunk
  digits: string;
}

function maskOf(digits: string): string {
  return '****' + digits.slice(-4);
}

const sepKind = (sep: string): 'space' | 'dash' => (/[-‐‑‒–—]/.test(sep) ? 'dash' : 'space');

/** Splits a run longer than any card into chunks so a date or amount beside a card survives. */
function partition(run: string): Chunk[] {
  const parts = run.split(SEP_SPLIT);
  const groups: Group[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    groups.push({ digits: parts[i] ?? '', sepBefore: i > 0 ? (parts[i - 1] ?? '') : '' });
  }
  // A change of separator ends a segment: "2026-11-20 6222 0212 3456 7890" is a date, then a card.
  const segments: Group[][] = [];
  for (const g of groups) {
    const seg = segments[segments.length - 1];
    const kind = seg && seg.length > 1 ? sepKind((seg[1] as Group).sepBefore) : null;
    if (seg && (kind === null || kind === sepKind(g.sepBefore))) seg.push(g);
    else segments.push([g]);
  }
  // Within a segment, greedy chunks of at most 19 digits.
  const chunks: Chunk[] = [];
  for (const seg of segments) {
    let acc: Group[] = [];
    const flush = (): void => {
      if (acc.length === 0) return;
      chunks.push({
        sepBefore: (acc[0] as Group).sepBefore,
        text: acc.map((g, i) => (i === 0 ? g.digits : g.sepBefore + g.digits)).join(''),
        digits: acc.map((g) => g.digits).join(''),
      });
      acc = [];
    };
    let count = 0;
    for (const g of seg) {
      if (count > 0 && count + g.digits.length > MAX_CARD) {
        flush();
        count = 0;
      }
      acc.push(g);
      count += g.digits.length;
    }
    flush();
  }
  return chunks;
}

function isPhoneNumber(text: string, start: number, run: string, digitCount: number): boolean {
  // "+86 138 1234 5678": a country-code prefix marks a phone number, never a card.
  return text[start - 1] === '+' && digitCount <= 15 && /^\d{1,3}\D/.test(run);
}

function isMerchantId(text: string, start: number, digitCount: number): boolean {
  return digitCount === 15 && MERCHANT_ID_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

function redactCards(text: string, state: { cards: number; last4: string | null }): string {
  return text.replace(DIGIT_RUN, (run: string, offset: number) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length < MIN_CARD) return run;
    if (isPhoneNumber(text, offset, run, digits.length) || isMerchantId(text, offset, digits.length)) return run;
    if (digits.length <= MAX_CARD) {
      state.cards += 1;
      state.last4 = digits.slice(-4);
      return maskOf(digits);
    }
    let out = '';
    for (const c of partition(run)) {
      if (c.digits.length >= MIN_CARD) {
        state.cards += 1;
        state.last4 = c.digits.slice(-4);
        out += c.sepBefore + maskOf(c.digits);
      } else {
        out += c.sepBefore + c.text;
      }
    }
    return out;
  });
}

/** Last line of defence: whatever the chunking decided, no 13+ digit run may leave. */
function enforceNoLongRuns(text: string, state: { cards: number; last4: string | null }): string {
  let out = text;
  for (let i = 0; i < 4; i++) {
    let changed = false;
    out = out.replace(DIGIT_RUN, (run: string, offset: number) => {
      const digits = run.replace(/\D/g, '');
      if (digits.length < MIN_CARD) return run;
      if (isPhoneNumber(out, offset, run, digits.length) || isMerchantId(out, offset, digits.length)) return run;
      changed = true;
      state.cards += 1;
      state.last4 = digits.slice(-4);
      return maskOf(digits);
    });
    if (!changed) break;
  }
  return out;
}

export function redactCardData(text: string): Redaction {
  const state = { cards: 0, last4: null as string | null };
  let out = redactCards(text, state);
  out = enforceNoLongRuns(out, state);
  let secrets = 0;
  if (!ANY_DIGIT.test(out)) return { text: out, cardNumbers: state.cards, secrets, last4: state.last4 };
  out = out.replace(SECRET_AFTER, (_m: string, lead: string) => {
    secrets += 1;
    return `${lead}***`;
  });
  out = out.replace(SECRET_BEFORE, (_m: string, _digits: string, tail: string) => {
    secrets += 1;
    return `***${tail}`;
  });
  return { text: out, cardNumbers: state.cards, secrets, last4: state.last4 };
}

export function containsCardData(text: string): boolean {
  const r = redactCardData(text);
  return r.cardNumbers > 0 || r.secrets > 0;
}
