// Public surface of the understanding layer: parse() plus the helpers the dialog and the server
// call directly (bare-answer parsers, language detection).
export { parse } from './parse';
export { parseMoneyAnswer } from './money';
export { parseLast4Answer, parseCountAnswer } from './digits';
export { parseMerchantAnswer } from './merchant';
export { detectLanguage, detectLanguageSwitch, isWholeSentence } from './language';
