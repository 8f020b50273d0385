// Messages that mix scripts or step aside from the question: traditional characters and Hong Kong
// Cantonese, English payment words inside Chinese, euro amounts with a decimal comma, refusals,
// questions back, emphatic or emoji yes/no, and dates said about something other than the sale.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';
import { toSimplified } from '../../src/nlu/traditional';
import { translateEmbeddedEnglish } from '../../src/nlu/code-switch';
import { extractContrast } from '../../src/nlu/field';

// A Sunday, so "上上周" and Monday-based weeks are easy to check by hand.
const opts = { now: new Date('2026-11-22T12:30:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const p = (text: string) => parse(text, opts);

describe('traditional characters and Cantonese', () => {
  it('when text is converted, then it keeps its length so spans can be cut from the original', () => {
    const original = '在誠品書店買東西，錢被扣了兩筆';
    expect(toSimplified(original)).toHaveLength(original.length);
    expect(toSimplified(original)).toContain('钱被扣了两笔');
  });

  it.each([
    ['刷卡刷了兩遍，銀行扣了兩筆', 'duplicate_charge'],
    ['商家說早就退了，可是退款一直沒到帳', 'refund_not_received'],
    ['有人盜用我的信用卡消費', 'unrecognized_charge'],
    ['收銀員多打了一個零，三十八變成三百八', 'wrong_amount'],
    ['張卡喺超市碌咗兩次', 'duplicate_charge'],
  ])('when someone writes "%s", then the category is %s', (text, category) => {
    expect(p(text).intents.category).toBe(category);
  });

  it('when a Hong Kong bank is named in traditional script, then the issuer is recognised', () => {
    expect(p('滙豐銀行的卡').entities.issuer).toBe('HSBC');
    expect(p('恆生').entities.issuer).toBe('Hang Seng Bank');
  });

  it('when a shop name is written in traditional script, then it is kept as the user wrote it', () => {
    expect(p('在誠品書店刷的卡').entities.merchantName).toBe('誠品書店');
    expect(p('喺惠康碌卡').entities.merchantName).toBe('惠康');
  });

  it('when a Cantonese speaker says who they are, then the role is read', () => {
    expect(p('我係持卡人').intents.role).toBe('cardholder');
  });
});

describe('English payment words inside a Chinese message', () => {
  it('when English words are embedded, then the Chinese rules read their Chinese equivalents', () => {
    expect(translateEmbeddedEnglish('店员又 swipe 了一次 card')).toBe('店员又刷了一次卡');
  });

  it.each([
    ['我的debit card被charge了三次', 'duplicate_charge'],
    ['超市的refund到现在都没收到', 'refund_not_received'],
    ['付了cash之后收银又刷了我的卡', 'paid_by_other_means'],
    ['POS显示failed可是钱被扣了', 'charged_but_failed'],
  ])('when someone writes "%s", then the category is %s', (text, category) => {
    expect(p(text).intents.category).toBe(category);
  });

  it('when an English sentence quotes a Chinese shop, then its English words are left alone', () => {
    const r = p('I was charged twice at 永辉 yesterday');
    expect(r.lang).toBe('en');
    expect(r.intents.category).toBe('duplicate_charge');
  });

  it('when the stored text is returned, then it is the user’s own mix of languages', () => {
    expect(p('退款refund还没到').text).toBe('退款refund还没到');
  });
});

describe('amounts', () => {
  it.each([
    ['€7,90', 790],
    ['it cost 3,25 EUR', 325],
    ['paid €2,400 for the repair', 240000],
  ])('when a euro amount is written "%s", then it is %i cents', (text, minor) => {
    expect(p(text).answers?.money).toEqual({ minor, currency: 'EUR' });
  });

  it('when a decimal comma has no euro or franc next to it, then it is not read as cents', () => {
    expect(p('$1,250').answers?.money).toEqual({ minor: 125000, currency: 'USD' });
  });

  it('when the slip or the terminal shows a figure, then that is the amount charged', () => {
    const money = p('我是老板，终端上显示三千二，其实应收三百二').entities.money;
    expect(money.map((m) => [m.value.minor, m.role])).toEqual([[320000, 'charged'], [32000, 'expected']]);
  });

  it('when a hold is stated with a currency code, then it is a pre-authorisation', () => {
    expect(p('the rental company is holding EUR 500 on my card').intents.category).toBe('preauth_hold');
  });
});

describe('answers that are not values', () => {
  it.each(['这个不方便透露', '不想说', 'I would rather not say', "I don't want to share that", 'prefer not to tell'])(
    'when someone refuses with "%s", then it counts as skipping',
    (text) => {
      expect(p(text).intents.skip).toBe(true);
    },
  );

  it.each(['尾号是指哪几位？', '为什么要这个', '凭证号在哪里找', 'why is that needed', 'what do you mean'])(
    'when someone asks back "%s", then it is marked as a question about the question',
    (text) => {
      expect(p(text).asksBack).toBe(true);
    },
  );

  it('when a value comes with a question mark, then it is an answer, not a question back', () => {
    expect(p('4821?').asksBack).toBe(false);
  });
});

describe('yes and no said with emphasis or emoji', () => {
  it.each([
    ['没有没有', 'no'],
    ['不是不是', 'no'],
    ['有有有', 'yes'],
    ['👌', 'yes'],
    ['✅', 'yes'],
    ['❌', 'no'],
    ['👎', 'no'],
  ])('when someone answers "%s", then it means %s', (text, yesNo) => {
    expect(p(text).intents.yesNo).toBe(yesNo);
  });
});

describe('dates', () => {
  it('when a weekday two weeks back is named with 上上, then it is counted from Monday-based weeks', () => {
    expect(p('上上周二').entities.when).toEqual({ ok: true, value: { date: '2026-11-03', time: null } });
  });

  it('when a date belongs to the settlement, not the sale, then it is not taken as the transaction date', () => {
    expect(p('customer was double charged, and we closed the batch yesterday').entities.when).toBeNull();
    expect(p('前天结算以后发现少收了').entities.when).toBeNull();
  });

  it('when 刚才 points back at an earlier answer, then it is not read as the time of the payment', () => {
    const r = p('我刚才填的金额写错了，应该是75');
    expect(r.entities.when).toBeNull();
    expect(r.intents.correction).toBe(true);
  });

  it('when 刚才 is about the payment, then it still means just now', () => {
    expect(p('刚才刷卡扣了两次').entities.when).toMatchObject({ ok: true, value: { date: '2026-11-22' } });
  });
});

describe('corrections and counts', () => {
  it.each([
    ['是星巴克不是瑞幸', { said: '星巴克', replaced: '瑞幸' }],
    ['不是瑞幸，是星巴克', { said: '星巴克', replaced: '瑞幸' }],
    ['no, it was Costco not Sam’s Club', { said: 'Costco', replaced: 'Sam’s Club' }],
    ['not Kroger, it was Safeway', { said: 'Safeway', replaced: 'Kroger' }],
  ])('when someone sets one value against another ("%s"), then both are read', (text, contrast) => {
    expect(extractContrast(text)).toEqual(contrast);
  });

  it.each(['scratch that, the total should have been $30', '抱歉，应该是工行', '错了，不是工行，是农行'])(
    'when "%s" is typed, then it is a correction',
    (text) => {
      expect(p(text).intents.correction).toBe(true);
    },
  );

  it('when one duplicate charge is mentioned, then two charges are counted', () => {
    expect(p('账单上多了一笔重复的扣款').entities.count).toBe(2);
  });

  it('when the card tail is introduced with 末尾, then it is the last four and not an amount', () => {
    const r = p('卡号末尾是0357');
    expect(r.entities.last4).toBe('0357');
    expect(r.entities.money).toEqual([]);
  });
});
