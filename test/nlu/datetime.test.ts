import { describe, expect, it } from 'vitest';
import type { ParseOptions, WhenParse } from '../../src/types';
import { extractWhen } from '../../src/nlu/datetime';

const at = (iso: string, timeZone = 'Asia/Shanghai'): ParseOptions => ({
  now: new Date(iso),
  timeZone,
  defaultCurrency: 'CNY',
});
const ok = (date: string, time: string | null = null): WhenParse => ({ ok: true, value: { date, time } });

// Saturday 21 November 2026, 15:00 in Shanghai.
const SAT_AFTERNOON = at('2026-11-21T15:00:00+08:00');
// Same day, late evening, so "today at 4:30pm" lies in the past.
const SAT_EVENING = at('2026-11-21T21:30:00+08:00');

describe('extractWhen — Chinese', () => {
  it.each<[string, WhenParse]>([
    ['前天上午十点', ok('2026-11-19', '10:00')],
    ['大前天晚上', ok('2026-11-18')],
    ['10月1号晚上八点', ok('2026-10-01', '20:00')],
    ['11月20号', ok('2026-11-20')],
    ['上周三', ok('2026-11-11')],
    ['昨天中午', ok('2026-11-20', '12:00')],
    ['昨天中午12点左右', ok('2026-11-20', '12:00')],
    ['昨天晚上8点', ok('2026-11-20', '20:00')],
    ['昨晚11点多', ok('2026-11-20', '23:00')],
    ['昨天下午三点半', ok('2026-11-20', '15:30')],
    ['昨天凌晨两点', ok('2026-11-20', '02:00')],
    ['今天早上', ok('2026-11-21')],
    ['昨天', ok('2026-11-20')],
    ['前天', ok('2026-11-19')],
    ['两天前', ok('2026-11-19')],
    ['20号', ok('2026-11-20')],
    ['上个月20号', ok('2026-10-20')],
    ['2026年11月20日', ok('2026-11-20')],
    ['10分钟前', ok('2026-11-21', '14:50')],
    ['晚上9点', ok('2026-11-20', '21:00')],
    ['8点', ok('2026-11-21', '08:00')],
    ['周日', ok('2026-11-15')],
    ['夜里11点', ok('2026-11-20', '23:00')],
    ['上周五下午3点', ok('2026-11-13', '15:00')],
    ['昨天晚上12点', ok('2026-11-21', '00:00')],
  ])('when the text is %j, then it resolves to %j', (text, expected) => {
    expect(extractWhen(text, SAT_AFTERNOON)).toEqual(expected);
  });

  it('when "今天下午4点半" is said in the evening, then it is today 16:30', () => {
    expect(extractWhen('今天下午4点半', SAT_EVENING)).toEqual(ok('2026-11-21', '16:30'));
  });

  it('when "今天下午4点半" is said at 15:00, then it is in the future', () => {
    expect(extractWhen('今天下午4点半', SAT_AFTERNOON)).toEqual({ ok: false, reason: 'future' });
  });

  it.each(['刚刚', '刚才在家乐福刷了两次', '刚刷完'])('when %j, then it is now', (text) => {
    expect(extractWhen(text, SAT_AFTERNOON)).toEqual(ok('2026-11-21', '15:00'));
  });

  it('when the date sits in a longer message with an amount and a count, then only the date is read', () => {
    expect(extractWhen('昨天中午在好又多超市刷了两次卡，每次88元', SAT_AFTERNOON)).toEqual(ok('2026-11-20', '12:00'));
  });
});

