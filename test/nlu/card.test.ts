import { describe, expect, it } from 'vitest';
import { ISSUERS, extractCardType, extractIssuer } from '../../src/nlu/card';

describe('extractCardType', () => {
  it.each([
    ['信用卡', 'credit'],
    ['是张贷记卡', 'credit'],
    ['credit card', 'credit'],
    ['my visa credit', 'credit'],
    ['credit', 'credit'],
    ['借记卡', 'debit'],
    ['储蓄卡', 'debit'],
    ['工资卡', 'debit'],
    ['debit', 'debit'],
    ['my debit card', 'debit'],
    ['预付卡', 'prepaid'],
    ['购物卡', 'prepaid'],
    ['prepaid', 'prepaid'],
    ['a gift card', 'prepaid'],
  ])('when the text is %j, then the card type is %s', (text, type) => {
    expect(extractCardType(text)).toBe(type);
  });

  it('when one type is negated and another given, then the other wins', () => {
    expect(extractCardType('不是信用卡，是借记卡')).toBe('debit');
    expect(extractCardType("it's not a credit card, it's debit")).toBe('debit');
  });

  it('when two types are offered as alternatives, then the type is unknown', () => {
    expect(extractCardType('是信用卡还是储蓄卡我忘了')).toBeNull();
    expect(extractCardType('credit or debit, not sure')).toBeNull();
  });

  it.each(['银行卡', '我的卡', 'the credit never posted', "I haven't received the credit", 'card', ''])(
    'when the text is %j, then the type is unknown',
    (text) => {
      expect(extractCardType(text)).toBeNull();
    },
  );
});

describe('extractIssuer', () => {
  it.each([
    ['工商银行', 'ICBC'],
    ['中国工商银行的卡', 'ICBC'],
    ['工行', 'ICBC'],
    ['ICBC', 'ICBC'],
    ['建行', 'China Construction Bank'],
    ['中国建设银行', 'China Construction Bank'],
    ['CCB', 'China Construction Bank'],
    ['农行', 'Agricultural Bank of China'],
    ['ABC', 'Agricultural Bank of China'],
    ['中国银行', 'Bank of China'],
    ['中行信用卡', 'Bank of China'],
    ['我的卡是中行的', 'Bank of China'],
    ['Bank of China', 'Bank of China'],
    ['交通银行', 'Bank of Communications'],
    ['交行', 'Bank of Communications'],
    ['BoCom', 'Bank of Communications'],
    ['招商银行', 'China Merchants Bank'],
    ['招行', 'China Merchants Bank'],
    ['CMB', 'China Merchants Bank'],
    ['浦发', 'SPD Bank'],
    ['中信', 'China CITIC Bank'],
    ['光大银行', 'China Everbright Bank'],
    ['民生银行', 'China Minsheng Bank'],
    ['兴业', 'Industrial Bank'],
    ['平安银行', 'Ping An Bank'],
    ['华夏银行', 'Hua Xia Bank'],
    ['广发信用卡', 'China Guangfa Bank'],
    ['邮储', 'Postal Savings Bank of China'],
    ['邮政储蓄', 'Postal Savings Bank of China'],
    ['北京银行', 'Bank of Beijing'],
    ['上海银行', 'Bank of Shanghai'],
    ['宁波银行', 'Bank of Ningbo'],
    ['Chase', 'Chase'],
    ['my chase sapphire', 'Chase'],
    ['chase', 'Chase'],
    ['Bank of America', 'Bank of America'],
    ['BofA', 'Bank of America'],
    ['Citi', 'Citi'],
    ['citibank', 'Citi'],
    ['Wells Fargo', 'Wells Fargo'],
    ['Capital One', 'Capital One'],
    ['Amex', 'American Express'],
    ['American Express', 'American Express'],
    ['Discover card', 'Discover'],
    ['HSBC', 'HSBC'],
    ['汇丰', 'HSBC'],
    ['Standard Chartered', 'Standard Chartered'],
    ['渣打', 'Standard Chartered'],
    ['Barclays', 'Barclays'],
    ['DBS', 'DBS'],
    ['星展', 'DBS'],
    ['Bank of East Asia', 'Bank of East Asia'],
    ['东亚银行', 'Bank of East Asia'],
    ['Hang Seng', 'Hang Seng Bank'],
    ['恒生', 'Hang Seng Bank'],
    ['US Bank', 'U.S. Bank'],
    ['TD', 'TD Bank'],
    ['RBC', 'RBC'],
    ['Revolut', 'Revolut'],
    ['Monzo', 'Monzo'],
  ])('when the text is %j, then the issuer is %s', (text, en) => {
    expect(extractIssuer(text)?.en).toBe(en);
  });

  it('when the issuer is found, then its id, English and Chinese names come back', () => {
    expect(extractIssuer('招行的信用卡')).toEqual({ id: 'cmb', en: 'China Merchants Bank', zh: '招商银行' });
  });

  it('when 中国工商银行 is named, then the longer name wins over 中国银行', () => {
    expect(extractIssuer('中国工商银行')?.id).toBe('icbc');
  });

  it('when one bank is negated and another given, then the other wins', () => {
    expect(extractIssuer('不是工行，是建行')?.id).toBe('ccb');
  });

  it.each([
    ['集中行动', '中行 inside 集中行动'],
    ['施工行为', '工行 inside 施工行为'],
    ['外交行动', '交行 inside 外交行动'],
    ['中国银行业协会', 'the banking industry'],
    ['民生问题', '民生 as livelihood'],
    ['平安到家', '平安 as safe'],
    ['I had to chase the merchant', 'chase as a verb'],
    ['I discovered two charges', 'discover as a verb'],
    ['我的银行卡', 'a generic bank card'],
    ['the bank', 'a generic bank'],
  ])('when the text is %j (%s), then no issuer is found', (text) => {
    expect(extractIssuer(text)).toBeNull();
  });

  it('when the issuer table is read, then ids are unique and every entry has both names', () => {
    const ids = ISSUERS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of ISSUERS) {
      expect(i.en.length).toBeGreaterThan(0);
      expect(i.zh.length).toBeGreaterThan(0);
    }
  });
});
