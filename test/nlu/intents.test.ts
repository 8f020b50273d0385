// Intent rules: categories from free text and payloads, role, yes/no and the global commands,
// including the negations and substrings that must not fire.
import { describe, expect, it } from 'vitest';
import { detectIntents } from '../../src/nlu/intents';
import { normalize } from '../../src/nlu/normalize';
import { CATEGORIES } from '../../src/types';

const intentsOf = (text: string) => detectIntents(normalize(text));
const categoryOf = (text: string) => intentsOf(text).category;

describe('category', () => {
  it.each([
    ['扣了我两遍，每次12块8', 'duplicate_charge'],
    ['一千刷成一万了', 'wrong_amount'],
    ['The reader said payment failed but the money left my account', 'charged_but_failed'],
    ['I paid with Alipay and they swiped my card as well', 'paid_by_other_means'],
    ['卡一直在我身上，刚收到短信说消费了5000元，不是我刷的！', 'unrecognized_charge'],
    ['My card was charged twice at the gas station', 'duplicate_charge'],
    ["I'm a merchant and I rang up 8.80 instead of 88.00 for a customer yesterday morning, how do I fix it?", 'wrong_amount'],
    ['POS机显示交易失败，但是银行短信说扣了260块', 'charged_but_failed'],
    ['上周刷卡金额输错了，多扣了我300', 'wrong_amount'],
    ["The cashier at Joe's Diner keyed $450 instead of $45 yesterday", 'wrong_amount'],
    ['昨天中午在好又多超市刷了两次卡，扣了两笔88元', 'duplicate_charge'],
  ] as const)('when the user writes "%s", then the category is %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it.each([
    ['退货快两周了钱还没退回来', 'refund_not_received'],
    ['the void is still showing on my card', 'refund_not_received'],
    ['住宾馆押金到现在还没解冻', 'preauth_hold'],
    ['rental car company still has a hold on $300', 'preauth_hold'],
    ['刷卡的时候直接按美元扣的，我要的是人民币', 'currency_conversion'],
    ['they charged me in dollars instead of local currency', 'currency_conversion'],
    ['三个月前的消费这周才扣款', 'late_presentment'],
    ['a charge from months ago only showed up today', 'late_presentment'],
    ['收银员用错卡了，刷的是我同事的卡', 'wrong_card'],
    ['the waiter put it on the wrong card', 'wrong_card'],
    ['已经扫码付过了，店员又刷了我的卡', 'paid_by_other_means'],
    ['paid cash and they swiped my card anyway', 'paid_by_other_means'],
    ['被盗刷了', 'unrecognized_charge'],
    ["I don't recognize this transaction", 'unrecognized_charge'],
    ['其他', 'other'],
    ['something else', 'other'],
  ] as const)('when the user describes it as "%s", then the category is %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it.each(CATEGORIES.map((c) => [c]))('when the payload "%s" is the whole message, then it is that category', (c) => {
    expect(categoryOf(c)).toBe(c);
  });

  it.each(['两笔', '88元', '每笔88元', 'yes', '有小票', '昨天中午12点左右', '2', 'twice', '¥88', '招商银行信用卡', 'Walmart', '尾号0128'])(
    'when a short answer to another question is "%s", then no category is read',
    (text) => {
      expect(categoryOf(text)).toBeNull();
    },
  );

  it('when a failed payment was then charged twice, then the stated duplicate wins', () => {
    expect(categoryOf('第一次显示失败，又刷了一次，结果扣了两次')).toBe('duplicate_charge');
  });

  it('when fraud and a failure are both mentioned, then the urgent category wins', () => {
    expect(categoryOf('交易失败了但是扣了钱，而且这笔根本不是我刷的')).toBe('unrecognized_charge');
  });

  it('when a hold complaint mentions a refund, then it stays a hold', () => {
    expect(categoryOf('押金说是退了，可额度还是冻结着')).toBe('preauth_hold');
  });

  it('when "other" appears inside a sentence, then it is not the other category', () => {
    expect(categoryOf('the other cashier charged me twice')).toBe('duplicate_charge');
    expect(categoryOf('other than that it was fine')).toBeNull();
  });
});

describe('role', () => {
  it.each([
    ['我是顾客', 'cardholder'],
    ['持卡人', 'cardholder'],
    ['我是住客', 'cardholder'],
    ["I'm the cardholder", 'cardholder'],
    ['shopper', 'cardholder'],
    ['我是商户', 'merchant'],
    ['我开店的', 'merchant'],
    ['收银员', 'merchant'],
    ['I run a shop', 'merchant'],
    ["I'm a cashier at a noodle bar", 'merchant'],
    ['cardholder', 'cardholder'],
    ['merchant', 'merchant'],
  ] as const)('when the user says "%s", then the role is %s', (text, role) => {
    expect(intentsOf(text).role).toBe(role);
  });

  it('when a merchant tells a customer story, then self-identification wins', () => {
    expect(intentsOf("I'm a merchant and I rang up 8.80 instead of 88.00 for a customer").role).toBe('merchant');
    expect(intentsOf('我是老板，顾客说被扣了两次').role).toBe('merchant');
  });

  it('when only weak signals are present, then they decide', () => {
    expect(intentsOf('my card was charged twice').role).toBe('cardholder');
    expect(intentsOf('扣了我两次').role).toBe('cardholder');
    expect(intentsOf('my customer says she was charged twice').role).toBe('merchant');
    expect(intentsOf('我们店的机器刷了两次').role).toBe('merchant');
  });

  it('when only a third party is named, then the role is unknown', () => {
    expect(intentsOf("The cashier at Joe's Diner keyed $450 instead of $45 yesterday").role).toBeNull();
    expect(intentsOf('收银员刷了两次').role).toBeNull();
  });

  it('when the user denies a role, then the other one is taken', () => {
    expect(intentsOf("I'm not the merchant").role).toBe('cardholder');
    expect(intentsOf('我不是商家').role).toBe('cardholder');
  });
});

