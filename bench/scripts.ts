// Bench conversations (zh-CN and en) and the answering rule every driver shares: reply to the
// slot the bot's last message asks for (`expecting.slot`) from the script's answer map, "*" as fallback.

export interface BenchScript {
  id: string;
  first: string;
  /** Answer per asked slot; "*" answers any slot not listed. */
  answers: Record<string, string>;
}

/** Bounds for one conversation: no script may loop forever against a bot that keeps asking. */
export const MAX_TURNS = 40;
export const MAX_ASKS_PER_SLOT = 3;

export const SCRIPTS: readonly BenchScript[] = [
  {
    id: 'zh-duplicate',
    first: '昨天中午在好又多超市刷了两次卡，扣了两笔88元',
    answers: {
      role: '我是顾客',
      when: '昨天中午12点左右',
      amountCharged: '每笔88元',
      chargeCount: '两笔',
      merchantName: '好又多超市',
      cardLast4: '后四位是0937',
      cardType: '借记卡',
      issuer: '工商银行',
      hasReceipt: '有小票',
      merchantContacted: '还没联系',
      confirm: '对',
      '*': '不知道',
    },
  },
  {
    id: 'en-wrong-amount',
    first: "The cashier at Joe's Diner keyed $450 instead of $45 yesterday",
    answers: {
      role: "I'm the customer",
      when: 'yesterday around 7:30pm',
      amountCharged: '$450',
      amountExpected: 'it should have been $45',
      merchantName: "Joe's Diner",
      cardLast4: 'ends in 4412',
      cardType: 'credit card',
      issuer: 'Chase',
      hasReceipt: 'yes',
      merchantContacted: 'not yet',
      confirm: "yes, that's right",
      '*': "I don't know",
    },
  },
  {
    id: 'zh-charged-but-failed',
    first: 'POS机显示交易失败，但是银行短信说扣了260块',
    answers: {
      role: '持卡人',
      when: '昨天晚上8点',
      amountCharged: '260元',
      merchantName: '万达影城',
      cardLast4: '5521',
      cardType: '信用卡',
      issuer: '招商银行',
      hasReceipt: '没有小票',
      merchantContacted: '问过了，店员说没收到钱',
      confirm: '是的',
      '*': '不清楚',
    },
  },
  {
    id: 'en-duplicate',
    first: 'I was charged twice for the same coffee this morning, $6.50 each time',
    answers: {
      role: "I'm the customer",
      when: 'this morning at 8am',
      amountCharged: '$6.50',
      chargeCount: 'twice',
      merchantName: 'Blue Bottle Coffee',
      cardLast4: 'ends in 4412',
      cardType: 'debit card',
      issuer: 'Chase',
      hasReceipt: 'yes',
      merchantContacted: 'not yet',
      confirm: "yes, that's right",
      '*': "I don't know",
    },
  },
  {
    id: 'zh-fraud-urgent',
    first: '卡一直在我身上，刚收到短信说消费了5000元，不是我刷的！',
    answers: { role: '持卡人', cardInPossession: '在我身上', cardLast4: '后四位是0937', issuer: '工商银行', confirm: '对', '*': '不知道' },
  },
  {
    id: 'en-refund',
    first: 'The store said they refunded my $120 return two weeks ago but I never got the money back',
    answers: {
      role: "I'm the customer",
      when: 'two weeks ago',
      amountCharged: '$120',
      merchantName: 'Target',
      cardLast4: 'ends in 4412',
      cardType: 'credit card',
      issuer: 'Chase',
      hasReceipt: 'yes',
      merchantContacted: 'yes, they said it was refunded',
      confirm: "yes, that's right",
      '*': "I don't know",
    },
  },
];

/** What one bot message looks like to the drivers (only the fields they read). */
export interface BotMessageView {
  text?: unknown;
  expecting?: { slot?: unknown } | null;
  handoff?: { caseId?: unknown } | null;
}

export type TurnVerdict =
  | { kind: 'ask'; slot: string; next: string }
  | { kind: 'handoff'; caseId: string }
  | { kind: 'error'; reason: 'no_ask_no_handoff' | 'no_answer' | 'stuck' | 'too_many_turns' };

/** Per-conversation state of the answering rule: how often each slot was asked, turns taken. */
export class ScriptCursor {
  private readonly asked = new Map<string, number>();
  turns = 0;
  constructor(readonly script: BenchScript) {}

  get first(): string {
    return this.script.first;
  }

  /** Judges the bot's reply to the last message and picks the next user message. */
  next(messages: readonly BotMessageView[]): TurnVerdict {
    this.turns++;
    let handoff: string | null = null;
    let slot: string | null = null;
    for (const m of messages) {
      if (m.handoff && typeof m.handoff.caseId === 'string') handoff = m.handoff.caseId;
      if (m.expecting && typeof m.expecting.slot === 'string') slot = m.expecting.slot;
    }
    if (handoff) return { kind: 'handoff', caseId: handoff };
    if (!slot) return { kind: 'error', reason: 'no_ask_no_handoff' };
    if (this.turns >= MAX_TURNS) return { kind: 'error', reason: 'too_many_turns' };
    const n = (this.asked.get(slot) ?? 0) + 1;
    this.asked.set(slot, n);
    if (n > MAX_ASKS_PER_SLOT) return { kind: 'error', reason: 'stuck' };
    const answers = this.script.answers;
    const next = Object.hasOwn(answers, slot) ? answers[slot] : answers['*'];
    if (next === undefined) return { kind: 'error', reason: 'no_answer' };
    return { kind: 'ask', slot, next };
  }
}

/** A fixed text sequence per script, used where no bot decides what comes next (echo baseline). */
export function staticSequence(script: BenchScript): string[] {
  const order = ['role', 'when', 'amountCharged', 'amountExpected', 'chargeCount', 'merchantName', 'cardInPossession', 'cardLast4', 'cardType', 'issuer', 'hasReceipt', 'merchantContacted', 'confirm'];
  return [script.first, ...order.filter((s) => Object.hasOwn(script.answers, s)).map((s) => script.answers[s] ?? '')];
}
