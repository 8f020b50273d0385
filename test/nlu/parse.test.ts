// parse(): the whole chain on the product's example sentences — normalise, redact, language,
// intents, facts, entities with roles, and the bare-answer readings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../scripts/nlu-eval-lib';
import { extractCount, extractLast4, extractReferenceNumber, parseCountAnswer, parseLast4Answer } from '../../src/nlu/digits';
import { extractMoney, parseMoneyAnswer } from '../../src/nlu/money';
import { normalize } from '../../src/nlu/normalize';
import { detectLanguage } from '../../src/nlu/language';
import { forUnderstanding, parse } from '../../src/nlu/parse';
import { redactCardData } from '../../src/nlu/redact';
import type { ParseOptions } from '../../src/types';

const opts: ParseOptions = { now: new Date('2026-11-21T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const p = (text: string) => parse(text, opts);
const amounts = (text: string) => p(text).entities.money.map((m) => ({ minor: m.value.minor, currency: m.value.currency, role: m.role }));

describe('parse', () => {
  it('when a full card number is typed, then it is redacted and only the last 4 remain', () => {
    const r = p('我的卡号是 6222 0212 3456 7890 128');
    expect(r.redaction.cardNumbers).toBe(1);
    expect(r.redaction.last4).toBe('0128');
    expect(r.entities.last4).toBe('0128');
    expect(r.text).not.toMatch(/6222/);
    expect(r.text.replace(/\D/g, '')).not.toMatch(/\d{13,}/);
    expect(r.lang).toBe('zh-CN');
  });

  it('when a CVV is typed, then it is counted as a secret and removed', () => {
    const r = p('cvv 123');
    expect(r.redaction.secrets).toBe(1);
    expect(r.text).not.toContain('123');
  });

  it('when a duplicate is described with a per-charge amount, then category, count and money are read', () => {
    const r = p('扣了我两遍，每次12块8');
    expect(r.intents.category).toBe('duplicate_charge');
    expect(r.intents.role).toBe('cardholder');
    expect(r.entities.count).toBe(2);
    expect(amounts('扣了我两遍，每次12块8')).toEqual([{ minor: 1280, currency: 'CNY', role: 'charged' }]);
  });

  it('when an amount was keyed ten times too high, then both amounts get their roles', () => {
    const r = p('一千刷成一万了');
    expect(r.intents.category).toBe('wrong_amount');
    expect(amounts('一千刷成一万了')).toEqual([
      { minor: 100000, currency: 'CNY', role: 'expected' },
      { minor: 1000000, currency: 'CNY', role: 'charged' },
    ]);
  });

  it('when the reader failed but money left, then it is charged_but_failed in English', () => {
    const r = p('The reader said payment failed but the money left my account');
    expect(r.intents.category).toBe('charged_but_failed');
    expect(r.lang).toBe('en');
    expect(r.intents.role).toBe('cardholder');
  });

  it('when Alipay was used and the card swiped too, then it is paid_by_other_means', () => {
    expect(p('I paid with Alipay and they swiped my card as well').intents.category).toBe('paid_by_other_means');
  });

  it('when the card is in hand and the charge is unknown, then fraud, possession and amount are read', () => {
    const r = p('卡一直在我身上，刚收到短信说消费了5000元，不是我刷的！');
    expect(r.intents.category).toBe('unrecognized_charge');
    expect(r.entities.cardInPossession).toBe(true);
    expect(r.entities.money.map((m) => m.value)).toEqual([{ minor: 500000, currency: 'CNY' }]);
    expect(r.entities.when).toEqual({ ok: true, value: { date: '2026-11-21', time: '15:00' } });
  });

  it('when a card was charged twice at a gas station, then duplicate and cardholder', () => {
    const r = p('My card was charged twice at the gas station');
    expect(r.intents.category).toBe('duplicate_charge');
    expect(r.intents.role).toBe('cardholder');
    expect(r.entities.count).toBe(2);
  });

  it('when a merchant rang up the wrong amount, then role, category, amounts and time are read', () => {
    const text = "I'm a merchant and I rang up 8.80 instead of 88.00 for a customer yesterday morning, how do I fix it?";
    const r = p(text);
    expect(r.intents.role).toBe('merchant');
    expect(r.intents.category).toBe('wrong_amount');
    expect(amounts(text)).toEqual([
      { minor: 880, currency: 'CNY', role: 'charged' },
      { minor: 8800, currency: 'CNY', role: 'expected' },
    ]);
    expect(r.entities.when?.ok && r.entities.when.value.date).toBe('2026-11-20');
  });

  it('when the POS said failed and the SMS shows a debit, then charged_but_failed with the amount', () => {
    const r = p('POS机显示交易失败，但是银行短信说扣了260块');
    expect(r.intents.category).toBe('charged_but_failed');
    expect(amounts('POS机显示交易失败，但是银行短信说扣了260块')).toEqual([{ minor: 26000, currency: 'CNY', role: 'charged' }]);
  });

  it('when last week an amount was keyed wrong, then the difference and a vague date are read', () => {
    const r = p('上周刷卡金额输错了，多扣了我300');
    expect(r.intents.category).toBe('wrong_amount');
    expect(r.intents.role).toBe('cardholder');
    expect(amounts('上周刷卡金额输错了，多扣了我300')).toEqual([{ minor: 30000, currency: 'CNY', role: 'difference' }]);
    expect(r.entities.when).toEqual({ ok: false, reason: 'vague' });
  });

  it("when the cashier at Joe's Diner keyed $450 instead of $45, then the merchant, amounts and date are read", () => {
    const text = "The cashier at Joe's Diner keyed $450 instead of $45 yesterday";
    const r = p(text);
    expect(r.intents.category).toBe('wrong_amount');
    expect(r.intents.role).toBeNull();
    expect(r.entities.merchantName).toBe("Joe's Diner");
    expect(amounts(text)).toEqual([
      { minor: 45000, currency: 'USD', role: 'charged' },
      { minor: 4500, currency: 'USD', role: 'expected' },
    ]);
    expect(r.entities.when).toEqual({ ok: true, value: { date: '2026-11-20', time: null } });
  });

  it('when a swipe at 好又多 was charged twice at noon yesterday, then all details are taken at once', () => {
    const r = p('昨天中午在好又多超市刷了两次卡，扣了两笔88元');
    expect(r.intents.category).toBe('duplicate_charge');
    expect(r.entities.count).toBe(2);
    expect(r.entities.merchantName).toBe('好又多超市');
    expect(r.entities.when).toEqual({ ok: true, value: { date: '2026-11-20', time: '12:00' } });
    expect(r.entities.money.map((m) => m.value)).toEqual([{ minor: 8800, currency: 'CNY' }]);
  });

  it('when the merchant was asked, then yes and merchantContacted are read', () => {
    const r = p('问过了，店员说没收到钱');
    expect(r.intents.yesNo).toBe('yes');
    expect(r.entities.merchantContacted).toBe(true);
    expect(r.intents.category).toBeNull();
  });

  it('when nobody was contacted yet, then no and merchantContacted false', () => {
    const r = p('还没联系');
    expect(r.intents.yesNo).toBe('no');
    expect(r.entities.merchantContacted).toBe(false);
  });

  it('when the receipt was kept, then yes and hasReceipt true', () => {
    const r = p('yes, I kept the receipt');
    expect(r.intents.yesNo).toBe('yes');
    expect(r.entities.hasReceipt).toBe(true);
  });

  it('when the answer is "not yet", then no without any fact', () => {
    const r = p('not yet');
    expect(r.intents.yesNo).toBe('no');
    expect(r.entities.merchantContacted).toBeNull();
  });

  it('when a real person is requested, then human is set', () => {
    expect(p('I want to talk to a real person').intents.human).toBe(true);
  });

  it.each(['不知道', '不记得了', "I don't know", 'skip'])('when the answer is "%s", then it is a skip and not a no', (text) => {
    const r = p(text);
    expect(r.intents.skip).toBe(true);
    expect(r.intents.yesNo).toBeNull();
  });

  it('when the amount is corrected, then correction, field and value are read', () => {
    const r = p('不对，金额是200');
    expect(r.intents.correction).toBe(true);
    expect(r.intents.yesNo).toBeNull();
    expect(r.fieldMention).toBe('amountCharged');
    expect(r.answers?.money).toEqual({ minor: 20000, currency: 'CNY' });
  });

  it('when the card tail is corrected, then correction, field and last4 are read', () => {
    const r = p('actually the card ends in 9876');
    expect(r.intents.correction).toBe(true);
    expect(r.fieldMention).toBe('cardLast4');
    expect(r.entities.last4).toBe('9876');
  });

  it('when the message is a bare value, then the answers read it for every kind of question', () => {
    expect(p('260').answers).toEqual({ money: { minor: 26000, currency: 'CNY' }, last4: null, count: null, merchantName: null, moneyUnmarked: true });
    expect(p('5521').answers?.last4).toBe('5521');
    expect(p('两次').answers?.count).toBe(2);
    expect(p('家乐福').answers?.merchantName).toBe('家乐福');
    expect(p('88').lang).toBeNull();
  });

  it('when the user asks for English, then langSwitch is set', () => {
    expect(p('English please').langSwitch).toBe('en');
    expect(p('说中文').langSwitch).toBe('zh-CN');
  });

  it('when the message has a card type and issuer, then both are read (issuer by its English name)', () => {
    const r = p('招商银行的信用卡');
    expect(r.entities.cardType).toBe('credit');
    expect(r.entities.issuer).toBe('China Merchants Bank');
  });

  it('when the input is empty or only spaces, then nothing is read and nothing throws', () => {
    const r = p('   ');
    expect(r.text).toBe('');
    expect(r.lang).toBeNull();
    expect(r.intents.category).toBeNull();
    expect(r.entities.money).toEqual([]);
  });
});

// ------------------------------------------------------------------- fast paths are exact


/** What parse() would return for the numeric entities without any of its shortcuts. */
function plainChain(raw: string) {
  const stored = redactCardData(normalize(raw)).text;
  const text = forUnderstanding(stored, detectLanguage(stored));
  return {
    money: extractMoney(text, 'CNY'),
    count: extractCount(text),
    referenceNumber: extractReferenceNumber(text),
    answers: { money: parseMoneyAnswer(text, 'CNY'), last4: parseLast4Answer(text), count: parseCountAnswer(text) },
    last4: extractLast4(text),
  };
}

function viaParse(raw: string) {
  const r = p(raw);
  return {
    money: r.entities.money,
    count: r.entities.count,
    referenceNumber: r.entities.referenceNumber,
    answers: { money: r.answers?.money ?? null, last4: r.answers?.last4 ?? null, count: r.answers?.count ?? null },
    last4: r.entities.last4,
  };
}

describe('parse fast paths', () => {
  it('when every fixture line is parsed, then the gated extractors equal the plain chain', () => {
    for (const line of loadFixtures()) expect(viaParse(line.text), line.text).toEqual(plainChain(line.text));
  });

  it('when random chat-like text is parsed, then the gated extractors equal the plain chain', () => {
    const pieces = ['扣了', '两次', '88', '元', 'twice', 'one', '一千', '刷成', '一万', ' ', ',', '尾号', '1234', '$', '12.5', 'charged', '重复', '幺洞', 'x2', '笔', 'ref', '123456789012', '好的', 'yes', '块', '8', '零'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const raw = parts.join('');
        expect(viaParse(raw)).toEqual(plainChain(raw));
      }),
      { numRuns: 400 },
    );
  });

  it('when arbitrary text is parsed, then it never throws and never keeps a 13+ digit run', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const r = p(raw);
        expect(r.text.replace(/[\s-]/g, '')).not.toMatch(/\d{13,}/);
      }),
      { numRuns: 300 },
    );
  });

  it('when a very long message arrives, then parse still returns quickly', () => {
    const long = '昨天在超市刷卡扣了两次，每次88元，the cashier said it failed but I was charged. '.repeat(40);
    const t0 = performance.now();
    const r = p(long);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.text.length).toBeLessThanOrEqual(2000);
  });
});