describe('yes/no', () => {
  it.each([
    ['是的', 'yes'],
    ['好的', 'yes'],
    ['嗯', 'yes'],
    ['有小票', 'yes'],
    ['问过了，店员说没收到钱', 'yes'],
    ['yes, I kept the receipt', 'yes'],
    ['yep', 'yes'],
    ['还没联系', 'no'],
    ['没有小票', 'no'],
    ['不是', 'no'],
    ['not yet', 'no'],
    ['nope', 'no'],
    ['不对', 'no'],
  ] as const)('when the user answers "%s", then yesNo is %s', (text, yn) => {
    expect(intentsOf(text).yesNo).toBe(yn);
  });

  it.each(['不知道', '不清楚', "I don't know", 'no idea', 'maybe', '在吗', '可以讲英文吗', '有一笔扣款不对', '有人盗刷'])(
    'when the answer is "%s", then yesNo stays unknown',
    (text) => {
      expect(intentsOf(text).yesNo).toBeNull();
    },
  );

  it('when "ok" is followed by "but", then it is not a yes', () => {
    expect(intentsOf('ok but the amount is wrong').yesNo).toBeNull();
  });

  it('when a correction carries the new value, then it is not read as a plain no', () => {
    const i = intentsOf('不对，金额是200');
    expect(i.correction).toBe(true);
    expect(i.yesNo).toBeNull();
  });
});

describe('commands', () => {
  it.each(['转人工', '人工客服', '找真人', 'I want to talk to a real person', 'agent please', 'representative'])(
    'when the user asks "%s", then human is true',
    (text) => {
      expect(intentsOf(text).human).toBe(true);
    },
  );

  it.each(['我要投诉', '不是人工的问题', '人工智能', 'it was not a human error', 'the agent at the hotel said to wait', '不用转人工'])(
    'when the text is "%s", then human is false',
    (text) => {
      expect(intentsOf(text).human).toBe(false);
    },
  );

  it('when the user asks to start over, then restart is true only for the request', () => {
    expect(intentsOf('重新开始').restart).toBe(true);
    expect(intentsOf('start over').restart).toBe(true);
    expect(intentsOf('restart').restart).toBe(true);
    expect(intentsOf('the terminal restarted and charged me again').restart).toBe(false);
    expect(intentsOf('店员重新刷了一遍').restart).toBe(false);
  });

  it('when the user asks to go back, then back is true only for the request', () => {
    expect(intentsOf('返回上一步').back).toBe(true);
    expect(intentsOf('go back').back).toBe(true);
    expect(intentsOf('undo').back).toBe(true);
    expect(intentsOf('I want my money back').back).toBe(false);
    expect(intentsOf('钱什么时候退回来').back).toBe(false);
  });

  it('when the user asks for help, then help is true, but not when describing a problem', () => {
    expect(intentsOf('帮助').help).toBe(true);
    expect(intentsOf('你能做什么').help).toBe(true);
    expect(intentsOf('?').help).toBe(true);
    expect(intentsOf('？').help).toBe(true);
    expect(intentsOf('what can you do').help).toBe(true);
    expect(intentsOf('help, I was charged twice').help).toBe(false);
  });

  it.each(['跳过', '不知道', '不清楚', '不记得了', '忘了', '没印象', 'skip', "don't know", 'I don\'t know', 'not sure', 'no idea', "can't remember", 'n/a', 'pass'])(
    'when the user says "%s", then skip is true and yesNo is not no',
    (text) => {
      const i = intentsOf(text);
      expect(i.skip).toBe(true);
      expect(i.yesNo).toBeNull();
    },
  );

  it('when "不知道" introduces a complaint, then it is not a skip', () => {
    const i = intentsOf('不知道为什么扣了我两次');
    expect(i.skip).toBe(false);
    expect(i.category).toBe('duplicate_charge');
  });

  it.each(['不对，金额是200', '错了，尾号是5678', '应该是前天', 'actually the card ends in 9876', 'sorry, I meant Friday', 'wait, it was 300'])(
    'when the user corrects with "%s", then correction is true',
    (text) => {
      expect(intentsOf(text).correction).toBe(true);
    },
  );

  it.each(['不对', 'no', '对的', 'yes', 'it should have been $45', '不对啊，我被扣了两次'])(
    'when the message is "%s", then it is not a correction',
    (text) => {
      expect(intentsOf(text).correction).toBe(false);
    },
  );

  it('when the user wants to continue after a pause, then resume is true', () => {
    expect(intentsOf('继续').resume).toBe(true);
    expect(intentsOf('接着来').resume).toBe(true);
    expect(intentsOf('continue').resume).toBe(true);
    expect(intentsOf('carry on').resume).toBe(true);
    expect(intentsOf('resume').resume).toBe(true);
    expect(intentsOf('the cashier continued to swipe').resume).toBe(false);
  });

  it.each(['human', 'restart', 'back', 'help', 'skip', 'resume'] as const)(
    'when the payload "%s" is the whole message, then that command is set',
    (p) => {
      expect(intentsOf(p)[p]).toBe(true);
    },
  );
});
