// When the transaction happened ("前天上午十点", "last night around 11"), resolved in the bot's
// time zone to the latest matching moment that is not in the future (design.md).
//
// chrono-node does the parsing. It is handed a reference Date whose *local* fields equal the
// wall clock of opts.timeZone, and only the parsed fields are read back (never .date()), so
// the result does not depend on the process's TZ (chrono's Chinese parsers ignore `timezone`).
// The process's own zone only matters inside a DST gap, where a wall-clock time is skipped.

import * as chrono from 'chrono-node';
import type { ParseOptions, WhenParse } from '../types';
import { findMoneySpans } from './money';

const GRACE_MINUTES = 5;

// ----------------------------------------------------------------------------- wall clock

interface Wall {
  y: number;
  m: number; // 1-12
  d: number;
  h: number;
  min: number;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    FORMATTERS.set(timeZone, f);
  }
  return f;
}

// formatToParts costs several µs; messages arrive many per minute, so the last minute is kept.
const LAST_WALL = new Map<string, { minute: number; wall: Wall }>();

function wallClock(instant: Date, timeZone: string): Wall {
  const minute = Math.floor(instant.getTime() / 60_000);
  const cached = LAST_WALL.get(timeZone);
  if (cached && cached.minute === minute) return { ...cached.wall };
  const w: Wall = { y: 0, m: 0, d: 0, h: 0, min: 0 };
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type === 'year') w.y = Number(p.value);
    else if (p.type === 'month') w.m = Number(p.value);
    else if (p.type === 'day') w.d = Number(p.value);
    else if (p.type === 'hour') w.h = Number(p.value) % 24;
    else if (p.type === 'minute') w.min = Number(p.value);
  }
  LAST_WALL.set(timeZone, { minute, wall: w });
  return w;
}