describe('extractWhen — English', () => {
  it.each<[string, WhenParse]>([
    ['yesterday', ok('2026-11-20')],
    ['yesterday around 9am', ok('2026-11-20', '09:00')],
    ['yesterday around 7:30pm', ok('2026-11-20', '19:30')],
    ['yesterday at 10am', ok('2026-11-20', '10:00')],
    ['yesterday morning', ok('2026-11-20')],
    ['3 days ago at noon', ok('2026-11-18', '12:00')],
    ['Oct 1', ok('2026-10-01')],
    ['October 1st', ok('2026-10-01')],
    ['this afternoon at 2', ok('2026-11-21', '14:00')],
    ['last night around 11', ok('2026-11-20', '23:00')],
    ['last night at 11', ok('2026-11-20', '23:00')],
    ['2026-11-20', ok('2026-11-20')],
    ['11/20', ok('2026-11-20')],
    ['the day before yesterday at 5pm', ok('2026-11-19', '17:00')],
    ['last Friday night around 9', ok('2026-11-20', '21:00')],
    ['2 hours ago', ok('2026-11-21', '13:00')],
    ['Sunday', ok('2026-11-15')],
    ['on the 3rd', ok('2026-11-03')],
    ['just now', ok('2026-11-21', '15:00')],
    ['a moment ago', ok('2026-11-21', '15:00')],
  ])('when the text is %j, then it resolves to %j', (text, expected) => {
    expect(extractWhen(text, SAT_AFTERNOON)).toEqual(expected);
  });

  it('when a month-day without a year lies ahead, then it is last year', () => {
    expect(extractWhen('Dec 25', SAT_AFTERNOON)).toEqual(ok('2025-12-25'));
    expect(extractWhen('12月25号', SAT_AFTERNOON)).toEqual(ok('2025-12-25'));
  });
});

describe('extractWhen — future, vague and nothing', () => {
  it.each(['明天', 'tomorrow', 'tonight at 8', '今天晚上9点', '下周三', '2027-01-05'])(
    'when %j, then it is refused as future',
    (text) => {
      expect(extractWhen(text, SAT_AFTERNOON)).toEqual({ ok: false, reason: 'future' });
    },
  );

  it('when the moment is within the 5-minute grace, then it is accepted', () => {
    expect(extractWhen('今天下午3点', at('2026-11-21T14:57:00+08:00'))).toEqual(ok('2026-11-21', '15:00'));
    expect(extractWhen('今天下午3点', at('2026-11-21T14:50:00+08:00'))).toEqual({ ok: false, reason: 'future' });
  });

  it.each(['上周', 'last week', '最近', '前几天', 'recently', 'a few days ago', '上个月', 'in October', 'the other day'])(
    'when %j, then it is vague',
    (text) => {
      expect(extractWhen(text, SAT_AFTERNOON)).toEqual({ ok: false, reason: 'vague' });
    },
  );

  it('when a vague and a precise reference both appear, then the precise one wins', () => {
    expect(extractWhen('最近，就是昨天晚上8点', SAT_AFTERNOON)).toEqual(ok('2026-11-20', '20:00'));
  });

  it.each(['你好', 'I was charged twice', '88元', '$450', '尾号1024', 'ends in 4412', '扣了两次', '3 times', 'I sat at the bar'])(
    'when %j has nothing date-like, then the result is null',
    (text) => {
      expect(extractWhen(text, SAT_AFTERNOON)).toBeNull();
    },
  );

  it('when an amount and a time share a sentence, then the amount is not read as a time', () => {
    expect(extractWhen('charged 450 at 8pm yesterday', SAT_AFTERNOON)).toEqual(ok('2026-11-20', '20:00'));
    expect(extractWhen('昨天刷了12块8，尾号1024，参考号123456789012', SAT_AFTERNOON)).toEqual(ok('2026-11-20'));
  });
});

describe('extractWhen — rules around chrono', () => {
  it.each(['晚上刷的', '半夜收到短信', 'in the morning', '下午'])(
    'when only a part of the day is named (%j), then the day is unknown and the result is null',
    (text) => {
      expect(extractWhen(text, SAT_AFTERNOON)).toBeNull();
    },
  );

  it('when only 中午 is named, then it is the latest noon that has passed', () => {
    expect(extractWhen('中午刷的', SAT_AFTERNOON)).toEqual(ok('2026-11-21', '12:00'));
    expect(extractWhen('中午刷的', at('2026-11-21T09:00:00+08:00'))).toEqual(ok('2026-11-20', '12:00'));
  });

  it('when 上周日 is said, then weeks start on Monday as in China', () => {
    expect(extractWhen('上周日下午', SAT_AFTERNOON)).toEqual(ok('2026-11-15'));
    expect(extractWhen('这周日', SAT_AFTERNOON)).toEqual({ ok: false, reason: 'future' });
  });

  it('when chrono puts 周四晚上 on today, then the weekday said wins', () => {
    expect(extractWhen('周四晚上', SAT_AFTERNOON)).toEqual(ok('2026-11-19'));
  });

  it('when two day words appear, then the first one (the transaction) is used', () => {
    expect(extractWhen('昨天晚上8点刷的卡，今天早上才收到短信', SAT_AFTERNOON)).toEqual(ok('2026-11-20', '20:00'));
  });

  it('when a long English message holds the date, then it is still found', () => {
    const text =
      'Hello, I need help. Yesterday around 7:30pm I went to a restaurant with my family and when we paid the waiter swiped my card twice and now my app shows two charges and I am really annoyed about it';
    expect(extractWhen(text, SAT_AFTERNOON)).toEqual(ok('2026-11-20', '19:30'));
  });

  it.each<[string, WhenParse]>([
    ['half past 8 last night', ok('2026-11-20', '20:30')],
    ['yday around 10pm', ok('2026-11-20', '22:00')],
    ['国庆节那天', ok('2026-10-01')],
    ['双十一', ok('2026-11-11')],
    ['Christmas eve', ok('2025-12-24')],
  ])('when the text is %j, then it resolves to %j', (text, expected) => {
    expect(extractWhen(text, SAT_AFTERNOON)).toEqual(expected);
  });

  it('when a card expiry or a store name holds digits, then they are not read as a date or time', () => {
    expect(extractWhen('card ****9012, cvv ***, exp 11/29', SAT_AFTERNOON)).toBeNull();
    expect(extractWhen('used at 7-Eleven for HK$58', SAT_AFTERNOON)).toBeNull();
  });

  it('when 现在 (now) describes the waiting, then it is not the transaction date', () => {
    expect(extractWhen('退款300元，说3-5个工作日到账，现在已经过了10天了', SAT_AFTERNOON)).toBeNull();
  });
});

