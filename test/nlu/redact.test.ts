import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCardData, redactCardData } from '../../src/nlu/redact';

const LONG_RUN = /\d(?:(?: ?[-‐‑‒–—] ?| )?\d){12}/;

describe('redactCardData — card numbers', () => {
  it('when a UnionPay number is grouped with spaces, then it becomes **** plus its last 4', () => {
    expect(redactCardData('卡号 6222 0212 3456 7890 128')).toEqual({
      text: '卡号 ****0128',
      cardNumbers: 1,
      secrets: 0,
      last4: '0128',
    });
  });

  it.each([
    ['4111111111111111', '****1111'],
    ['4111-1111-1111-1111', '****1111'],
    ['4111 1111 1111 1111', '****1111'],
    ['3782 822463 10005', '****0005'], // Amex 15 digits
    ['6222021234567890128', '****0128'], // 19 digits
    ['1234567890123', '****0123'], // 13 digits, Luhn not required
    ['4111 - 1111 - 1111 - 1111', '****1111'],
  ])('when the message holds %s, then it is masked as %s', (input, masked) => {
    const r = redactCardData(`my card ${input} was charged`);
    expect(r.text).toBe(`my card ${masked} was charged`);
    expect(r.cardNumbers).toBe(1);
  });

  it('when two card numbers appear, then both are masked and last4 is from the last one', () => {
    const r = redactCardData('old 4111111111111111 new 5500 0000 0000 0004');
    expect(r.text).toBe('old ****1111 new ****0004');
    expect(r.cardNumbers).toBe(2);
    expect(r.last4).toBe('0004');
  });

  it('when a card number is glued to Chinese text, then it is still masked', () => {
    expect(redactCardData('我的卡号是6222021234567890128谢谢').text).toBe('我的卡号是****0128谢谢');
  });

  it('when a date sits right before a card number, then the date survives and the card is masked', () => {
    const r = redactCardData('2026-11-20 6222 0212 3456 7890');
    expect(r.text).toBe('2026-11-20 ****7890');
    expect(r.cardNumbers).toBe(1);
  });

  it('when a run is longer than any card, then no 13-digit run survives', () => {
    const r = redactCardData('62220212345678901234567890 and 6222 0212 3456 7890 5555 6666 7777');
    expect(r.text).not.toMatch(LONG_RUN);
    expect(r.cardNumbers).toBeGreaterThanOrEqual(2);
  });

  it('when a 15-digit number is introduced as 商户号, then it is kept', () => {
    expect(redactCardData('商户号 123456789012345').text).toBe('商户号 123456789012345');
    expect(redactCardData('商户编号:123456789012345').cardNumbers).toBe(0);
    expect(redactCardData('merchant ID: 123456789012345').cardNumbers).toBe(0);
    expect(redactCardData('MID 123456789012345').cardNumbers).toBe(0);
  });

  it('when a 16-digit number follows 商户号, then it is still a card number', () => {
    expect(redactCardData('商户号 1234567890123456').cardNumbers).toBe(1);
  });

  it('when a 15-digit number has no merchant label, then it is a card number', () => {
    expect(redactCardData('number 123456789012345').text).toBe('number ****2345');
  });

  it.each([
    ['a 12-digit RRN', '参考号 123456789012'],
    ['a date', '2026-11-20 晚上8点'],
    ['an amount', 'charged 1,234.56 yesterday'],
    ['a bank hotline', '打了95588'],
    ['a mobile number', '电话13812345678'],
    ['an international phone number', 'call +86 138 1234 5678'],
    ['a time and an amount', '10:30 扣了 8800'],
  ])('when the text holds %s, then nothing is redacted', (_what, text) => {
    const r = redactCardData(text);
    expect(r.text).toBe(text);
    expect(r.cardNumbers).toBe(0);
    expect(r.secrets).toBe(0);
    expect(r.last4).toBeNull();
  });
});

