// Short answers ending in an emoji, a thumbs-up for yes, and the formal 系 ("is") in a role.
import { describe, expect, it } from 'vitest';
import { detectIntents } from '../../src/nlu/intents';

describe('emoji in short answers', () => {
  it.each([
    ['me, the customer 😅', 'cardholder'],
    ['customer 😅', 'cardholder'],
    ['商户🙏', 'merchant'],
    ['持卡人😭😭', 'cardholder'],
    ['cashier 👋🏽', 'merchant'],
  ] as const)('when the role answer "%s" ends in an emoji, then it names the %s', (text, role) => {
    expect(detectIntents(text).role).toBe(role);
  });

  it.each(['👍', '👌', '✅', '对的👍', 'yes 😅', '是的😊'])('when the answer is "%s", then it is a yes', (text) => {
    expect(detectIntents(text).yesNo).toBe('yes');
  });

  it('when a thumbs-up opens a longer message, then the message is read, not taken as a yes', () => {
    const i = detectIntents('👍 but the amount is wrong');
    expect(i.yesNo).toBeNull();
    expect(i.category).toBe('wrong_amount');
  });

  it('when emoji surround a story, then its problem is still read', () => {
    expect(detectIntents('😡😡 charged twice at Walmart').category).toBe('duplicate_charge');
  });
});

describe('formal 系 ("is") in a self-introduction', () => {
  it.each([
    ['本人系持卡人', 'cardholder'],
    ['我系商户', 'merchant'],
  ] as const)('when someone writes "%s", then the role is %s', (text, role) => {
    expect(detectIntents(text).role).toBe(role);
  });

  it('when 系 is part of another word, then no role is read from it', () => {
    expect(detectIntents('关系不大').role).toBeNull();
  });
});