function addDays(w: Wall, days: number): Wall {
  const t = new Date(Date.UTC(w.y, w.m - 1, w.d + days));
  return { ...w, y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Wall-clock arithmetic; a DST jump inside the 5-minute grace is not worth modelling. */
function addMinutes(w: Wall, minutes: number): Wall {
  const t = new Date(Date.UTC(w.y, w.m - 1, w.d, w.h, w.min + minutes));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');
const dateKey = (w: Wall): string => `${w.y}-${pad(w.m)}-${pad(w.d)}`;
const timeKey = (w: Wall): string => `${pad(w.h)}:${pad(w.min)}`;

// ------------------------------------------------------------------------------ vocabulary

// Cheap gate: most chat messages carry no date at all and never reach chrono.
const ZH_CUE =
  /[昨今前明刚剛早晚午夜凌晨礼禮拜星期周週]|后天|国庆|双十[一二]|双1[12]|元旦|圣诞|平安夜|情人节|[\d一二两三四五六七八九十]\s*[号號日月点點时時]|[上下这本]个?月|年|天前|钟前|分钟|小时|[\d一二两三四五六七八九十]\s*天/;
const EN_CUE =
  /\b(?:yesterday|yday|yest|ystd|yesterdy|yesturday|yesteday|today|tonight|ago|morning|afternoon|evening|night|noon|midday|midnight|week|month|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|just now|moment|recent|recently|lately|earlier|last|this|tomorrow|other day|am|pm|a\.m|p\.m|o'?clock|at \d|half past|quarter (?:past|to)|christmas|new year'?s|valentine'?s|\d{1,2}(?:st|nd|rd|th)|\d{1,2}[:/.]\d{1,2}|\d{4}-\d{1,2}-\d{1,2})\b|\d(?:am|pm)/i;
const HAS_CJK = /[\u4e00-\u9fff]/;

const JUST_NOW =
  /刚刚|刚才|剛剛|剛才|(?<![刚剛])[刚剛](?![好需性强毅烈正直])|\bjust now\b|\ba moment ago\b|\bmoments ago\b|\bjust a (?:minute|moment|sec(?:ond)?) ago\b|\ba (?:minute|sec(?:ond)?) ago\b|\bjust happened\b/i;
// "right now" is the present: "it's in my wallet right now" says where the card is, not when it
// was charged. It dates the charge only in a story of the charge happening ("they're charging me
// right now") or as the whole answer to "when?".
const RIGHT_NOW = /\bright now\b/i;
const HAPPENING =
  /\b(?:charg(?:ed|ing)|swip(?:ed|ing)|happen(?:ed|ing|s)?|us(?:ed|ing)|took|taking|debit(?:ed|ing)|deduct(?:ed|ing)|bill(?:ed|ing)|went through|going through)\b/i;
const NOW_ONLY = /^[\s\W]*(?:(?:it'?s|it is|it was)\s+)?(?:just\s+)?right now[\s\W]*$/i;
const isJustNow = (text: string): boolean =>
  JUST_NOW.test(text) || (RIGHT_NOW.test(text) && (HAPPENING.test(text) || NOW_ONLY.test(text)));
const VAGUE =
  /上周(?![一二三四五六日天末1-7])|上个?星期(?![一二三四五六日天1-7])|上个?礼拜(?![一二三四五六日天1-7])|这周(?![一二三四五六日天1-7])|本周(?![一二三四五六日天1-7])|这个?星期(?![一二三四五六日天1-7])|上周末|这周末|周末|最近|近期|近来|前几天|前些天|前段时间|前一阵|前阵子|这几天|那几天|几天前|好几天|上个?月(?!\s*\d|\s*[一二三四五六七八九十]+[号日])|本月(?!\s*\d)|这个月(?!\s*\d)|月初|月中|月底|年初|去年(?!\s*\d)|\blast (?:week|month|year|weekend)\b|\bthis (?:week|month|year|weekend)\b|\brecently\b|\blately\b|\b(?:a )?few days ago\b|\bcouple (?:of )?days ago\b|\bseveral days ago\b|\bthe other day\b|\bearlier this (?:week|month)\b|\b(?:some ?time|a while) (?:ago|back)\b|\bsometime last\b|\bweekend\b|\bin (?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const VAGUE_RESULT =
  /^(?:last|this|next|the)?\s*(?:week|month|year|weekend)$|^(?:last|this) (?:week|month|year|weekend)$|few days ago|couple (?:of )?days ago|several days ago/i;
// Single words chrono reads as dates that are ordinary English when lower-case ("I sat there").
const FALSE_FRIENDS = /^(?:sat|sun|mar|may|wed|jan|jun|aug|sept?|oct|nov|dec|mon|thu|fri|tue|second|march)$/;
// "现在还没到账" is about today's waiting, not when the card was swiped.
const NOW_WORD = /^(?:现在|目前|如今|now|right now|currently)$/i;
const PERIOD_ONLY =
  /^(?:上午|下午|中午|晚上|晚|夜里|夜晚|夜间|夜|早上|早晨|清晨|凌晨|傍晚|半夜|深夜|morning|afternoon|evening|night|noon|tonight)$/i;
const TODAY_WORD = /今天|今日|今早|今晚|今儿|今天?早上|今天?下午|今天?晚上|\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b/i;
const NIGHT = /晚上|晚|夜里|夜间|夜|深夜|半夜|傍晚|\bnight\b|\bevening\b|\btonight\b/i;
const EARLY = /凌晨|早上|早晨|清晨|上午|\bmorning\b|\bam\b|\ba\.m\b/i;
const NOON = /中午|正午|\bnoon\b|\bmidday\b/i;
const MIDNIGHT_12 = /半夜|深夜|夜里|晚上|\bnight\b|\bmidnight\b/i;
const EARLY_12 = /凌晨/;

// "上周五", "这周一", "本周日": a weekday of this or last week, where Chinese weeks start on Monday
// (chrono counts weeks from Sunday, so on a Sunday it reads 这周一 as tomorrow).
const ZH_WEEK_DAY = /(上|这|本)个?(?:周|週|星期|礼拜|禮拜)([一二三四五六日天1-7])/;
const ZH_WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6,
};
const DAY_OF_MONTH_ZH =
  /(?:(上个?月|这个?月|本月)\s*|(?<![月\d/.-]))(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号號日](?![元块子])/;
const DAY_OF_MONTH_EN = /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i;
const ZH_DIGITS: Readonly<Record<string, number>> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

// Digits that belong to an amount, a card tail, a count or an identifier are not dates.
const MASKS: readonly RegExp[] = [
  /(?:尾号|尾数|末尾|结尾|最后几位|后四位|后4位|末四位|末4位|最后四位|最后4位|ending(?: in| with)?|ends? (?:in|with)|ended(?: in)?|last (?:four|4)(?: digits?)?(?: (?:are|is))?)\s*(?:是|为|:)?\s*\d{4}/gi,
  /\*+\s*\d{4}/g,
  /\d{5,}/g,
  /\d+\s*(?:次|笔|遍|回|times\b|x\b|charges\b|transactions\b)/gi,
  /\bx\s?\d\b/gi,
  // A card's expiry (exp 11/29, 有效期 09/27) is not a transaction date; nor is 7-Eleven a time.
  /(?:exp(?:iry|ires|iration)?\.?(?:\s*date)?|valid thru|有效期(?:至|到)?)\s*[:：]?\s*\d{1,2}\s*[/-]\s*\d{2,4}/gi,
  /\b\d+-[A-Za-z]{3,}\b/g,
];

/** Small Chinese or Arabic numbers as used for days, hours and minutes (十二, 二十五, 零五). */
function zhDay(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  const s = raw.length > 1 ? raw.replace(/^零/, '') : raw;
  if (s.length === 1) return ZH_DIGITS[s] ?? null;
  if (s.startsWith('十')) return 10 + (ZH_DIGITS[s.slice(1)] ?? 0);
  const tens = ZH_DIGITS[s[0] as string];
  if (tens === undefined || s[1] !== '十') return null;
  return tens * 10 + (s.length > 2 ? (ZH_DIGITS[s[2] as string] ?? 0) : 0);
}

function mask(text: string, opts: ParseOptions): string {
  const chars = text.split('');
  const blank = (start: number, end: number): void => {
    for (let i = start; i < end; i++) chars[i] = ' ';
  };
  for (const span of findMoneySpans(text, opts.defaultCurrency)) blank(span.start, span.end);
  for (const re of MASKS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) blank(m.index, m.index + m[0].length);
  }
  return chars.join('');
}

function prepare(text: string): string {
  return text
    .replace(/\b(?:yday|yest|ystd|yesterdy|yesturday|yesteday|yestarday|yesterda)\b/gi, 'yesterday')
    .replace(/\b(?:the\s+)?day before yesterday\b/gi, '2 days ago')
    .replace(/\bhalf past (\d{1,2})\b/gi, '$1:30')
    .replace(/\bquarter past (\d{1,2})\b/gi, '$1:15')
    .replace(/\bquarter to (\d{1,2})\b/gi, (_m, h: string) => `${(Number(h) + 11) % 12 || 12}:45`)
    .replace(/\b(?:at\s+)?(?:around|about|approximately|approx\.?|roughly|circa|sometime around|like)\s+(?=\d)/gi, 'at ')
    .replace(/~\s*(?=\d)/g, 'at ')
    // "11.5号", "11.15晚上": a month and day written with a dot, as on Chinese receipts.
    .replace(/(?<![\d.])(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?=\s*(?:[号號日]|那天|当天|凌晨|早上|上午|中午|下午|晚上))/g, '$1月$2日')
    .replace(/昨儿个?|昨个/g, '昨天')
    .replace(/前儿个?/g, '前天')
    .replace(/今儿个?/g, '今天')
    .replace(/礼拜天|星期天/g, (m) => m.replace('天', '日'));
}

// ------------------------------------------------------------------------------- resolving

type Result = chrono.ParsedResult;

function certain(r: Result, c: 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'meridiem'): boolean {
  return r.start.isCertain(c);
}

function valueOf(r: Result, c: 'year' | 'month' | 'day' | 'hour' | 'minute'): number {
  return r.start.get(c) ?? 0;
}

function wallOf(r: Result): Wall {
  return { y: valueOf(r, 'year'), m: valueOf(r, 'month'), d: valueOf(r, 'day'), h: valueOf(r, 'hour'), min: valueOf(r, 'minute') };
}

function isFuture(date: string, time: string | null, todayKey: string, limitKey: string): boolean {
  if (time === null) return date > todayKey;
  return `${date} ${time}` > limitKey;
}

// chrono's cost grows with the text, so a long message is cut down to the stretches around
// date words; the separator keeps chrono from merging stretches that were far apart.
const WINDOW = 24;
const CUE_ANYWHERE = new RegExp(`${ZH_CUE.source}|${EN_CUE.source}`, 'gi');
function dateWindows(text: string): string {
  if (text.length <= 80) return text;
  const spans: [number, number][] = [];
  CUE_ANYWHERE.lastIndex = 0;
  for (const m of text.matchAll(CUE_ANYWHERE)) {
    const start = Math.max(0, m.index - WINDOW);
    const end = Math.min(text.length, m.index + m[0].length + WINDOW);
    const last = spans[spans.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  return spans.map(([s, e]) => text.slice(s, e)).join(' ||| ');
}

function parseAll(text: string, ref: Date): Result[] {
  const results: Result[] = [];
  const input = dateWindows(text);
  if (HAS_CJK.test(input) && ZH_CUE.test(input)) results.push(...chrono.zh.hans.parse(input, ref));
  if (EN_CUE.test(input)) results.push(...chrono.parse(input, ref));
  const kept = results.filter((r) => !FALSE_FRIENDS.test(r.text.trim()) && !NOW_WORD.test(r.text.trim()));
  return kept.sort((a, b) => a.index - b.index);
}

/** What the text says before the night/noon fixes and the not-in-the-future rule. */
interface Found {
  date: Wall;
  time: { h: number; min: number; meridiemKnown: boolean } | null;
  periodHour: number | null; // "昨天晚上": no time, but where the evening lies for rollback
  rollback: 'day' | 'week' | 'year' | 'none';
  lastNight: boolean;
  /** The words the date and time came from: their 晚上/morning decide AM or PM, not the rest. */
  context: string;
}

// The everyday Chinese forms (昨天晚上8点, 前天下午三点半) are read here without chrono, which costs
// tens of µs per call; anything else in the message that looks like a date sends it to chrono.
const FAST_ZH = new RegExp(
  '(大前天|前天|昨天|昨日|今天|今日|昨晚|今晚|今早)' +
    '\\s*(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|半夜)?' +
    '\\s*(?:(\\d{1,2}|[一二两三四五六七八九十]{1,3})\\s*[点點](?:\\s*(半|一刻|三刻|\\d{1,2}|零?[一二三四五六七八九十]{1,3})\\s*分?)?|(\\d{1,2}):(\\d{2})' +
    // "昨天早上9": a bare number closing the phrase after a part of the day is its hour.
    '|(\\d{1,2}|[一二两三四五六七八九十]{1,3})(?=\\s*(?:$|[，,。！!？?；;~～）)]|\\.(?!\\d)|左右|多|前后|的时候)))?',
);
const FAST_DAY_OFFSET: Readonly<Record<string, number>> = {
  大前天: -3, 前天: -2, 昨天: -1, 昨日: -1, 昨晚: -1, 今天: 0, 今日: 0, 今晚: 0, 今早: 0,
};
const FAST_PERIOD_HOUR: Readonly<Record<string, number>> = {
  凌晨: 3, 早上: 7, 早晨: 7, 上午: 9, 中午: 12, 下午: 15, 傍晚: 18, 晚上: 21, 夜里: 22, 半夜: 23,
};
const OTHER_DATE_CUE =
  /[\d一二两三四五六七八九十]\s*[点點时時号號日]|\d:\d|[月周週年]|星期|礼拜|禮拜|天前|分钟|小时|刚|剛|早上|晚上|中午|下午|上午|凌晨|夜|[A-Za-z]{3,}/;

const FAST_ZH_ALL = new RegExp(FAST_ZH.source, 'g');

function fastChinese(text: string, now: Wall): Found | null {
  // The first day word is the transaction; a later one ("今天早上收到短信") is about something else.
  const m = FAST_ZH.exec(text);
  if (!m) return null;
  const rest = text.replace(FAST_ZH_ALL, ' ');
  if (OTHER_DATE_CUE.test(rest) || VAGUE.test(rest)) return null;
  const dayWord = m[1] as string;
  const date = addDays(now, FAST_DAY_OFFSET[dayWord] ?? 0);
  const periodWord = m[2] ?? (dayWord === '昨晚' || dayWord === '今晚' ? '晚上' : dayWord === '今早' ? '早上' : undefined);
  let time: Found['time'] = null;
  // Without a part of the day a bare number is as likely a count or an amount: chrono decides.
  if (m[7] !== undefined && periodWord === undefined) return null;
  const hourText = m[3] ?? m[5] ?? m[7];
  if (hourText !== undefined) {
    const h = zhDay(hourText);
    let min = 0;
    const minText = m[4] ?? m[6];
    if (minText === '半') min = 30;
    else if (minText === '一刻') min = 15;
    else if (minText === '三刻') min = 45;
    else if (minText !== undefined) min = zhDay(minText) ?? -1;
    if (h === null || h > 24 || min < 0 || min > 59) return null;
    let hour = h === 24 ? 0 : h;
    let known = false;
    if (periodWord === '下午' || periodWord === '傍晚' || (periodWord === '中午' && hour < 6)) {
      if (hour < 12) hour += 12;
      known = true;
    } else if (periodWord === '凌晨' || periodWord === '早上' || periodWord === '早晨' || periodWord === '上午') {
      known = hour !== 12 || periodWord !== '凌晨';
    }
    time = { h: hour, min, meridiemKnown: known };
  }
  return {
    date,
    time,
    periodHour: periodWord !== undefined && time === null ? (FAST_PERIOD_HOUR[periodWord] ?? null) : null,
    rollback: 'none',
    lastNight: false,
    context: m[0],
  };
}

// The everyday English forms ("yesterday around 7:30pm", "last night at 11", "3 days ago")
// read without chrono, for the same reason as the Chinese ones.
const FAST_EN = new RegExp(
  "\\b(the day before yesterday|yesterday|today|tonight|last night|this morning|this afternoon|this evening|(\\d{1,2}|one|two|three|four|five|six|seven) days? ago)\\b" +
    '(?:\\s+(?:in the\\s+)?(morning|afternoon|evening|night))?' +
    "(?:\\s*,?\\s*(?:(?:at|around|about|approx\\.?|approximately|roughly|like|~)\\s*)+(?:(\\d{1,2})(?:[:.](\\d{2}))?(?![.\\d])\\s*(am|pm|a\\.m\\.|p\\.m\\.)?|(noon|midnight))" +
    '|\\s+(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)|\\s+(?:at\\s+)?(noon|midnight)' +
    // "yesterday morning 9": a bare number closing the phrase after a part of the day is its hour.
    "|\\s*,?\\s+(\\d{1,2})(?:[:.](\\d{2}))?(?=\\s*(?:$|[,;!?)]|\\.(?!\\d)|-ish\\b|or so\\b)))?\\b",
  'i',
);
const EN_WORD_NUMBER: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const OTHER_EN_CUE =
  /\b(?:yesterday|today|tonight|tomorrow|ago|morning|afternoon|evening|night|noon|midnight|last (?:week|month|year|mon|tue|wed|thu|fri|sat|sun)\w*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|o'?clock|half past|quarter|christmas|new year'?s|valentine'?s)\b|\d\s*(?:am|pm|a\.m|p\.m)\b|\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}|\d{4}-\d{1,2}|\b(?:at|around|about)\s+\d/i;

function fastEnglish(text: string, now: Wall): Found | null {
  const m = FAST_EN.exec(text);
  if (!m) return null;
  const rest = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
  if (OTHER_EN_CUE.test(rest) || VAGUE.test(rest) || HAS_CJK.test(rest)) return null;
  const phrase = (m[1] as string).toLowerCase();
  let offset = 0;
  let period: string | undefined = m[3]?.toLowerCase();
  if (phrase === 'yesterday') offset = -1;
  else if (phrase === 'the day before yesterday') offset = -2;
  else if (phrase === 'last night') {
    offset = -1;
    period = 'night';
  } else if (phrase === 'tonight') period = 'night';
  else if (phrase.startsWith('this ')) period = phrase.slice(5);
  else if (m[2] !== undefined) offset = -(EN_WORD_NUMBER[m[2].toLowerCase()] ?? Number(m[2]));
  const date = addDays(now, offset);

  let time: Found['time'] = null;
  // Without a part of the day a bare number is as likely a count or an amount: chrono decides.
  if (m[12] !== undefined && period === undefined) return null;
  const hourText = m[4] ?? m[8] ?? m[12];
  const special = (m[7] ?? m[11])?.toLowerCase();
  if (special === 'noon') time = { h: 12, min: 0, meridiemKnown: true };
  else if (special === 'midnight') time = { h: 0, min: 0, meridiemKnown: true };
  else if (hourText !== undefined) {
    let h = Number(hourText);
    const min = Number(m[5] ?? m[9] ?? m[13] ?? '0');
    const ampm = (m[6] ?? m[10])?.toLowerCase().replace(/\./g, '');
    if (h > 23 || min > 59 || (ampm && (h < 1 || h > 12))) return null;
    if (ampm === 'pm' && h < 12) h += 12;
    else if (ampm === 'am' && h === 12) h = 0;
    else if (!ampm && (period === 'afternoon' || period === 'evening') && h >= 1 && h < 12) h += 12;
    time = { h, min, meridiemKnown: ampm !== undefined || period === 'afternoon' || period === 'evening' || period === 'morning' };
  }
  return { date, time, periodHour: null, rollback: 'none', lastNight: false, context: m[0] };
}

function viaChrono(text: string, opts: ParseOptions, now: Wall): Found | 'vague' | 'none' {
  const ref = new Date(now.y, now.m - 1, now.d, now.h, now.min, 0, 0);
  const masked = prepare(/\d/.test(text) ? mask(text, opts) : text);
  const prepared = masked.includes('/') ? inMonthFirstOrder(masked, now) : masked;
  const results = parseAll(prepared, ref).filter((r) => !VAGUE_RESULT.test(r.text.replace(TRAILING_PUNCT, '').trim()));

  const dated = results.find(
    (r) => !PERIOD_ONLY.test(r.text.trim()) && (certain(r, 'day') || certain(r, 'weekday') || TODAY_WORD.test(r.text)),
  );
  const monthOnly = results.some((r) => certain(r, 'month') && !certain(r, 'day') && !certain(r, 'weekday'));
  const timed =
    dated && certain(dated, 'hour')
      ? dated
      : results.find((r) => certain(r, 'hour') && !(certain(r, 'day') || certain(r, 'weekday')));
  const period = results.find((r) => PERIOD_ONLY.test(r.text.trim()));

  let date: Wall | null = null;
  let rollback: Found['rollback'] = 'none';
  let lastNight = false;
  if (dated) {
    date = wallOf(dated);
    const zhWeek = ZH_WEEK_DAY.exec(dated.text);
    if (zhWeek) {
      // Counted from this week's Monday: 上周日 is the Sunday just before it.
      const todayWeekday = (new Date(Date.UTC(now.y, now.m - 1, now.d)).getUTCDay() + 6) % 7; // Monday = 0
      const thisMonday = addDays(now, -todayWeekday);
      const index = ZH_WEEKDAY_INDEX[zhWeek[2] as string] ?? 0;
      // "上上周五": chrono reads only "上周五"; the extra 上 before it is one more week back.
      const weeksBack = zhWeek[1] === '上' ? (prepared.includes(`上${dated.text}`) ? 2 : 1) : 0;
      date = { ...addDays(thisMonday, index - 7 * weeksBack), h: date.h, min: date.min };
    }
    const weekday = dated.start.get('weekday');
    if (certain(dated, 'weekday') && weekday !== null) {
      // chrono's zh parser can merge "周四晚上" onto today's date; the weekday is what was said.
      const actualWeekday = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
      if (actualWeekday !== weekday) date = addDays(date, -((actualWeekday - weekday + 7) % 7));
    }
    // Just after midnight chrono puts "last night" on the new day.
    lastNight = /\blast night\b/i.test(dated.text);
    if (lastNight) rollback = 'day';
    else if (certain(dated, 'year')) rollback = 'none';
    else if (certain(dated, 'month') && certain(dated, 'day')) rollback = 'year';
    // "这周日" names this week's Sunday even if it is still ahead; a bare "周日" is the last one.
    else if (certain(dated, 'weekday') && !certain(dated, 'day') && !/[上这本下]个?(?:周|週|星期|礼拜|禮拜)/.test(dated.text)) {
      rollback = 'week';
    }
  } else {
    const own = holiday(text, now) ?? dayOfMonth(text, now);
    if (own) {
      date = own;
    } else if (timed) {
      date = wallOf(timed);
      rollback = TODAY_WORD.test(text) ? 'none' : 'day';
    } else if (period && NOON.test(period.text)) {
      // "中午刷的": noon is a time; the day is the latest noon that has passed.
      date = wallOf(period);
      rollback = 'day';
    }
    // A bare 晚上/morning without a day could be last night or this morning: ask instead.
  }
  const pinned = dayInPartOfMonth(prepared, now) ?? dayOfLastWeekend(prepared, now);
  if (pinned) {
    date = pinned;
    rollback = 'none';
  }
  if (date === null) return monthOnly ? 'vague' : 'none';

  const time = timed
    ? { h: valueOf(timed, 'hour'), min: valueOf(timed, 'minute'), meridiemKnown: certain(timed, 'meridiem') }
    : null;
  const periodHour = time === null && period ? valueOf(period, 'hour') : null;
  const context = [dated, timed, period].map((r) => r?.text ?? '').join(' ');
  return { date, time, periodHour, rollback, lastNight, context };
}

// "3/11" is read month first (chrono's default, and how both US and Chinese writers put it)
// unless the message says otherwise: a day-first statement ("I'm British", "dd/mm", 日/月), the
// same date in words ("so 3 November"), or a month-first reading that is still ahead this year
// while the day-first one lies in the last three months ("12/11" on 22 November is the 12th,
// not a December a year ago). The two numbers are swapped in place, so positions keep.
const SLASH_DATE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?=(?:\/\d{2,4})?(?![\d/]))/;
const DAY_FIRST =
  /\b(?:british|brit|english|uk|u\.k\.|european|australian|aussie|day[-\s]first|day\/month|dd\/mm(?:\/yy(?:yy)?)?|d\/m)\b|日\/月|日在前|先日后月/i;
const MONTH_FIRST = /\b(?:american|month[-\s]first|month\/day|mm\/dd(?:\/yy(?:yy)?)?|m\/d)\b|月\/日|月在前/i;
const MONTH_NAMES = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const EN_WORDED_DATE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})[a-z]*\\b|\\b(${MONTH_NAMES})[a-z]*\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b`,
  'i',
);
const ZH_WORDED_DATE = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/;
const RECENT_DAYS = 92;

/** The month and day the text writes out in words, if any. */
function wordedDate(text: string): { m: number; d: number } | null {
  const en = EN_WORDED_DATE.exec(text);
  if (en) {
    const name = (en[2] ?? en[3] ?? '').slice(0, 3).toLowerCase();
    return { m: MONTH_NAMES.split('|').indexOf(name) + 1, d: Number(en[1] ?? en[4]) };
  }
  const zh = ZH_WORDED_DATE.exec(text);
  return zh ? { m: Number(zh[1]), d: Number(zh[2]) } : null;
}

function dayFirstMeant(first: number, second: number, text: string, now: Wall): boolean {
  if (DAY_FIRST.test(text)) return true;
  if (MONTH_FIRST.test(text)) return false;
  const worded = wordedDate(text);
  if (worded) return worded.m === second && worded.d === first;
  const today = Date.UTC(now.y, now.m - 1, now.d);
  const monthFirst = Date.UTC(now.y, first - 1, second);
  const dayFirst = Date.UTC(now.y, second - 1, first);
  return monthFirst > today && dayFirst <= today && today - dayFirst <= RECENT_DAYS * 86_400_000;
}

function inMonthFirstOrder(text: string, now: Wall): string {
  const m = SLASH_DATE.exec(text);
  if (!m) return text;
  const first = Number(m[1]);
  const second = Number(m[2]);
  // Only a date both ways round is in doubt; "25/10" is read right already.
  if (first > 12 || second > 12 || first === second || !dayFirstMeant(first, second, text, now)) return text;
  return text.slice(0, m.index) + `${m[2]}/${m[1]}` + text.slice(m.index + m[0].length);
}

// "last weekend," is as vague as "last weekend": chrono keeps the comma in the result's text.
const TRAILING_PUNCT = /[\s,.;:!?，。；：！？]+$/;

// "end of last month, the 30th", "上个月底，30号", "月初，3号": the part of the month is a hint and
// the day said with it is the date (chrono reads "end of last month" as its last day).
const PART_OF_MONTH_GATE = /月份?的?(?:[初中底末]|[上下]旬)|\b(?:end|beginning|start|middle|early|late|mid)\b/i;
// "9月底，28号": a named month (group 2) is that month of the latest year it is not ahead.
const ZH_PART_OF_MONTH = /(?:(上个?|这个?|本)|(?<![\d一二三四五六七八九十])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*)?月份?的?(?:[初中底末]|[上下]旬)/;
const EN_PART_OF_MONTH =
  /\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:(last|this|the)\s+)?month|(?:early|late|mid)[-\s]+(?:(last|this)\s+)?month)\b/i;
const ZH_DAY = /(?<![\d月/.-])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号號日](?![元块子])/;
const EN_DAY = /\b(\d{1,2})(?:st|nd|rd|th)\b/i;

function dayInPartOfMonth(text: string, now: Wall): Wall | null {
  if (!PART_OF_MONTH_GATE.test(text)) return null;
  const zh = ZH_PART_OF_MONTH.exec(text);
  const en = zh ? null : EN_PART_OF_MONTH.exec(text);
  if (!zh && !en) return null;
  const rawDay = (zh ? ZH_DAY : EN_DAY).exec(text)?.[1];
  const day = rawDay === undefined ? null : zhDay(rawDay);
  if (day === null) return null;
  const named = zh?.[2] === undefined ? null : zhDay(zh[2]);
  if (named !== null) return inNamedMonth(named, day, now);
  const which = (zh?.[1] ?? en?.[1] ?? en?.[2])?.toLowerCase();
  const explicitMonth = which !== undefined && which !== 'the';
  return monthDay(day, which === 'last' || which?.startsWith('上') ? -1 : 0, explicitMonth, now);
}

function inNamedMonth(m: number, d: number, now: Wall): Wall | null {
  const y = m > now.m || (m === now.m && d > now.d) ? now.y - 1 : now.y;
  return d <= daysInMonth(y, m) ? { y, m, d, h: 0, min: 0 } : null;
}

// "上周末，周六下午", "last weekend, on Saturday": the weekend names the week, so the Saturday is
// that weekend's, not the latest one (on a Sunday that would be yesterday). Weeks start on Monday.
const WEEKEND_GATE = /周末|週末|星期末|礼拜末|禮拜末|weekend/i;
const LAST_WEEKEND = /(上上|上)个?(?:周|週|星期|礼拜|禮拜)末|\b(?:the\s+)?weekend before last\b|\blast\s+weekend\b/i;
const WEEKEND_DAY = /(?:周|週|星期|礼拜|禮拜)([六日天])|\b(saturday|sunday)\b/i;

function dayOfLastWeekend(text: string, now: Wall): Wall | null {
  if (!WEEKEND_GATE.test(text)) return null;
  const last = LAST_WEEKEND.exec(text);
  const day = last ? WEEKEND_DAY.exec(text) : null;
  if (!last || !day) return null;
  const weeksBack = last[1] === '上上' || /before last/i.test(last[0]) ? 2 : 1;
  const sunday = day[1] === '日' || day[1] === '天' || day[2]?.toLowerCase() === 'sunday';
  const todayWeekday = (new Date(Date.UTC(now.y, now.m - 1, now.d)).getUTCDay() + 6) % 7; // Monday = 0
  return { ...addDays(now, -todayWeekday + (sunday ? 6 : 5) - 7 * weeksBack), h: 0, min: 0 };
}

// "刚才金额写错了", "我刚刚说的卡号不对": 刚才 points back at an earlier answer, not at the time of
// the payment. The word is blanked (same length) before any date rule reads it.
const SPOKEN_EARLIER =
  /(?:刚才|刚刚|之前|前面)(?=[^,.!?，。！？]{0,10}?(?:(?:说|写|打|填|输|讲|记|弄|搞|给|发)错|(?:说|写|填|输|讲|给|发)的[^,.!?，。！？]{0,6}?(?:不对|错|有误)))/g;

// "the batch already closed last night", "昨天批结以后": a date in a clause about settlement is
// when the merchant settled, not when the card was used. Such clauses are blanked (same length).
const SETTLE_WORD = /结算|批结|日结|结批|签退|\bsettle|\bbatch/i;
const CLAUSE = /[^,.;!?，。；！？]+/g;
const SETTLE_CLAUSE = /结算|批结|日结|结批|签退|\bsettle(?:d|ment)?\b|\bbatch\b/i;

function withoutSettlementClauses(text: string): string {
  return text.replace(CLAUSE, (clause) => (SETTLE_CLAUSE.test(clause) ? ' '.repeat(clause.length) : clause));
}

// "商家12天前就说给我退款了", "they promised a refund three weeks ago", "5号退的货": a date in a
// clause about the refund or the return is when the money was promised or the goods went back,
// not when the customer paid. Such clauses are blanked (same length) like settlement ones; a
// clause that also tells the purchase ("11月1号买的") keeps its date. Clauses end at punctuation
// and at the joints of a story ("and", "but", 然后, 可是), so "bought it on the 1st and returned it
// on the 5th" keeps the 1st.
const REFUND_GATE = /退|refund|return|credit|took (?:it|them) back/i;
const STORY_CLAUSE = /(?:[^,.;!?，。；！？]+?)(?=[,.;!?，。；！？]|\s(?:and|but|then|so)\s|然后|后来|可是|但是|结果|$)|[,.;!?，。；！？]|\s(?:and|but|then|so)(?=\s)|然后|后来|可是|但是|结果/gi;
const REFUND_CLAUSE =
  /退款|退货|退钱|退单|退了|退的|退给|退回|退还|答应退|说退|同意退|给退|\brefund(?:s|ed|ing)?\b|\breturn(?:s|ed|ing)?\b|\bcredit(?:s|ed)? (?:it |the money )?back\b|\btook (?:it|them) back\b/i;
const PURCHASE_CLAUSE =
  /买|购|刷|付|消费|支付|扣|下单|结账|买单|\b(?:paid|pay(?:ing)?|bought|buy(?:ing)?|purchas\w*|charg(?:e|ed|ing)|swip(?:e|ed|ing)|spent|ordered)\b/i;

function refundClauses(text: string): { kept: string; refund: string } | null {
  if (!REFUND_GATE.test(text)) return null;
  let kept = '';
  let refund = '';
  for (const m of text.matchAll(STORY_CLAUSE)) {
    const clause = m[0];
    const aboutRefund = REFUND_CLAUSE.test(clause) && !PURCHASE_CLAUSE.test(clause);
    kept += aboutRefund ? ' '.repeat(clause.length) : clause;
    refund += aboutRefund ? clause : ' '.repeat(clause.length);
  }
  return refund.trim() === '' ? null : { kept, refund };
}

/** The date of the refund or the return the text tells about, if any (for the agent). */
export function extractRefundWhen(raw: string, opts: ParseOptions): WhenParse {
  const parts = refundClauses(raw);
  return parts === null ? null : readWhen(parts.refund, opts);
}

// "去年8月15号", "last year on Aug 15": the year is named relative to today. Read only for a date
// whose month and day were said without a year (chrono keeps those in the current year).
const YEAR_GATE = /[去前今]年|\byear\b/i;
const ZH_RELATIVE_YEAR = /(大前年|前年|去年|今年)(?:的)?\s*(?=[\d一二三四五六七八九十]{1,2}\s*月)/;
const EN_RELATIVE_YEAR = /\b(the year before last|last year|this year)\b/i;
const YEAR_SHIFT: Readonly<Record<string, number>> = {
  大前年: -3, 前年: -2, 去年: -1, 今年: 0, 'the year before last': -2, 'last year': -1, 'this year': 0,
};

function relativeYear(text: string): number | null {
  if (!YEAR_GATE.test(text)) return null;
  const word = (ZH_RELATIVE_YEAR.exec(text) ?? EN_RELATIVE_YEAR.exec(text))?.[1];
  return word === undefined ? null : (YEAR_SHIFT[word.toLowerCase()] ?? null);
}

/** A month and day put in the year the text names; it is then not rolled back a year. */
function inNamedYear(found: Found, text: string, now: Wall): Found {
  if (found.rollback !== 'year') return found;
  const shift = relativeYear(text);
  if (shift === null) return found;
  const y = now.y + shift;
  return { ...found, date: { ...found.date, y, d: Math.min(found.date.d, daysInMonth(y, found.date.m)) }, rollback: 'none' };
}

export function extractWhen(raw: string, opts: ParseOptions): WhenParse {
  const spoken = SPOKEN_EARLIER.test(raw) ? raw.replace(SPOKEN_EARLIER, (m) => ' '.repeat(m.length)) : raw;
  const unsettled = SETTLE_WORD.test(spoken) ? withoutSettlementClauses(spoken) : spoken;
  return readWhen(refundClauses(unsettled)?.kept ?? unsettled, opts);
}

/** The date and time in text whose clauses about other events are blanked already. */
function readWhen(text: string, opts: ParseOptions): WhenParse {
  const hasZh = HAS_CJK.test(text) && ZH_CUE.test(text);
  const vagueMentioned = VAGUE.test(text);
  const justNow = isJustNow(text);
  if (!hasZh && !EN_CUE.test(text) && !justNow && !vagueMentioned) return null;

  const now = wallClock(opts.now, opts.timeZone);
  const limit = addMinutes(now, GRACE_MINUTES);
  const todayKey = dateKey(now);
  const limitKey = `${dateKey(limit)} ${timeKey(limit)}`;

  const read = (hasZh ? fastChinese(text, now) : fastEnglish(text, now)) ?? viaChrono(text, opts, now);
  if (read === 'vague' || read === 'none') {
    if (justNow) return { ok: true, value: { date: todayKey, time: timeKey(now) } };
    return vagueMentioned || read === 'vague' ? { ok: false, reason: 'vague' } : null;
  }
  const found = inNamedYear(read, text, now);

  let date = found.date;
  let time: string | null = null;
  const probeHour = found.periodHour;
  if (found.time) {
    let { h } = found.time;
    const { min } = found.time;
    const context = found.context;
    if (h === 12 && EARLY_12.test(context)) {
      h = 0;
    } else if (h === 12 && MIDNIGHT_12.test(context) && !NOON.test(context)) {
      // 晚上12点 / last night at 12: the midnight that ends that evening.
      h = 0;
      date = addDays(date, 1);
    } else if (h >= 1 && h <= 11 && !found.time.meridiemKnown && NIGHT.test(context) && !EARLY.test(context)) {
      h += 12; // "last night at 11" is 23:00, which chrono reads as 11:00
    }
    date = { ...date, h, min };
    time = timeKey(date);
  } else if (NOON.test(found.context)) {
    date = { ...date, h: 12, min: 0 };
    time = '12:00';
  }

  // The latest such date that is not in the future.
  const future = (w: Wall): boolean =>
    time !== null
      ? isFuture(dateKey(w), timeKey(w), todayKey, limitKey)
      : probeHour !== null
        ? isFuture(dateKey(w), timeKey({ ...w, h: probeHour, min: 0 }), todayKey, limitKey)
        : isFuture(dateKey(w), null, todayKey, limitKey);
  if (found.rollback === 'year' && future(date)) {
    const y = date.y - 1;
    date = { ...date, y, d: Math.min(date.d, daysInMonth(y, date.m)) };
  } else if (found.rollback === 'week' && future(date)) {
    date = addDays(date, -7);
  } else if (found.rollback === 'day' && (future(date) || (found.lastNight && time === null && dateKey(date) === todayKey && now.h < 12))) {
    date = addDays(date, -1);
  }

  const value = { date: dateKey(date), time };
  if (isFuture(value.date, time, todayKey, limitKey)) return { ok: false, reason: 'future' };
  return { ok: true, value };
}

// Fixed-date days people name instead of a date; movable feasts (春节) are left to the dialog.
const HOLIDAYS: readonly (readonly [RegExp, number, number])[] = [
  [/国庆(?:节)?(?:那天|当天)?|national day/i, 10, 1],
  [/双十一|双11/, 11, 11],
  [/双十二|双12/, 12, 12],
  [/元旦|new year'?s day/i, 1, 1],
  [/平安夜|christmas eve/i, 12, 24],
  [/圣诞(?:节)?|christmas(?: day)?/i, 12, 25],
  [/情人节|valentine'?s(?: day)?/i, 2, 14],
  [/new year'?s eve|跨年夜/i, 12, 31],
];

function holiday(text: string, now: Wall): Wall | null {
  for (const [re, m, d] of HOLIDAYS) {
    if (re.test(text)) return inNamedMonth(m, d, now);
  }
  return null;
}

/** "20号", "上个月5号", "on the 3rd": a day of the month, in this month or the one before. */
function dayOfMonth(text: string, now: Wall): Wall | null {
  let day: number | null = null;
  let monthShift = 0;
  let explicitMonth = false;
  const zh = DAY_OF_MONTH_ZH.exec(text);
  if (zh?.[2]) {
    day = zhDay(zh[2]);
    if (zh[1]?.startsWith('上')) monthShift = -1;
    explicitMonth = zh[1] !== undefined;
  } else {
    const en = DAY_OF_MONTH_EN.exec(text);
    if (en?.[1]) day = Number(en[1]);
  }
  return day === null ? null : monthDay(day, monthShift, explicitMonth, now);
}

/** A day in the month monthShift from now's; without an explicit month the latest not in the future. */
function monthDay(day: number, monthShift: number, explicitMonth: boolean, now: Wall): Wall | null {
  if (day < 1 || day > 31) return null;
  let y = now.y;
  let m = now.m + monthShift;
  if (!explicitMonth && day > now.d) m -= 1; // the latest such day not in the future
  for (let tries = 0; tries < 3; tries++) {
    if (m < 1) {
      m += 12;
      y -= 1;
    }
    if (day <= daysInMonth(y, m)) return { y, m, d: day, h: 0, min: 0 };
    if (explicitMonth) return null; // 上个月30号 in March: no such day
    m -= 1; // "30号" on 1 March means 30 January
  }
  return null;
}

// "11.5", "11-5": month and day alone. As the whole answer to "when?" that is a date (the
// Chinese way to write one); anywhere else the same digits are more likely an amount.
const BARE_MONTH_DAY = /^\s*(1[0-2]|0?[1-9])\s*[./-]\s*(3[01]|[12]\d|0?[1-9])\s*$/;

/** The message read as a bare answer to the date question. */
export function parseWhenAnswer(text: string, opts: ParseOptions): WhenParse {
  const m = BARE_MONTH_DAY.exec(text);
  if (!m) return null;
  return extractWhen(`${Number(m[1])}月${Number(m[2])}日`, opts);
}
