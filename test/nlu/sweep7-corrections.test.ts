// Sweep 7: a correction of an earlier answer brought up while a later question is open. It often
// starts with a word that changes the topic ("哦对了", "oh and") or sets the value against the
// old one in the middle of the sentence ("it was actually the 12th, not the 11th").
import { describe, expect, it } from 'vitest';
import { extractContrast } from '../../src/nlu/field';
import { parse } from '../../src/nlu/parse';

const opts = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
/** Through the parser: intents read the normalised text (full-width commas become ','). */
const intentsOf = (text: string) => parse(text, opts).intents;

describe('a correction opened by a change of topic or set against the old value', () => {
  it.each([
    '哦对了，日期说错了，是12号不是11号',
    '对了，金额说错了，应该是186',
    '还有，卡号后四位我打错了，是6688',
    '另外商户名写错了，是山姆会员店',
    '商户名刚才说错了，不是沃尔玛，是山姆会员店',
    '店的名字说错了，是全家',
    '噢，不对，是12号',
    'oh and it was actually the 12th, not the 11th',
    'oh wait, the amount was actually $142.17 not $124.17',
    'the amount was actually $142.17 not $124.17',
    "also, it's the 12th not the 11th",
    'btw the date was the 12th, not the 11th',
    'by the way, actually it was $50',
  ])('when the message is %j, then it is a correction', (text) => {
    expect(intentsOf(text).correction).toBe(true);
  });

  it.each([
    // Plain answers to the question asked, "not" included.
    'no, not yet',
    'not yet',
    'I actually did not contact them',
    "it's not with me anymore",
    'it was not me',
    'the receipt is not here',
    "oh, I'm not sure",
    'and no receipt',
    // A topic word alone, or followed by a plain answer.
    '对了，有小票',
    '哦，没有',
    '对了',
    '还有一个问题',
  ])('when the message is %j, then it is no correction', (text) => {
    expect(intentsOf(text).correction).toBe(false);
  });

  it('when a yes/no answer follows a topic word, then it is still read as the answer', () => {
    expect(intentsOf('哦，没有').yesNo).toBe('no');
    expect(intentsOf('no, not yet').yesNo).toBe('no');
  });
});

describe('the value now meant, after a field said to be wrong', () => {
  it.each([
    ['商户名刚才说错了，不是沃尔玛，是山姆会员店', { said: '山姆会员店', replaced: '沃尔玛' }],
    ['哦对了，日期说错了，是12号不是11号', { said: '12号', replaced: '11号' }],
    ['店名写错了，是罗森不是全家', { said: '罗森', replaced: '全家' }],
    ['oh and it was actually the 12th, not the 11th', { said: 'the 12th', replaced: 'the 11th' }],
    ['the store was actually Target, not Walmart', { said: 'Target', replaced: 'Walmart' }],
  ])('when the message is %j, then the contrast is %j', (text, contrast) => {
    expect(extractContrast(text)).toEqual(contrast);
  });

  it('when the correction names the merchant field, then that field is the one mentioned', () => {
    expect(parse('商户名刚才说错了，不是沃尔玛，是山姆会员店', opts).fieldMention).toBe('merchantName');
  });
});
