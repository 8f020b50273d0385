// Sweep 8: first messages whose problem type was missed or misread. Sentences are our own,
// written for the families the sweep's conversations stood for: broken English, a charge set
// against a booking in any number format, a share put on another guest's card, a vending machine
// that gave nothing, a refund promised and never made, a merchant passing on a customer's claim.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';

const opts = { now: new Date('2026-11-22T15:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const categoryOf = (text: string): string | null => parse(text, opts).intents.category;

const expectEach = (rows: readonly (readonly [string, string | null])[]): void => {
  it.each(rows)('"%s" reads as %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });
};

describe('several charges in broken English or against one purchase are a duplicate', () => {
  expectEach([
    ['they cut my card two times at the gas station, 50 dollar each', 'duplicate_charge'],
    ['cashier cut my card 2 time for same coffee', 'duplicate_charge'],
    ['my worker swipe the customer card 2 time for 899.00 this morning', 'duplicate_charge'],
    ['the lady tap my card three time', 'duplicate_charge'],
    ['the bank take the money 2 times', 'duplicate_charge'],
    ['银行app上显示同一个商户两笔-88.00', 'duplicate_charge'],
    ['同一家超市出现两笔一样的120', 'duplicate_charge'],
    ['我只刷了一次，账单里却冒出来两笔', 'duplicate_charge'],
    ['I only paid once but my statement has 2 lines from the same shop', 'duplicate_charge'],
  ]);
});

describe('a count of one is no duplicate', () => {
  expectEach([
    ['they swipe my card 1 time only, but the amount is wrong', 'wrong_amount'],
    ['I only paid once and the amount is right, I just need the receipt', null],
    ['我只买了一次东西', null],
  ]);
});

describe('a failed payment that still took money, however it is said', () => {
  expectEach([
    ['it show error but bank take $25 from me', 'charged_but_failed'],
    ['screen say declined, bank still take my money', 'charged_but_failed'],
    ['it say fail but they deduct my account', 'charged_but_failed'],
    ['the machine ate my money', 'charged_but_failed'],
    ['the vending machine did not dispense anything but my card was charged', 'charged_but_failed'],
    ['nothing came out of the kiosk and it took $3.50', 'charged_but_failed'],
    ['小票上打着交易失败，可银行卡里的钱已经没了', 'charged_but_failed'],
    ['POS机显示失败，钱早就被划走了', 'charged_but_failed'],
    ['自动售货机扣了5块，水没出来，机器也没退钱', 'charged_but_failed'],
    ['咖啡机扣了钱不出杯', 'charged_but_failed'],
    ['机器吞了我的钱，短信显示扣款了', 'charged_but_failed'],
  ]);
});

describe('words near the failure family that are no failed payment', () => {
  expectEach([
    // "not go wrong": the goods were fine, the charge was doubled.
    ['东西没出问题，就是扣了两次', 'duplicate_charge'],
    // A terminal that cannot read a card tells of a failure, not a charge the holder disowns.
    ["the terminal doesn't recognise my card, it said error but I was charged", 'charged_but_failed'],
    // A refund that was promised by a shop (no machine, no goods missing) stays a refund.
    ['退货一周了，商家也没退钱', 'refund_not_received'],
  ]);
});

describe('a refund promised with a bare verb and never made', () => {
  expectEach([
    ['月初办的会员，后来取消了说给退，到现在没退', 'refund_not_received'],
    ['商家答应退，两周了还没收到', 'refund_not_received'],
    ['取消了课程，店里说会给我退，一直没到', 'refund_not_received'],
  ]);
});

describe('one guest charged on another guest\'s card, or the wrong card at a completion', () => {
  expectEach([
    ['收银员把3号桌那份260元刷到了5号桌客人的卡上', 'wrong_card'],
    ['我们把A客人的单记到了B客人的卡上，还没结算', 'wrong_card'],
    ["the waiter ran table 4's bill on guest B's card", 'wrong_card'],
    ['酒店前台做预授权完成的时候拿错了另一位客人的卡', 'wrong_card'],
    ['the front desk did the pre-auth completion on the wrong card', 'wrong_card'],
  ]);
});

describe('a hold that is stuck stays a hold, even on the wrong card', () => {
  expectEach([
    ['酒店预授权刷错了卡，到现在还没解冻', 'preauth_hold'],
    ["the hotel ran the wrong card for the pre-auth and it still hasn't been released", 'preauth_hold'],
    ['酒店押金3000一直没解冻', 'preauth_hold'],
  ]);
});

describe('a charge set against a booking or quote, in any number format', () => {
  expectEach([
    ['The hotel charged me 1.480,00 € at checkout but the reservation was 1.180,00 €', 'wrong_amount'],
    ['They billed 2.450,50 € for the car although the quote was 2.250,00 €', 'wrong_amount'],
    ['the booking was 980,00 € but they charged me 1.080,00 €', 'wrong_amount'],
    ['退房时扣了1.480,00欧元，但预订的是1.180,00欧元', 'wrong_amount'],
    ['预订价是880欧，结果退房扣了1080欧', 'wrong_amount'],
    ['They charged me €20 while I was abroad', null],
  ]);
});

describe('a merchant passing on a customer\'s claim that the charge is not theirs', () => {
  // design.md: a merchant reporting an unrecognized charge gets an honest answer and a human.
  expectEach([
    ["A customer filed a dispute saying he doesn't recognise the charge, but he signed the slip", 'unrecognized_charge'],
    ['the cardholder claims it was not him and opened a chargeback', 'unrecognized_charge'],
    ['客人跟银行说这笔消费不是他刷的，申请了拒付', 'unrecognized_charge'],
  ]);
});
