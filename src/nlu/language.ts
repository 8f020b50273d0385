// Which language a message is written in, explicit requests to switch language, and whether a
// message is a whole sentence (the dialog switches language only on those). Pure, precompiled.
import type { Locale } from '../types';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/gi;
const LATIN_LETTER = /[a-z]/gi;

/**
 * Latin tokens that carry no language: currency codes and units, card brands and acronyms that
 * Chinese users type as well, and the short replies that design.md says never change language.
 */
const NEUTRAL_WORDS = new Set([
  // currencies and units
  'usd', 'hkd', 'rmb', 'cny', 'eur', 'gbp', 'jpy', 'twd', 'ntd', 'mop', 'krw', 'sgd', 'aud', 'cad',
  'thb', 'myr', 'chf', 'yuan', 'kuai', 'pcs', 'kg', 'am', 'pm',
  // acronyms and brands used inside Chinese text
  'pos', 'atm', 'sms', 'otp', 'pin', 'cvv', 'cvc', 'app', 'dcc', 'rrn', 'mid', 'tid', 'ref', 'qr',
  'visa', 'mastercard', 'master', 'unionpay', 'amex', 'jcb', 'wechat', 'alipay', 'paypal', 'vip',
  // short replies and chat noises
  'ok', 'okay', 'okk', 'kk', 'yes', 'yep', 'yeah', 'yup', 'no', 'nope', 'nah', 'hi', 'hey', 'hmm',
  'emm', 'emmm', 'umm', 'uh', 'lol', 'haha', 'hahaha', 'thx', 'pls', 'plz', 'ty', 'bye', 'wow',
]);

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

interface Profile {
  han: number;
  latinLetters: number;
  words: string[]; // every Latin word, lower-cased
  realWords: number; // words of ≥3 letters that are not neutral
}

function profile(text: string): Profile {
  const words = (text.match(LATIN_WORD) ?? []).map((w) => w.toLowerCase());
  let realWords = 0;
  for (const w of words) if (w.length >= 3 && !NEUTRAL_WORDS.has(w)) realWords++;
  return { han: count(HAN, text), latinLetters: count(LATIN_LETTER, text), words, realWords };
}

/**
 * zh-CN when the message has ≥2 Han characters, or Han makes up ≥20% of its letters; en when it
 * has a real English word; null for digits, amounts, emoji and short tokens ("ok", "yes", "hi").
 * One refinement: an English sentence that merely quotes a short Chinese name ("I was charged
 * twice at 家乐福 yesterday") stays en — at least 4 Latin words and twice as many words as Han.
 */
export function detectLanguage(text: string): Locale | null {
  const p = profile(text);
  if (p.han > 0) {
    const englishSentence = p.realWords >= 3 && p.words.length >= 4 && p.words.length >= 2 * p.han;
    if (englishSentence) return 'en';
    if (p.han >= 2 || p.han / (p.han + p.latinLetters) >= 0.2) return 'zh-CN';
  }
  return p.realWords >= 1 ? 'en' : null;
}

/** A whole sentence in that language: en ≥3 words with letters, zh ≥4 Han characters. */
export function isWholeSentence(text: string, lang: Locale): boolean {
  if (detectLanguage(text) !== lang) return false;
  const p = profile(text);
  return lang === 'en' ? p.words.length >= 3 : p.han >= 4;
}

// Explicit switches: the whole message must be the request, give or take polite filler, so that
// "my English bank" or a long sentence that mentions the language does not switch.
const EN_NAME = String.raw`(?:english|eng|英文|英语)`;
const ZH_NAME = String.raw`(?:chinese|mandarin|putonghua|中文|汉语|普通话|国语|华语|简体中文|简体)`;

function switchPattern(name: string, cannotRead: string): RegExp {
  const enLead = String.raw`(?:(?:hi|hello|hey|sorry|excuse me)[,!.\s]+)?(?:(?:can|could|would|will) (?:you|we|i) (?:please )?|do you |please |pls |plz |let'?s |i (?:want|would like|'d like|need|prefer) (?:to )?)?(?:(?:speak|talk|reply|respond|answer|write|chat|communicate|continue|go on|switch|change|swap|use|type|say it|do this|have it|explain)\s+)?(?:(?:me|us|the language|language|the chat|this)\s+)?(?:(?:to|into|in|with|it in)\s+)?(?:the\s+)?`;
  const enTail = String.raw`(?:\s+(?:language|version|mode|only|instead|now))*(?:[\s,]*(?:please|pls|plz|thanks|thank you|thx|谢谢|吧|好吗|可以吗|ok))*`;
  const zhLead = String.raw`(?:你好[，,\s]*)?(?:请|麻烦|麻烦你|能不能|能否|可以|可不可以|你能|您能|你会|您会|你可以|您可以|我要|我想|给我|帮我|能|会)?(?:你|您)?(?:用|说|讲|切换(?:成|到|为)?|换(?:成|到|为)?|改(?:成|为|用)?|转(?:成|为|到)?|来)?`;
  const zhTail = String.raw`(?:版|版本|模式|界面)?(?:回复|回答|说|交流|聊|沟通|显示)?(?:吗|吧|呢|好吗|可以吗|行吗|好不好|谢谢|please)*`;
  return new RegExp(
    String.raw`^(?:(?:${enLead}|${zhLead})${name}${enTail}${zhTail}|${cannotRead}|lang:${name === EN_NAME ? 'en' : 'zh-cn'})[\s.!?。！？~]*$`,
    'iu',
  );
}

const SWITCH_TO_EN = switchPattern(
  EN_NAME,
  String.raw`i (?:can'?t|cannot|don'?t|do not) (?:read|speak|understand) (?:chinese|mandarin)|(?:我)?(?:看不懂|不懂|不会)(?:中文|汉语)`,
);
const SWITCH_TO_ZH = switchPattern(
  ZH_NAME,
  String.raw`i (?:can'?t|cannot|don'?t|do not) (?:read|speak|understand) english|(?:我)?(?:看不懂|不懂|不会|听不懂)(?:英文|英语)`,
);

/** "English please", "说中文", "lang:en" → the requested language; anything else → null. */
export function detectLanguageSwitch(text: string): Locale | null {
  const t = text.trim();
  if (t.length > 60) return null;
  if (SWITCH_TO_EN.test(t)) return 'en';
  if (SWITCH_TO_ZH.test(t)) return 'zh-CN';
  return null;
}
