import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, normalize } from '../../src/nlu/normalize';

describe('normalize', () => {
  it('when digits and letters are full-width, then they become ASCII', () => {
    expect(normalize('１２３４ ＡＢＣ ｘｙｚ')).toBe('1234 ABC xyz');
  });

  it('when the yuan sign is full-width, then it becomes ¥', () => {
    expect(normalize('￥６６')).toBe('¥66');
  });

  it('when Chinese punctuation is full-width, then NFKC maps the ASCII-compatible ones', () => {
    expect(normalize('金额：８８，谢谢！')).toBe('金额:88,谢谢!');
  });

  it('when newlines and tabs separate words, then they become single spaces', () => {
    expect(normalize('line one\nline\ttwo\r\nthree')).toBe('line one line two three');
  });

  it('when control characters are present, then they are removed', () => {
    expect(normalize('ab\u0000c\u0007d\u001Be\u007F\u0085f\u009Fg')).toBe('abcde fg');
  });

  it('when zero-width characters hide inside a number, then they are removed', () => {
    expect(normalize('6222\u200B0212\u200C3456\u200D7890\uFEFF128')).toBe('6222021234567890128');
  });

  it('when bidi controls are present, then they are removed', () => {
    expect(normalize('a\u202Eb\u2066c\u2069d')).toBe('abcd');
  });

  it('when whitespace runs (including the ideographic space), then they collapse to one space and trim', () => {
    expect(normalize('  昨天\u3000\u3000刷了   两次  ')).toBe('昨天 刷了 两次');
  });

  it('when the text is longer than the cap, then it is cut to the cap', () => {
    expect(normalize('a'.repeat(MAX_TEXT_LENGTH + 500))).toHaveLength(MAX_TEXT_LENGTH);
    expect(MAX_TEXT_LENGTH).toBe(2000);
  });

  it('when the cut would split a surrogate pair, then the half character is dropped', () => {
    const text = 'a'.repeat(MAX_TEXT_LENGTH - 1) + '😀' + 'b';
    const out = normalize(text);
    expect(out).toBe('a'.repeat(MAX_TEXT_LENGTH - 1));
  });

  it('when the text is empty or only spaces, then the result is empty', () => {
    expect(normalize('')).toBe('');
    expect(normalize(' \n\t ')).toBe('');
  });

  it('when text is already normal, then it is unchanged', () => {
    expect(normalize('The cashier keyed $450 instead of $45')).toBe('The cashier keyed $450 instead of $45');
  });
});
