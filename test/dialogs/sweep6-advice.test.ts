// The advice a conversation ends with fits the case: a dispute window that has (nearly) run out
// is said plainly, a late charge's window is counted from its posting, fraud gets no "ask the
// shop" closing, and a pre-authorisation completed too high gets the terminal fix.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';
import { Renderer } from '../../src/i18n';
import { DialogDriver } from '../helpers/dialog-driver';

const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const renderer = new Renderer();

/**
 * Every reply key of a conversation told on `today`: the first message, then each question
 * answered from `answers` by the slot it expects ("*" for any other), until the confirmation.
 */
function keysOf(today: string | undefined, first: string, answers: Record<string, string>) {
  const d = new DialogDriver();
  const keys: string[] = [];
  let text: string | undefined = first;
  for (let turn = 0; text !== undefined && turn < 20; turn++) {
    const step = d.send({ type: 'user.said', idle: false, parsed: parse(text, opts), ...(today ? { today } : {}) });
    keys.push(...step.keys);
    const slot = step.replies.at(-1)?.expecting?.slot;
    text = slot && slot !== 'confirm' ? (answers[slot] ?? answers['*']) : undefined;
  }
  return { keys, context: d.context };
}

const TODAY = '2026-11-22';
const CARD = { cardLast4: '6642', cardType: '信用卡', issuer: '招商银行', merchantName: '宜家', '*': '跳过' };
const CARD_EN = { cardLast4: '6642', cardType: 'credit', issuer: 'China Merchants Bank', merchantName: 'IKEA', '*': 'skip' };
const FRAUD = { cardInPossession: '卡在我身上', amountCharged: '4999元', cardLast4: '6203', issuer: '建设银行', '*': '跳过' };

describe('a dispute window that has passed or is closing is said, not "within about 90–120 days"', () => {
  it.each([
    ['zh-CN', '我是持卡人，3月14日在宜家被重复扣款，2499元扣了两次', CARD],
    ['en', "I'm the cardholder, IKEA charged me 2499 yuan twice on March 14", CARD_EN],
  ])('%s: a duplicate from March, told in November → passed', (locale, first, answers) => {
    const { keys, context } = keysOf(TODAY, first, answers);
    expect(keys).toContain('guidance:deadline.passed');
    expect(keys).not.toContain('guidance:deadline.processingError');
    expect(context.guidance).toContain('guidance:deadline.passed');
    expect(renderer.t('guidance:deadline.passed', locale as 'en' | 'zh-CN')).toMatch(/passed|已经过/);
  });

  it('a charge 85 days ago: the window closes within a week', () => {
    const { keys } = keysOf(TODAY, '我是持卡人，8月29日在宜家被重复扣款，2499元扣了两次', CARD);
    expect(keys).toContain('guidance:deadline.closing');
  });

  it('a fraud charge 125 days ago: passed, instead of the 120-day line', () => {
    const { keys } = keysOf(TODAY, '有一笔我不认识的扣款，我是持卡人', { ...FRAUD, when: '7月20日' });
    expect(keys).toContain('guidance:deadline.passed');
    expect(keys).not.toContain('guidance:deadline.fraud');
  });

  it.each([
    ['a recent duplicate', '我是持卡人，11月20日在宜家被重复扣款，2499元扣了两次', 'guidance:deadline.processingError'],
    ['a recent fraud charge', '有一笔我不认识的扣款，我是持卡人', 'guidance:deadline.fraud'],
  ])('negative: %s keeps the usual deadline line', (_name, first, usual) => {
    const { keys } = keysOf(TODAY, first, usual.endsWith('fraud') ? { ...FRAUD, when: '昨天' } : CARD);
    expect(keys).toContain(usual);
    expect(keys).not.toContain('guidance:deadline.passed');
    expect(keys).not.toContain('guidance:deadline.closing');
  });

  it('negative: without the day (an engine that sends none) nothing is claimed', () => {
    const { keys } = keysOf(undefined, '我是持卡人，3月14日在宜家被重复扣款，2499元扣了两次', CARD);
    expect(keys).toContain('guidance:deadline.processingError');
    expect(keys).not.toContain('guidance:deadline.passed');
  });
});

describe('a late charge: the window counts from the posting date', () => {
  it.each([
    ['zh-CN', '我是持卡人', { category: 'late_presentment', when: '8月20号', amountCharged: '328', ...CARD, merchantName: '外婆家' }],
    ['en', "I'm the cardholder", { category: 'late_presentment', when: 'August 20', amountCharged: '$58', ...CARD_EN, merchantName: 'Olive Garden' }],
  ])('%s: no deadline from the sale date, a line about the posting date instead', (_locale, first, answers) => {
    const { keys, context } = keysOf(TODAY, first, answers);
    expect(context.category).toBe('late_presentment');
    expect(keys).toContain('guidance:deadline.latePresentment');
    expect(keys).not.toContain('guidance:deadline.processingError');
    expect(keys).not.toContain('guidance:deadline.passed');
  });
});

