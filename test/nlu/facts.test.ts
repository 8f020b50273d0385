// Facts stated in free text: topic word plus polarity; bare yes/no and unrelated topics stay null.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/nlu/facts';
import { normalize } from '../../src/nlu/normalize';

const factsOf = (text: string) => extractFacts(normalize(text));

describe('hasReceipt', () => {
  it.each([
    ['有小票', true],
    ['留了签购单', true],
    ['yes, I kept the receipt', true],
    ['receipt is in my bag', true],
    ['没有小票', false],
    ['小票丢了', false],
    ['no receipt', false],
    ["they didn't print a slip", false],
  ] as const)('when the user says "%s", then hasReceipt is %s', (text, value) => {
    expect(factsOf(text).hasReceipt).toBe(value);
  });

  it('when the receipt is only quoted as evidence, then nothing is stated about keeping it', () => {
    expect(factsOf('小票上写的是45，银行扣了450').hasReceipt).toBeNull();
    expect(factsOf('the receipt is in yen but the statement is in dollars').hasReceipt).toBeNull();
  });
});

describe('merchantContacted', () => {
  it.each([
    ['联系过商家了', true],
    ['问过了', true],
    ['找过店家，他们说要查一下', true],
    ['the shop said they would refund me', true],
    ['I called the merchant yesterday', true],
    ['还没联系', false],
    ['没找商家', false],
    ["haven't contacted the store", false],
    ['我打了银行电话，还没问店里', false],
  ] as const)('when the user says "%s", then merchantContacted is %s', (text, value) => {
    expect(factsOf(text).merchantContacted).toBe(value);
  });

  it('when only the bank was contacted, then nothing is stated about the merchant', () => {
    expect(factsOf('我已经联系了银行').merchantContacted).toBeNull();
    expect(factsOf('I called my bank').merchantContacted).toBeNull();
  });
});

describe('cardInPossession', () => {
  it.each([
    ['卡在我身上', true],
    ['卡一直在我手上', true],
    ['I still have my card', true],
    ['卡丢了', false],
    ['卡被偷了', false],
    ['lost my card last week', false],
  ] as const)('when the user says "%s", then cardInPossession is %s', (text, value) => {
    expect(factsOf(text).cardInPossession).toBe(value);
  });

  it('when the terminal was "stuck", then it says nothing about the card', () => {
    expect(factsOf('机器卡了一下然后扣了两次').cardInPossession).toBeNull();
  });
});

describe('batchSettled', () => {
  it.each([
    ['已结算', true],
    ['昨晚已经结算了', true],
    ['batch closed', true],
    ['还没结算', false],
    ['not settled yet', false],
  ] as const)('when the merchant says "%s", then batchSettled is %s', (text, value) => {
    expect(factsOf(text).batchSettled).toBe(value);
  });

  it('when 结算 is about the currency or 结账 about checkout, then nothing is stated', () => {
    expect(factsOf('居然按人民币结算的').batchSettled).toBeNull();
    expect(factsOf('结账的时候刷了两次').batchSettled).toBeNull();
    expect(factsOf('I settled the bill with cash').batchSettled).toBeNull();
  });
});

describe('topic-less answers', () => {
  it.each(['yes', 'no', '是的', '没有', '好的'])('when the message is a bare "%s", then every fact stays null', (text) => {
    expect(factsOf(text)).toEqual({ hasReceipt: null, merchantContacted: null, cardInPossession: null, batchSettled: null });
  });
});
