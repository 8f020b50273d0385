// Amounts read from messages in sweep 8: a 一 that starts a word after an amount, charged and
// expected told apart by "X as Y", a price tag and 被扣了, and euro amounts written 1.299,00.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';

const at = { now: new Date('2026-11-22T10:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const amounts = (t: string) => parse(t, at).entities.money.map((m) => [m.value.minor, m.value.currency]);

describe('a 一 after an amount that starts a word is not part of the amount', () => {
  it.each([
    ['之前退货的199块一直没退回来', 19900],
    ['有一笔预授权3000一直没解冻', 300000],
    ['5块一直没到账', 500],
    ['退了88元一共两次', 8800],
    ['那笔1500块一下子就扣没了', 150000],
    ['扣了1500一下子', 150000],
    ['扣了三千一直没退', 300000],
    ['刷了两千一共三笔', 200000],
    ['扣了66块一样的金额', 6600],
    ['十二块五一共', 1250],
    ['付了200一看账单多了', 20000],
  ])('when someone writes "%s", then the amount is %i minor units', (text, minor) => {
    expect(amounts(text)[0]).toEqual([minor, 'CNY']);
  });

  it.each([
    ['十二块五', 1250],
    ['3块5', 350],
    ['两块一', 210],
    ['两块一的', 210],
    ['一块一毛一分', 111],
    ['扣了三千一', 310000],
    ['刷了一千一', 110000],
    ['一万一千块', 1100000],
    ['一百一十一块一毛一', 11110],
  ])('when a 一 is really a digit ("%s"), then it still counts', (text, minor) => {
    expect(amounts(text)).toEqual([[minor, 'CNY']]);
  });
});
