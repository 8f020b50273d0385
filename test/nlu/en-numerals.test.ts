// Amounts written in English words.
import { describe, expect, it } from 'vitest';
import { spellAmounts, wordsToNumber } from '../../src/nlu/en-numerals';

describe('english number words', () => {
  it.each([
    ['fifty', 50],
    ['twenty-five', 25],
    ['a hundred and twenty', 120],
    ['two thousand five hundred', 2500],
    ['ninety nine', 99],
  ])('when "%s" is read, then it is %d', (w, n) => {
    expect(wordsToNumber(w)).toBe(n);
  });

  it('when amounts are spelled out, then they become digits and other words stay', () => {
    expect(spellAmounts('They charged me fifty dollars for a ten dollar sandwich')).toBe('They charged me 50 dollars for a 10 dollar sandwich');
    expect(spellAmounts('one of them said thanks')).toBe('one of them said thanks');
  });
});