describe('extractWhen — boundaries', () => {
  const NEW_YEAR = at('2026-01-01T00:10:00+08:00');

  it.each<[string, WhenParse]>([
    ['昨天', ok('2025-12-31')],
    ['yesterday at 11pm', ok('2025-12-31', '23:00')],
    ['last night around 11', ok('2025-12-31', '23:00')],
    ['12月31号晚上11点', ok('2025-12-31', '23:00')],
    ['Dec 31', ok('2025-12-31')],
    ['晚上11点', ok('2025-12-31', '23:00')],
    ['刚刚', ok('2026-01-01', '00:10')],
    ['10分钟前', ok('2026-01-01', '00:00')],
    ['20号', ok('2025-12-20')],
    ['周三', ok('2025-12-31')],
  ])('when it is just after midnight on New Year and the text is %j, then %j', (text, expected) => {
    expect(extractWhen(text, NEW_YEAR)).toEqual(expected);
  });

  it('when it is 1 March and the text is 昨天, then it is 28 February', () => {
    expect(extractWhen('昨天', at('2026-03-01T09:00:00+08:00'))).toEqual(ok('2026-02-28'));
  });

  it('when it is 1 March and the text is 30号, then it is 30 January (February has none)', () => {
    expect(extractWhen('30号', at('2026-03-01T09:00:00+08:00'))).toEqual(ok('2026-01-30'));
  });

  it('when it is the first of a month and the text is 上个月最后一天-like 31号, then the previous month with a 31st is used', () => {
    expect(extractWhen('31号', at('2026-12-01T09:00:00+08:00'))).toEqual(ok('2026-10-31'));
  });

  it('when now is just before midnight UTC but already tomorrow in Shanghai, then Shanghai decides the day', () => {
    const o = at('2026-11-20T23:30:00Z'); // 07:30 on the 21st in Shanghai
    expect(extractWhen('昨天', o)).toEqual(ok('2026-11-20'));
    expect(extractWhen('今天早上7点', o)).toEqual(ok('2026-11-21', '07:00'));
  });
});

describe('extractWhen — another time zone', () => {
  // 2026-11-21 15:00 in Shanghai is 02:00 the same day in New York.
  const NY = at('2026-11-21T15:00:00+08:00', 'America/New_York');

  it.each<[string, WhenParse]>([
    ['昨天晚上8点', ok('2026-11-20', '20:00')],
    ['yesterday at 10am', ok('2026-11-20', '10:00')],
    ['刚刚', ok('2026-11-21', '02:00')],
    ['last night around 11', ok('2026-11-20', '23:00')],
    ['1:30am', ok('2026-11-21', '01:30')],
  ])('when the bot runs in New York and the text is %j, then %j', (text, expected) => {
    expect(extractWhen(text, NY)).toEqual(expected);
  });

  it('when it is 02:00 in New York, then "today at 3pm" is in the future', () => {
    expect(extractWhen('today at 3pm', NY)).toEqual({ ok: false, reason: 'future' });
  });
});
