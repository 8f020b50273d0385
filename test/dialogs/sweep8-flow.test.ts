// Sweep 8: the flow after skips, a merchant's wrong card, and a second problem told mid-intake.
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/handoff/build-case';
import { Renderer } from '../../src/i18n';
import { parse } from '../../src/nlu/parse';
import { DialogDriver, type Step } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const real = (d: DialogDriver, text: string): Step =>
  d.send({ type: 'user.said', idle: false, parsed: parse(text, opts), today: '2026-11-22' });
const lastAsk = (s: Step) => s.replies[s.replies.length - 1]?.expecting?.slot;

/** Says `answer` to every question until the summary (or a limit), and lists what was asked. */
function answerAll(d: DialogDriver, first: Step, answer: (slot: string | undefined) => string): { asked: (string | undefined)[]; last: Step } {
  const asked: (string | undefined)[] = [];
  let s = first;
  for (let i = 0; i < 15 && s.state !== 'confirming' && s.handoff === null; i++) {
    asked.push(lastAsk(s));
    s = real(d, answer(lastAsk(s)));
  }
  return { asked, last: s };
}

/** A cardholder who skipped the problem question and then the offer of a person. */
function skippedProblemAndOffer(lang: 'en' | 'zh-CN'): { d: DialogDriver; s: Step } {
  const d = new DialogDriver();
  real(d, lang === 'en' ? "hi, I'm the cardholder" : '你好，我是持卡人');
  const offered = real(d, lang === 'en' ? 'skip' : '跳过');
  expect(lastAsk(offered)).toBe('wantsHuman');
  return { d, s: real(d, lang === 'en' ? 'skip' : '跳过') };
}

describe('the problem skipped with the offer of a person is asked once more before the summary', () => {
  it.each(['en', 'zh-CN'] as const)('(%s) when everything else is skipped too, then it is asked once and the summary follows', (lang) => {
    const { d, s } = skippedProblemAndOffer(lang);
    const { asked, last } = answerAll(d, s, () => (lang === 'en' ? 'skip' : '跳过'));
    expect(asked.filter((a) => a === 'category')).toHaveLength(1);
    // Asked last, after the details, with a word on why.
    expect(asked[asked.length - 1]).toBe('category');
    expect(last.state).toBe('confirming');
    expect(d.context.category).toBeNull();
  });

  it('when the problem is then told, then it is kept and its own questions follow', () => {
    const { d, s } = skippedProblemAndOffer('en');
    let step = s;
    for (let i = 0; i < 15 && lastAsk(step) !== 'category'; i++) step = real(d, 'skip');
    expect(step.keys).toContain('misswipe:ask.categoryAgain');
    const after = real(d, 'I was charged twice');
    expect(d.context.category).toBe('duplicate_charge');
    expect(d.context.slots.chargeCount).toBe(2);
    // The questions only this problem has (the reference number) follow before the summary.
    expect(lastAsk(after)).toBe('referenceNumber');
  });

  it('when the problem was never skipped, then it is not asked again', () => {
    const d = new DialogDriver();
    const first = real(d, '我是持卡人，在沃尔玛被扣了两次，每次88元');
    const { asked } = answerAll(d, first, () => '跳过');
    expect(asked).not.toContain('category');
  });

  it('when only the problem was skipped and a person accepted, then the case goes to a person at once', () => {
    const d = new DialogDriver();
    real(d, "hi, I'm the cardholder");
    real(d, 'skip');
    expect(real(d, 'yes').handoff).toBe('normal');
  });
});

/** Answers each question from the table ('*' for the rest) and returns the guidance given. */
function guidanceOf(first: string, answers: Record<string, string>): string[] {
  const d = new DialogDriver();
  let s = real(d, first);
  for (let i = 0; i < 20 && s.state !== 'confirming' && s.handoff === null; i++) {
    const slot = lastAsk(s) ?? '*';
    s = real(d, answers[slot] ?? answers['*'] ?? 'skip');
  }
  return d.context.guidance;
}