describe('fraud ends with fraud advice, not "if the shop doesn\'t help"', () => {
  it.each([
    ['zh-CN', '有一笔我不认识的扣款，可能被盗刷了，我是持卡人', { ...FRAUD, when: '十分钟前' }],
    ['en', "Someone used my card, I don't recognise this charge, I'm the cardholder", { cardInPossession: 'yes', amountCharged: '$1200', when: 'this morning', cardLast4: '4821', issuer: 'HSBC', '*': 'skip' }],
  ])('%s', (locale, first, answers) => {
    const { keys } = keysOf(TODAY, first, answers);
    expect(keys).toContain('guidance:common.escalationFraud');
    expect(keys).not.toContain('guidance:common.escalation');
    const text = renderer.t('guidance:common.escalationFraud', locale as 'en' | 'zh-CN');
    expect(text).toMatch(/don't contact the merchant|不要自己去联系/);
    expect(text).toMatch(/Keep the card|卡片请先留着/);
  });

  it('negative: a processing error still closes with "if the shop doesn\'t help"', () => {
    const { keys } = keysOf(TODAY, '我是持卡人，11月20日在宜家被重复扣款，2499元扣了两次', CARD);
    expect(keys).toContain('guidance:common.escalation');
    expect(keys).not.toContain('guidance:common.escalationFraud');
  });
});

describe('a merchant who completed a pre-authorisation too high', () => {
  const first = '我是商户，酒店前台，预授权完成金额输错了，房费1260元，输成了12600';
  const answers = { when: '今天中午12点', amountCharged: '12600', amountExpected: '1260', merchantName: '全季酒店 虹桥店', cardLast4: '4432', '*': '跳过' };

  it.each([
    ['还没', 'guidance:merchant.preauthCompletionVoid'],
    ['已经结算了', 'guidance:merchant.preauthCompletionRefund'],
    ['跳过', 'guidance:merchant.preauthCompletionFix'],
  ])('batch settled? "%s" → %s', (settled, key) => {
    const { keys, context } = keysOf(TODAY, first, { ...answers, batchSettled: settled });
    expect(context.category).toBe('preauth_hold');
    expect(keys).toContain('guidance:merchant.preauthOverCompleted');
    expect(keys).toContain(key);
    expect(keys).not.toContain('guidance:merchant.preauthHold');
  });

  it('says 预授权完成撤销 before settlement and 退货 of the difference after, in both languages', () => {
    expect(renderer.t('guidance:merchant.preauthCompletionVoid', 'zh-CN')).toContain('预授权完成撤销');
    expect(renderer.t('guidance:merchant.preauthCompletionRefund', 'zh-CN')).toMatch(/差额.*退货/);
    expect(renderer.t('guidance:merchant.preauthCompletionVoid', 'en')).toMatch(/cancel the completion/);
    expect(renderer.t('guidance:merchant.preauthCompletionRefund', 'en')).toMatch(/refund \(退货\) the difference/);
  });

  it('negative: a hold that was simply not released keeps the usual advice', () => {
    const { keys } = keysOf(TODAY, '我是商户，顾客的预授权押金还没解冻', { ...answers, amountCharged: '2000', amountExpected: '跳过' });
    expect(keys).toContain('guidance:merchant.preauthHold');
    expect(keys).not.toContain('guidance:merchant.preauthOverCompleted');
  });
});

describe('a distressed message gets one calm acknowledgement', () => {
  const ACK = 'misswipe:empathy.ack';
  const firstTurn = (text: string) => new DialogDriver().send({ type: 'user.said', idle: false, parsed: parse(text, opts), today: TODAY }).keys;

  it.each([
    '我的卡被刷了两次，怎么办啊',
    '好着急，刚才刷卡扣了两次钱',
    '扣了我两次钱！！',
    "I'm panicking, I was charged twice",
    'This is ridiculous, the shop charged me twice',
    'I am so worried, there is a charge I never made',
  ])('%s → acknowledged, after the greeting', (text) => {
    const keys = firstTurn(text);
    expect(keys.filter((k) => k === ACK)).toHaveLength(1);
    expect(keys.indexOf(ACK)).toBeGreaterThan(keys.indexOf('common:greeting'));
  });

  it.each(['我是持卡人，刷了两次', 'I was charged twice at Target!', '紧接着又扣了一笔', 'What happened to my refund?'])(
    'negative: "%s" → no acknowledgement',
    (text) => expect(firstTurn(text)).not.toContain(ACK),
  );

  it('is said once per conversation, however upset the later messages are', () => {
    const d = new DialogDriver();
    const keys: string[] = [];
    for (const text of ['扣了我两次钱，怎么办！！', '我是持卡人，急死了', '昨天，太离谱了！！']) {
      keys.push(...d.send({ type: 'user.said', idle: false, parsed: parse(text, opts), today: TODAY }).keys);
    }
    expect(keys.filter((k) => k === ACK)).toHaveLength(1);
  });

  it('also when the distress comes only at a later answer', () => {
    const d = new DialogDriver();
    d.send({ type: 'user.said', idle: false, parsed: parse('I was charged twice at Target', opts), today: TODAY });
    const keys = d.send({ type: 'user.said', idle: false, parsed: parse("I'm the cardholder and honestly I'm freaking out", opts), today: TODAY }).keys;
    expect(keys).toContain(ACK);
  });

  it('reads the same in both languages', () => {
    expect(renderer.t(ACK, 'en')).toMatch(/step by step/);
    expect(renderer.t(ACK, 'zh-CN')).toMatch(/一步一步/);
  });
});
