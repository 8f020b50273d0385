// "A 刷成 B" with the sale named between the amount and the verb: the first is what was due.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/parse';

const at = { now: new Date('2026-11-22T10:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' };
const roles = (t: string) => parse(t, at).entities.money.map((m) => [m.value.minor, m.role]);

describe('an amount keyed as another, with the sale named in between', () => {
  it.each([
    ['我是收银员，刚才把一笔35元的单输成了350元', 3500, 35000],
    ['35块的账打成了350', 3500, 35000],
    ['把一笔88的消费刷错成了880', 8800, 88000],
    ['把28块打成了280', 2800, 28000],
  ])('when a cashier says "%s", then the first amount is expected and the second charged', (text, expected, charged) => {
    expect(roles(text)).toEqual([
      [expected, 'expected'],
      [charged, 'charged'],
    ]);
  });

  it('when 的 introduces something else, then the amount keeps no pairing', () => {
    expect(roles('35元的单子我还留着')).toEqual([[3500, null]]);
  });
});

describe('an amount said to be wrong, then what it should be', () => {
  it.each([
    ['1850应该是1580', 185000, 158000],
    ['对，但是1850应该是1580', 185000, 158000],
    ['1850不对，应该是1580', 185000, 158000],
    ['$150 should be $15', 15000, 1500],
  ])('when someone says "%s", then the first is the charge and the second what it should be', (text, charged, expected) => {
    expect(roles(text)).toEqual([
      [charged, 'charged'],
      [expected, 'expected'],
    ]);
  });

  it('when a bare number is followed by "应该是对的", then it is no amount', () => {
    expect(roles('订单号1850应该是对的')).toEqual([]);
  });
});