describe('a merchant who charged the wrong customer\'s card is told to void or refund, as the settlement decides', () => {
  const ZH = { when: '今天中午', merchantName: '外婆家', cardLast4: '3131', amountCharged: '196', '*': '跳过' };
  const EN = { when: 'today noon', merchantName: 'Bella Cafe', cardLast4: '3131', amountCharged: '196', '*': 'skip' };
  it.each([
    ['我是商户，收银员刷错了客人的卡，还没结算', ZH, 'guidance:merchant.voidBeforeSettlement'],
    ['我是商户，刷错卡了，已经结算了', ZH, 'guidance:merchant.refundAfterSettlement'],
    ["I'm the merchant, I charged the wrong customer's card by mistake, batch not closed", EN, 'guidance:merchant.voidBeforeSettlement'],
    ["I'm the merchant, I charged the wrong customer's card, the batch already settled", EN, 'guidance:merchant.refundAfterSettlement'],
  ])('%j → %s', (first, answers, key) => {
    const g = guidanceOf(first, answers);
    expect(g).toEqual(['guidance:merchant.wrongCard', key]);
  });

  it('when the settlement is not known, then both ways are named', () => {
    expect(guidanceOf('我是商户，刷错了顾客的卡', { ...ZH, batchSettled: '不知道' })).toEqual([
      'guidance:merchant.wrongCard',
      'guidance:merchant.voidOrRefund',
    ]);
  });
});

describe('the wrong-card text names both ways in the domain\'s words', () => {
  const renderer = new Renderer();
  it.each([
    ['en', /\bvoid\b.*\brefund\b.*\bright card\b/i],
    ['zh-CN', /撤销.*退货.*正确的卡/],
  ] as const)('%s', (locale, re) => {
    expect(renderer.t('guidance:merchant.wrongCard', locale)).toMatch(re);
  });
});

/** Sends the messages in turn and returns every reply key and the dialog. */
function talk(...messages: string[]): { d: DialogDriver; keys: string[] } {
  const d = new DialogDriver();
  const keys = messages.flatMap((m) => real(d, m).keys);
  return { d, keys };
}
const usd = (minor: number) => ({ minor, currency: 'USD' });
const cny = (minor: number) => ({ minor, currency: 'CNY' });

describe('a charge not recognised, told during another problem\'s questions', () => {
  it('when told with the card\'s last 4, then the freeze advice is given once, the answer kept and the case\'s facts untouched', () => {
    const { d, keys } = talk(
      'Got charged twice at Starbucks, $6.45 each',
      'this morning',
      "ends 3434. oh and there's also a $380 charge from an electronics store I never went to",
      'debit',
      'Chase. also another charge of 120 I never made',
    );
    expect(keys.filter((k) => k === 'misswipe:otherProblem.fraud')).toHaveLength(1);
    expect(d.context.category).toBe('duplicate_charge');
    expect(d.context.slots).toMatchObject({ cardLast4: '3434', amountCharged: usd(645), chargeCount: 2, merchantName: 'Starbucks', issuer: 'Chase' });
    expect(d.context.otherProblem).toMatchObject({ category: 'unrecognized_charge', amount: usd(38000) });
  });

  it('when told instead of a shop\'s name, then the message is not taken as the name and the question is asked again without a miss', () => {
    const { d, keys } = talk("I'm the cardholder, the refund for my return never arrived, 45 dollars", 'Nov 10', 'also there is another charge of 99 I never made');
    expect(keys.slice(-2)).toEqual(['misswipe:otherProblem.fraud', 'misswipe:ask.merchantName.cardholder']);
    expect(d.context.slots.merchantName).toBeUndefined();
    expect(d.context.slots.amountCharged).toEqual(usd(4500));
    expect(d.context.attempts).toBe(0);
  });

  it('(zh) when told with the bank, then the bank is kept and the other amount is noted', () => {
    const { d, keys } = talk('我是持卡人，在沃尔玛被扣了两次，每次88元', '昨天', '1234', '信用卡', '招商银行，另外还有一笔500块的消费我根本不认识');
    expect(keys).toContain('misswipe:otherProblem.fraud');
    expect(d.context.slots.issuer).toBeDefined();
    expect(d.context.slots.issuer).not.toMatch(/500|不认识/);
    expect(d.context.otherProblem?.amount).toEqual(cny(50000));
    expect(d.context.slots.amountCharged).toEqual(cny(8800));
  });

  it.each([
    ['an ordinary answer', '3434'],
    ["the double charge's own second charge", "3434, and I don't recognise the second charge either"],
  ])('negative: %s is no second problem', (_, answer) => {
    const { d, keys } = talk('Got charged twice at Starbucks, $6.45 each', 'this morning', answer);
    expect(keys).not.toContain('misswipe:otherProblem.fraud');
    expect(d.context.otherProblem ?? null).toBeNull();
    expect(d.context.slots.cardLast4).toBe('3434');
  });

  it('negative: a merchant telling of a customer\'s unknown charge gets no freeze advice', () => {
    const { keys } = talk("I'm the merchant, I charged a customer twice for $20", 'today 2pm', 'also there is another charge of 99 the customer never made');
    expect(keys).not.toContain('misswipe:otherProblem.fraud');
  });
});

