// Sweep 8: a yes that goes on with a change is no plain yes; the charges a statement shows win
// over how often the card went through ("又刷了一次" itself is two); "2 time" is a count; a batch
// "not settle yet" / "结过了" is read.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';

const opts = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const read = (text: string) => parse(text, opts);

describe('a yes that goes on with a change', () => {
  it.each([
    '都对，不过金额应该是1580不是1850',
    '对，就是日期不对，应该是12号',
    '都对，除了卡号',
    '没问题，但是卡号是1234',
    '对就是金额不对',
    '是的，只是银行写错了',
    'yes but the date is wrong, it was Thursday the 19th',
    'right, only the date should be the 19th',
    "that's right but the amount is wrong",
    'yes except the card, it ends in 1234',
    'all good except the amount',
    'correct, just the merchant name is wrong',
  ])('when the answer is %j, then it confirms nothing (a yes that changes something)', (text) => {
    const { yesNo, yesButChange } = read(text).intents;
    // Some are no yes at all ("yes but …" in English); the others are a yes with a change.
    expect(yesNo === null || yesButChange === true).toBe(true);
  });

  it('when a detail question is answered "有，但是商家不是很配合", then it is still a yes to that question', () => {
    expect(read('有，但是商家不是很配合').intents.yesNo).toBe('yes');
  });

  it.each([
    '对',
    '都对',
    '有，不过有点皱',
    '联系过了，但是商家说不能退',
    '是的，不过我不太确定',
    '对的，但是他们不给退',
    'yes',
    'yes just now',
    'yes I did, but they said no',
  ])('when the answer is %j, then it is still a yes', (text) => {
    expect(read(text).intents.yesNo).toBe('yes');
    expect(read(text).intents.yesButChange).toBeUndefined();
  });
});

describe('how many charges', () => {
  it.each([
    ['超市自助收银机刷卡时屏幕卡住了，我以为没付成功又刷了一次，现在账单上有两笔87.6', 2],
    ['我以为没付成功又刷了一次', 2],
    ['收银员又重新刷了一次', 2],
    // "还有一笔" is one more charge of another story, not what the statement shows in all.
    ['在沃尔玛被扣了两次，每次88，另外还有一笔300的消费我根本不认识', 2],
    ['又刷了一下', 2],
    ['刷了好几次，账单上出现了三笔', 3],
    ['试了四次，最后显示有两笔扣款', 2],
    ['I am shop owner, my staff swipe customer card 2 time for 1,299.00 this morning, not settle yet', 2],
    ['swipe customer card 2 time', 2],
    ['I swiped again once and now two charges show on my statement', 2],
    ['the terminal declined 3 times, now 2 charges of $40 are pending', 2],
    ['I tried 3 times but there are 2 charges', 2],
  ])('when the story is %j, then the count is %i', (text, count) => {
    expect(read(text).entities.count).toBe(count);
  });

  it.each([
    ['刷了一次', 1],
    ['金额输错了，撤销后又刷了一次', null],
    ['a one time fee but they charged twice', 2],
    ['at that time', null],
  ] as const)('when the story is %j, then the count is %s (unchanged)', (text, count) => {
    expect(read(text).entities.count).toBe(count);
  });

  it.each([
    ['2 time', 2],
    ['two time', 2],
    ['3 time', 3],
  ] as const)('when "how many times?" is answered %j, then it is %i', (text, count) => {
    expect(read(text).answers?.count).toBe(count);
  });
});

describe('whether the batch is settled', () => {
  it.each([
    ['not settle yet', false],
    ['no settle yet', false],
    ['not settled yet', false],
    ["haven't settled", false],
    ['还没结算', false],
    ['没结', false],
    ['还没结过', false],
    ['already settled', true],
    ['结过了', true],
    ['结算过了', true],
    ['已经结了', true],
    ['早就结算了', true],
    ['日结了', true],
    ['结了', true],
    ['yes it settled last night', true],
  ] as const)('when the merchant says %j, then batchSettled is %s', (text, settled) => {
    expect(read(text).entities.batchSettled).toBe(settled);
  });

  it.each(['not sure if settled', '不知道结没结算', '交易已经结束了', '我结过账了', 'I settled the bill'])(
    'when the merchant says %j, then nothing is read about the batch',
    (text) => {
      expect(read(text).entities.batchSettled).toBeNull();
    },
  );
});
