// Sweep 6: authentication data named in everyday words is removed before anything keeps it, and
// yes/no answers about the receipt and the merchant are read from what people actually say.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/nlu/normalize';
import { parse } from '../../src/nlu/parse';
import { redactCardData } from '../../src/nlu/redact';
import type { ParseOptions } from '../../src/types';

const opts: ParseOptions = { now: new Date('2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const redacted = (text: string) => redactCardData(normalize(text));

describe('security code on the back of the card, named in Chinese', () => {
  it('when a card number and "背面三位数是472" come together, then neither survives and the last 4 stay', () => {
    const p = parse('卡号6217 0000 1234 5678 901，背面三位数是472', opts);
    expect(p.text).not.toMatch(/472|6217/);
    expect(p.text).toContain('8901');
    expect(p.redaction).toMatchObject({ cardNumbers: 1, secrets: 1, last4: '8901' });
  });

  it.each([
    '背面三位数是472',
    '背面的三位：472',
    '卡背后三位 472',
    '卡背面的3位数为472',
    '后面三个数字是472',
    '有效期后面的三位是472',
    '背面的数字是 4 7 2',
    '反面三位码472',
    '背面三位数是四七二',
    '安全码472',
    '校验码＝472',
    'CVV2 472',
    'CVN：472',
    '472是背面三位数',
  ])('when the user writes %j, then the code is gone', (text) => {
    const r = redacted(text);
    expect(r.text).not.toMatch(/472|四七二|4 7 2/);
    expect(r.secrets).toBe(1);
  });
});

describe('security code and PIN, named in English', () => {
  it.each([
    'the 3 digits on the back are 472',
    'three digit code on the back of my card is 472',
    'the numbers on the back of the card: 472',
    '472 is the code on the back',
    'security code 472',
    'security number is 472',
    'cvc: 472',
    'card verification value 472',
  ])('when the user writes %j, then the code is gone', (text) => {
    const r = redacted(text);
    expect(r.text).not.toContain('472');
    expect(r.secrets).toBe(1);
  });

  it.each([
    ['PIN is 1234', '1234'],
    ['my pin 4321', '4321'],
    ['密码是123456', '123456'],
    ['取款密码：123456', '123456'],
    ['支付密码为 12 34 56', '12 34 56'],
    ['交易密码是一二三四五六', '一二三四五六'],
    ['短信验证码是556677', '556677'],
    ['the otp was 889900', '889900'],
  ])('when a PIN or one-time code is typed (%j), then it is gone', (text, secret) => {
    const r = redacted(text);
    expect(r.text).not.toContain(secret);
    expect(r.secrets).toBe(1);
  });
});

describe('numbers that are not secrets stay', () => {
  it.each([
    ['the last 4 as 尾号', '尾号4412'],
    ['the last 4 as 后四位', '后四位是4412'],
    ['a three-digit amount', '三位数的金额,扣了328元'],
    ['a count and an amount', '扣了三笔共300元'],
    ['the bank hotline on the back of the card', '打了卡背面的客服电话95588'],
    ['a time', '后面三点半又刷了一次'],
    ['the last 3 of a card number', '卡号后三位是128'],
    ['English last four', 'the last four digits are 4412'],
    ['English amount on the back of the receipt', 'the back of the receipt says 472 yuan'],
  ])('when the text has %s, then nothing is hidden', (_what, text) => {
    const r = redacted(text);
    expect(r.text).toBe(normalize(text));
    expect(r.secrets).toBe(0);
  });
});

const facts = (text: string) => parse(text, opts).entities;

describe('receipt kept, in everyday words', () => {
  it.each([
    '押金单还留着',
    '预授权单在我这',
    '小票在呢',
    '单子还在',
    '单子我留着呢',
    '签购单我拍照了',
    'only one receipt',
    "I've got the slip",
    'kept the paper',
    'got the paper slip',
  ])('when the answer is %j, then hasReceipt is true', (text) => {
    expect(facts(text).hasReceipt).toBe(true);
  });

  it.each([
    ['押金单丢了', false],
    ['单子找不到了', false],
    ['no paper', false],
    ['单子有问题', null],
    ['这个单子扣了两次', null],
    ['the paper says 45', null],
  ] as const)('when the text is %j, then hasReceipt is %s', (text, value) => {
    expect(facts(text).hasReceipt).toBe(value);
  });
});

describe('merchant contacted, in everyday words', () => {
  it.each([
    '打过电话，说查一下再回复',
    '电话打过了，说会处理',
    '打了好几个电话',
    '去过店里了',
    '店员根本不管，说找银行',
    '店里让我找银行',
    '老板推给银行',
    '问过了，没用',
    '找过店长',
    "I called them, they said they'd check",
    'I called',
    'went back to the store',
    'the cashier didn\'t care',
  ])('when the answer is %j, then merchantContacted is true', (text) => {
    expect(facts(text).merchantContacted).toBe(true);
  });

  it.each([
    ['还没去过店里', false],
    ['没回过店里', false],
    ['电话没打过', false],
    ['电话还没打', false],
    ['没打过电话', false],
    ["I didn't call", false],
    ['我给银行打过电话', null],
    ['打过电话给银行', null],
    ['I called the bank', null],
  ] as const)('when the text is %j, then merchantContacted is %s', (text, value) => {
    expect(facts(text).merchantContacted).toBe(value);
  });
});