describe('both problems in the first message', () => {
  it('when the fraud path is taken, then the other problem\'s amount, count and shop are not the fraud\'s', () => {
    const { d, keys } = talk("Yesterday I was charged twice at Costco for $54.10, and also there's another charge from some company called XYZ Trading I don't recognise at all");
    expect(d.context.category).toBe('unrecognized_charge');
    expect(d.context.slots.when).toBeUndefined();
    expect(keys).toEqual(['common:greeting', 'misswipe:urgent.freeze', 'misswipe:otherProblem.noted', 'misswipe:ask.cardInPossession.cardholder']);
    expect(d.context.slots.merchantName).toBe('XYZ Trading');
    expect(d.context.slots.amountCharged).toBeUndefined();
    expect(d.context.slots.chargeCount).toBeUndefined();
    expect(d.context.otherProblem).toMatchObject({ category: 'duplicate_charge', amount: usd(5410), merchant: 'Costco', count: 2 });
  });

  it('(zh) when the double charge is followed, then the unknown charge\'s amount stays out of it and the card is to be frozen', () => {
    const { d, keys } = talk('我是持卡人，在沃尔玛被扣了两次，每次88，另外还有一笔300的消费我根本不认识');
    expect(d.context.category).toBe('duplicate_charge');
    expect(keys).toContain('misswipe:otherProblem.fraud');
    expect(d.context.slots).toMatchObject({ amountCharged: cny(8800), chargeCount: 2, merchantName: '沃尔玛' });
    expect(d.context.otherProblem?.amount).toEqual(cny(30000));
  });

  it('(zh) when nothing is told of the unknown charge, then the shop of the other problem is still not the fraud\'s', () => {
    const { d, keys } = talk('上周在苏宁刷卡多扣了钱，另外信用卡上还有一笔我不认识的扣款');
    expect(d.context.category).toBe('unrecognized_charge');
    expect(keys).toContain('misswipe:otherProblem.noted');
    expect(d.context.slots.merchantName).toBeUndefined();
    expect(d.context.otherProblem).toMatchObject({ category: 'wrong_amount', merchant: '苏宁' });
  });
});

describe('the agent sees the second problem', () => {
  const renderer = new Renderer();
  it('in details and in the summary, in both languages', () => {
    const { d } = talk("I was charged twice at Costco for $54.10, and also there's another charge from some company called XYZ Trading I don't recognise at all");
    const k = buildCase({ caseId: 'C-1', createdAt: opts.now, context: d.context, priority: 'urgent', transcript: [] }, renderer);
    expect(k.details).toMatchObject({ otherProblem: 'duplicate_charge', otherProblemAmount: 5410, otherProblemCurrency: 'USD', otherProblemMerchant: 'Costco', otherProblemCount: 2 });
    expect(k.summary.en).toMatch(/Also reported, not part of this case: Charged twice, \$54\.10, Costco/);
    expect(k.summary['zh-CN']).toMatch(/另一个问题.*重复扣款.*Costco/);
    expect(k.transaction.amountCharged).toBeNull();
  });

  it('negative: a case with one problem has no such keys', () => {
    const { d } = talk('Got charged twice at Starbucks, $6.45 each');
    const k = buildCase({ caseId: 'C-1', createdAt: opts.now, context: d.context, priority: 'normal', transcript: [] }, renderer);
    expect(k.details).not.toHaveProperty('otherProblem');
    expect(k.summary.en).not.toMatch(/Also reported/);
  });
});
