// A short acknowledgement when a message shows distress (急, 怎么办, !!, "I'm panicking", "this
// is ridiculous"): said once per conversation, never repeated. Reads only the parsed text.

// Cheap first: most messages have none of these characters, so the word lists never run.
const TRIGGER = /[急慌怎气崩吓烦离过!！]|panic|ridiculous|unbelievable|scared|worr|stress|freak|furious|angry|upset|awful|terrible|wtf/i;

const ZH = /着急|急死|很急|好急|急用|怎么办|慌|崩溃|气死|太过分|离谱|吓死|烦死/;
const EN = /\b(?:panick?(?:ing|ed)?|ridiculous|unbelievable|scared|worried|worrying|stressed|stressful|freaking out|furious|angry|upset|awful|terrible|wtf)\b/i;
/** Two or more exclamation marks in a row ("!!", "！！"), a single one is ordinary emphasis. */
const SHOUT = /[!！]{2,}/;

export function soundsDistressed(text: string): boolean {
  if (!TRIGGER.test(text)) return false;
  return SHOUT.test(text) || ZH.test(text) || EN.test(text);
}