describe('redactCardData — property', () => {
  const piece = fc.oneof(
    fc.stringMatching(/^\d{1,8}$/),
    fc.constantFrom(' ', '-', ' - ', '–', '—', '+', '*', ':', '/', '.', ',', '卡号', 'cvv', '商户号', 'MID ', 'x', '元'),
  );

  it('when any mix of digits and separators is redacted, then no 13-digit run survives', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = redactCardData(pieces.join('')).text;
        // Merchant ids (15 digits after a label) and +country phone numbers (≤ 15 digits) may stay.
        const allowed = /(?:商户号|MID)[\s:]*\d(?:(?: ?[-‐‑‒–—] ?| )?\d){14}(?!(?: ?[-‐‑‒–—] ?| )?\d)|\+\d{1,3}(?:(?: ?[-‐‑‒–—] ?| )\d+)*/g;
        const rest = text.replace(allowed, (m) => (m.replace(/\D/g, '').length <= 15 ? '#' : m));
        expect(rest).not.toMatch(LONG_RUN);
      }),
      { numRuns: 500 },
    );
  });
});

describe('redactCardData — secrets', () => {
  it.each([
    ['cvv 123', 'cvv ***'],
    ['CVV2: 987', 'CVV2: ***'],
    ['my cvc is 321', 'my cvc is ***'],
    ['安全码是456', '安全码是***'],
    ['密码123456', '密码***'],
    ['PIN码 8888', 'PIN码 ***'],
    ['my PIN is 1234', 'my PIN is ***'],
    ['验证码:889900', '验证码:***'],
    ['短信验证码 556677', '短信验证码 ***'],
    ['动态码是 12345678', '动态码是 ***'],
    ['OTP 445566', 'OTP ***'],
    ['the sms code was 7788', 'the sms code was ***'],
    ['CVN2 是 135', 'CVN2 是 ***'],
    ['the code they texted me is 778812', 'the code they texted me is ***'],
  ])('when the message says %j, then the digits are hidden: %j', (input, output) => {
    const r = redactCardData(input);
    expect(r.text).toBe(output);
    expect(r.secrets).toBe(1);
  });

  it.each([
    ['123 is the cvv', '*** is the cvv'],
    ['456是安全码', '***是安全码'],
    ['321 (cvv)', '*** (cvv)'],
  ])('when the digits come before the keyword (%j), then they are hidden', (input, output) => {
    expect(redactCardData(input).text).toBe(output);
  });

  it('when a card and its CVV come together, then both are removed', () => {
    const r = redactCardData('card 4111-1111-1111-1111 exp 12/28 cvv: 321');
    expect(r.text).toBe('card ****1111 exp 12/28 cvv: ***');
    expect(r).toMatchObject({ cardNumbers: 1, secrets: 1, last4: '1111' });
  });

  it.each([
    ['an amount after the word 密码', '扣了300 密码输错了'],
    ['a count after PIN', 'PIN输错3次'],
    ['a word containing "otp"', 'hotpot 128'],
    ['"pin" inside another word', 'shopping 1234'],
  ])('when the text has %s, then nothing is hidden', (_what, text) => {
    expect(redactCardData(text)).toMatchObject({ text, secrets: 0 });
  });
});

describe('containsCardData', () => {
  it('when a card number is present, then it is true', () => {
    expect(containsCardData('6222 0212 3456 7890 128')).toBe(true);
  });

  it('when only a CVV is present, then it is true', () => {
    expect(containsCardData('cvv 123')).toBe(true);
  });

  it('when only an RRN, a date and an amount are present, then it is false', () => {
    expect(containsCardData('参考号 123456789012, 2026-11-20, ¥1,234.56')).toBe(false);
  });

  it('when the text was already redacted, then it is false', () => {
    expect(containsCardData(redactCardData('卡号 6222 0212 3456 7890 128 cvv 123').text)).toBe(false);
  });
});
