// The mis-swipe flowchart of design.md as a statechart. Pure: no I/O and no literal text; it
// emits reply keys and a handoff request, and the engine renders, stores and submits the case.
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Category, Choice, Parsed, Reply, Role, SlotName } from '../../src/types';
import { absorb } from './absorb';
import { soundsDistressed } from './empathy';
import { initialContext, isDetailSlot, type DialogContext, type DialogEmitted, type DialogEvent, type DialogInput } from './context';
import { guidanceFor, notCoveredKey } from './guidance';
import { CATEGORY_CHOICES, ROLE_CHOICES, SLOT_SPECS, isOptional, needsFor, nextMissing, type DetailSlot } from './slots';

/** Bump when a change makes old snapshots meaningless: they are then restarted, not restored. */
export const DIALOG_VERSION = 'misswipe@1';

type SaidEvent = Extract<DialogEvent, { type: 'user.said' }>;
const said = (e: DialogEvent): SaidEvent | null => (e.type === 'user.said' ? e : null);

const filledIn = (ctx: DialogContext) => (s: DetailSlot) => ctx.slots[s] !== undefined;

/** The user said "skip" when offered a person: they want to go on answering, not to be handed off. */
const skippedOffer = (ctx: DialogContext): boolean => ctx.givenUp.includes('wantsHuman');

/**
 * The role and problem the questions follow. After a skipped offer of a person the intake goes on
 * without the ones it lacks: a cardholder's (or the merchant's) general list ('other'), so the
 * agent still gets when, how much, where and which card.
 */
function intakeBasics(ctx: DialogContext): { role: Role; category: Category } | null {
  if (!skippedOffer(ctx)) return ctx.role && ctx.category ? { role: ctx.role, category: ctx.category } : null;
  const role = ctx.role ?? 'cardholder';
  // A pair the domain has no list for (a merchant's unrecognised charge) asks the general one.
  return { role, category: ctx.category && needsFor(role, ctx.category) ? ctx.category : 'other' };
}

/**
 * The problem was skipped and so was the offer of a person: once the rest of the intake is done,
 * the problem is asked one more time (the agent needs it, and the reason codes follow from it).
 */
const asksCategoryAgain = (ctx: DialogContext): boolean =>
  skippedOffer(ctx) && !ctx.category && ctx.givenUp.includes('category') && !ctx.categoryReasked;

function nextDetail(ctx: DialogContext): DetailSlot | null {
  const basics = intakeBasics(ctx);
  return basics ? nextMissing(basics.role, basics.category, filledIn(ctx), ctx.givenUp) : null;
}

// "跳过"/"skip" said to "shall I pass you to a person?" skips that question, as it does every other
// one; "不知道"/"not sure" is no such wish and keeps the safe default (a person).
const SKIP_WORD = /^(?:先|这个|这题|这个问题|那就|那)?(?:跳过|略过)|^(?:skip|next)\b/;

function question(slot: SlotName, ctx: DialogContext): Reply {
  if (slot === 'role') return { key: 'misswipe:ask.role', choices: ROLE_CHOICES, expecting: { slot, kind: 'choice' } };
  if (slot === 'category') {
    return { key: 'misswipe:ask.category', choices: CATEGORY_CHOICES, expecting: { slot, kind: 'choice' } };
  }
  if (isDetailSlot(slot)) {
    const spec = SLOT_SPECS[slot];
    const role = ctx.role ?? 'cardholder';
    const optional = ctx.category ? isOptional(role, ctx.category, slot) : false;
    const skip: Choice[] = optional || spec.kind !== 'choice' ? [{ label: 'common:choice.skip', payload: 'skip' }] : [];
    const choices = spec.choices ? [...spec.choices, ...skip] : optional ? skip : undefined;
    // Someone who does not recognise a charge did not "pay": those two questions are worded apart.
    // A merchant (asked only after skipping the offer of a person) is asked about the sale.
    const fraud = ctx.category === 'unrecognized_charge' && role === 'cardholder';
    const variant = fraud && (slot === 'when' || slot === 'amountCharged') ? 'fraud' : role;
    return {
      key: `misswipe:ask.${slot}.${variant}`,
      ...(choices ? { choices } : {}),
      expecting: { slot, kind: spec.kind },
    };
  }
  return { key: `misswipe:ask.${slot}`, expecting: { slot, kind: 'choice' } };
}

const YES_NO: Choice[] = [
  { label: 'common:choice.yes', payload: 'yes' },
  { label: 'common:choice.no', payload: 'no' },
];

/** The question being asked, rebuilt from the context (so snapshots need not store replies). */
function currentQuestion(ctx: DialogContext): Reply[] {
  switch (ctx.asking) {
    case null:
      return [];
    case 'confirm':
      return [
        { key: 'misswipe:confirm.summary', params: summaryParams(ctx) },
        { key: 'misswipe:confirm.ask', choices: YES_NO, expecting: { slot: 'confirm', kind: 'yesno' } },
      ];
    case 'fixField':
      return [
        {
          key: 'misswipe:fix.ask',
          choices: FIX_FIELDS.filter((f) => ctx.slots[f] !== undefined).map((f) => ({ label: `misswipe:field.${f}`, payload: `fix:${f}` })),
          expecting: { slot: 'fixField', kind: 'choice' },
        },
      ];
    case 'wantsHuman':
      return [{ key: 'misswipe:ask.wantsHuman', choices: YES_NO, expecting: { slot: 'wantsHuman', kind: 'yesno' } }];
    default:
      return [question(ctx.asking, ctx)];
  }
}

/** Facts told in passing are kept once told: a later message without them does not undo them. */
function asideFacts(parsed: Parsed): Partial<DialogContext> {
  const a = parsed.asides;
  if (!a) return {};
  return {
    ...(a.chargebackStarted ? { chargebackStarted: true } : {}),
    ...(a.dccAccepted ? { dccAccepted: true } : {}),
  };
}

/** The replies to what a message asks or tells besides its answer: a short answer, a scope note. */
function asideReplies(ctx: DialogContext, parsed: Parsed): Reply[] {
  const a = parsed.asides;
  if (!a) return [];
  const out: Reply[] = a.question ? [{ key: `misswipe:faq.${a.question}` }] : [];
  if (a.nonCard && !ctx.scopeNoted) out.push({ key: `misswipe:scope.${a.nonCard}` });
  return out;
}

/** What the bot says after an answer that corrected (or tried to correct) a stored field. */
function correctionReplies(ctx: DialogContext): Reply[] {
  const out: Reply[] = ctx.corrected.map((field) => ({ key: 'misswipe:corrected', params: { field: `misswipe:field.${field}` } }));
  if (ctx.correctionRejected) out.push({ key: 'misswipe:correctionRejected', params: { field: `misswipe:field.${ctx.correctionRejected}` } });
  return out;
}

/** The question being asked is given up on (skipped, or missed three times). */
function giveUpPatch(ctx: DialogContext): Partial<DialogContext> {
  return { givenUp: ctx.asking && !ctx.givenUp.includes(ctx.asking) ? [...ctx.givenUp, ctx.asking] : ctx.givenUp, attempts: 0 };
}

/** Why an answer was not taken, when there is something to say about it. */
function repromptReply(ctx: DialogContext): Reply | null {
  const hint = ctx.outcome.kind === 'invalid' ? ctx.outcome.hint : 'misswipe:reprompt.choice';
  return hint ? { key: hint } : null;
}

const FIX_FIELDS: DetailSlot[] = ['when', 'amountCharged', 'amountExpected', 'chargeCount', 'merchantName', 'cardLast4', 'cardType', 'issuer'];

export const misswipeMachine = setup({
  types: {
    context: {} as DialogContext,
    events: {} as DialogEvent,
    emitted: {} as DialogEmitted,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- types the machine's input
    input: {} as DialogInput,
  },
  guards: {
    saysHuman: ({ event }) => Boolean(said(event)?.parsed.intents.human),
    saysRestart: ({ event }) => Boolean(said(event)?.parsed.intents.restart),
    saysBack: ({ event }) => Boolean(said(event)?.parsed.intents.back),
    saysHelp: ({ event }) => Boolean(said(event)?.parsed.intents.help),
    asksQuestion: ({ event }) => Boolean(said(event)?.parsed.asides?.question),
    isIdleReturn: ({ event }) => Boolean(said(event)?.idle),
    saysOnlyLanguage: ({ event }) => {
      const p = said(event)?.parsed;
      return Boolean(p?.langSwitch && !p.intents.category && p.entities.money.length === 0 && !p.entities.when);
    },
    saysYes: ({ event }) => {
      const i = said(event)?.parsed.intents;
      return (i?.yesNo === 'yes' && !i.yesButChange) || Boolean(i?.resume);
    },
    saysNo: ({ event }) => said(event)?.parsed.intents.yesNo === 'no',
    saysSkip: ({ event }) => SKIP_WORD.test((said(event)?.parsed.text ?? '').trim().toLowerCase()),
    needsRole: ({ context }) => !context.role && !context.givenUp.includes('role'),
    needsCategory: ({ context }) => !context.category && !context.givenUp.includes('category'),
    isNotCovered: ({ context }) => !skippedOffer(context) && notCoveredKey(context.role, context.category, context.slots) !== null,
    // "Freeze your card" is for the cardholder; a merchant never gets it.
    needsUrgentAdvice: ({ context }) => context.category === 'unrecognized_charge' && context.role !== 'merchant' && !context.adviceGiven,
    needsAdvice: ({ context }) => Boolean(context.category && context.role) && !context.adviceGiven,
    hasMissingDetail: ({ context }) => nextDetail(context) !== null,
    asksCategoryAgain: ({ context }) => asksCategoryAgain(context),
    hasUntoldOtherProblem: ({ context }) => Boolean(context.otherProblem && !context.otherProblem.told),
    lacksBasics: ({ context }) => (!context.role || !context.category) && !skippedOffer(context),
    pickedField: ({ event }) => {
      const t = said(event)?.parsed.text ?? '';
      return t.startsWith('fix:') && FIX_FIELDS.includes(t.slice(4) as DetailSlot);
    },
    changedSomething: ({ context }) => context.corrected.length > 0 || context.correctionRejected !== null,
  },
  actions: {
    say: emit((_, reply: Reply) => ({ type: 'reply' as const, reply })),
    applyHint: assign(({ context, event }) =>
      event.type === 'session.started' && event.locale && !context.localeFixed
        ? { locale: event.locale, localeFixed: true }
        : {},
    ),
    greet: emit(() => ({ type: 'reply' as const, reply: { key: 'common:greeting' } })),
    absorb: assign(({ context, event }) => {
      const e = said(event);
      if (!e) return {};
      const patch = { ...absorb(context, e.parsed), ...asideFacts(e.parsed) };
      return e.today ? { ...patch, today: e.today } : patch;
    }),
    // A distressed message gets one calm acknowledgement, the first time only.
    acknowledge: enqueueActions(({ context, event, enqueue }) => {
      const e = said(event);
      if (!e || context.acknowledged || !soundsDistressed(e.parsed.text)) return;
      enqueue.emit({ type: 'reply', reply: { key: 'misswipe:empathy.ack' } });
      enqueue.assign({ acknowledged: true });
    }),
    // A question asked instead of an answer ("多久能退回来？", "are you a bot?") is answered, and
    // the question it interrupted is asked again without counting a miss; a payment this bot is
    // not for gets its note once.
    answerAside: enqueueActions(({ context, event, enqueue }) => {
      const e = said(event);
      if (!e) return;
      const replies = asideReplies(context, e.parsed);
      for (const reply of replies) enqueue.emit({ type: 'reply', reply });
      if (e.parsed.asides?.nonCard) enqueue.assign({ scopeNoted: true });
      const missed = context.outcome.kind === 'invalid' || context.outcome.kind === 'asked';
      if (e.parsed.asides?.question && missed) enqueue.assign({ outcome: { kind: 'nothing' } });
    }),
    // After an answer (what absorb made of it): say what was wrong or corrected, count misses.
    // An action, not an eventless state between the answer and routing: one microstep less on
    // every answer (about a tenth of a turn's cost in process).
    interpret: enqueueActions(({ context, enqueue }) => {
      const say = (reply: Reply | null) => reply && enqueue.emit({ type: 'reply', reply });
      const { outcome } = context;
      if (outcome.kind === 'filled' || outcome.kind === 'skipped') {
        correctionReplies(context).forEach(say);
        if (outcome.kind === 'skipped') enqueue.assign(giveUpPatch(context));
        else if (context.attempts !== 0) enqueue.assign({ attempts: 0 }); // an assign copies the context
      } else if (outcome.kind === 'invalid' && context.attempts >= 2) {
        enqueue.assign(giveUpPatch(context));
        say({ key: 'misswipe:gaveUp' });
      } else if (outcome.kind === 'invalid') {
        enqueue.assign({ attempts: context.attempts + 1 });
        say(repromptReply(context));
      } else if (outcome.kind === 'asked') {
        // Explained, then asked again. It counts as one of the three tries, so someone who only
        // ever asks back is not asked the same question forever (the slot is then left empty).
        say({ key: outcome.hint });
        if (context.attempts >= 2) {
          enqueue.assign(giveUpPatch(context));
          say({ key: 'misswipe:gaveUp' });
        } else enqueue.assign({ attempts: context.attempts + 1 });
      } else {
        correctionReplies(context).forEach(say);
      }
    }),
    restart: assign(({ context }) => ({ ...initialContext({ locale: context.locale }), localeFixed: context.localeFixed })),
    goBack: assign(({ context }) => {
      const answered = [...context.answered];
      const last = answered.pop();
      if (!last) return {};
      const slots = { ...context.slots };
      if (isDetailSlot(last)) delete slots[last];
      return {
        answered,
        slots,
        role: last === 'role' ? null : context.role,
        category: last === 'category' ? null : context.category,
        givenUp: context.givenUp.filter((s) => s !== last),
        attempts: 0,
        adviceGiven: last === 'category' || last === 'role' ? false : context.adviceGiven,
      };
    }),
    switchLanguage: assign(({ event }) => {
      const to = said(event)?.parsed.langSwitch;
      return to ? { locale: to, localeFixed: true } : {};
    }),
    reask: enqueueActions(({ context, enqueue }) => {
      for (const reply of currentQuestion(context)) enqueue.emit({ type: 'reply', reply });
    }),
    ask: enqueueActions(({ context, enqueue }, slot: SlotName) => {
      enqueue.assign({ asking: slot });
      enqueue.emit({ type: 'reply', reply: question(slot, context) });
    }),
    askNextDetail: enqueueActions(({ context, enqueue }) => {
      const slot = nextDetail(context);
      if (!slot) return;
      if (context.asking !== slot) enqueue.assign({ attempts: 0 });
      enqueue.assign({ asking: slot });
      enqueue.emit({ type: 'reply', reply: question(slot, context) });
    }),
    reprompt: enqueueActions(({ context, enqueue }) => {
      const reply = repromptReply(context);
      if (reply) enqueue.emit({ type: 'reply', reply });
    }),
    noteCorrections: enqueueActions(({ context, enqueue }) => {
      for (const reply of correctionReplies(context)) enqueue.emit({ type: 'reply', reply });
    }),
    adviseUrgent: enqueueActions(({ enqueue }) => {
      enqueue.emit({ type: 'reply', reply: { key: 'misswipe:urgent.freeze' } });
      enqueue.assign({ adviceGiven: true });
    }),
    advise: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'reply', reply: { key: `misswipe:advice.${context.role ?? 'cardholder'}` } });
      enqueue.assign({ adviceGiven: true });
    }),
    guide: enqueueActions(({ context, enqueue }) => {
      if (context.guidanceGiven || !context.role || !context.category) return;
      const facts = { chargebackStarted: context.chargebackStarted, dccAccepted: context.dccAccepted };
      const keys = guidanceFor(context.role, context.category, context.slots, context.today ?? null, facts);
      for (const key of keys) enqueue.emit({ type: 'reply', reply: { key } });
      enqueue.assign({ guidance: keys, guidanceGiven: true });
    }),
    askConfirm: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ asking: 'confirm' });
      for (const reply of currentQuestion({ ...context, asking: 'confirm' })) enqueue.emit({ type: 'reply', reply });
    }),
    askFixField: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ asking: 'fixField' });
      for (const reply of currentQuestion({ ...context, asking: 'fixField' })) enqueue.emit({ type: 'reply', reply });
    }),
    clearPickedField: assign(({ context, event }) => {
      const field = (said(event)?.parsed.text ?? '').slice(4) as DetailSlot;
      const slots = { ...context.slots };
      delete slots[field];
      return { slots, givenUp: context.givenUp.filter((s) => s !== field) };
    }),
    explainNotCovered: enqueueActions(({ context, enqueue }) => {
      const key = notCoveredKey(context.role, context.category, context.slots);
      if (key) enqueue.emit({ type: 'reply', reply: { key } });
      enqueue.assign({ asking: 'wantsHuman' });
      for (const reply of currentQuestion({ ...context, asking: 'wantsHuman' })) enqueue.emit({ type: 'reply', reply });
    }),
    offerResume: enqueueActions(({ enqueue }) => {
      const ask: Reply = {
        key: 'misswipe:idle.welcomeBack',
        choices: [
          { label: 'misswipe:idle.continue', payload: 'resume' },
          { label: 'misswipe:idle.restart', payload: 'restart' },
        ],
        expecting: { slot: 'resume', kind: 'choice' },
      };
      enqueue.emit({ type: 'reply', reply: ask });
    }),
    requestHandoff: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ asking: null });
      enqueue.emit({ type: 'reply', reply: { key: 'misswipe:handoff.creating' } });
      enqueue.emit({
        type: 'handoff.requested',
        priority: context.category === 'unrecognized_charge' && context.role !== 'merchant' ? 'urgent' : 'normal',
      });
    }),
    skipOffer: assign(({ context }) => giveUpPatch(context)),
    // A second problem told along the way: a possible fraud gets the freeze advice, any other is
    // only noted; either way it goes to the agent and this case's questions go on.
    tellOtherProblem: enqueueActions(({ context, enqueue }) => {
      const note = context.otherProblem;
      if (!note) return;
      const key = note.category === 'unrecognized_charge' ? 'misswipe:otherProblem.fraud' : 'misswipe:otherProblem.noted';
      enqueue.emit({ type: 'reply', reply: { key } });
      enqueue.assign({ otherProblem: { ...note, told: true } });
    }),
    // Once only: a second skip gives it up for good (the routing then goes on to the summary).
    reopenCategory: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ categoryReasked: true, givenUp: context.givenUp.filter((s) => s !== 'category'), attempts: 0 });
      enqueue.emit({ type: 'reply', reply: { key: 'misswipe:ask.categoryAgain' } });
    }),
    noteHumanRequest: assign({ handoffReason: 'human' }),
    noteConfirmed: assign({ handoffReason: 'confirmed' }),
    noteNotCovered: assign({ handoffReason: 'not_covered' }),
    announceCase: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'case.created') return;
      enqueue.assign({ caseId: event.caseId });
      const params = { caseId: event.caseId, position: event.position ?? 0, nextOpen: event.nextOpen ?? '' };
      const key = !event.agentsOpen
        ? 'misswipe:handoff.closed'
        : event.position
          ? 'misswipe:handoff.queued'
          : 'misswipe:handoff.created';
      enqueue.emit({ type: 'reply', reply: { key, params, announcesCase: true } });
    }),
    // Everything collected now lives in the case: the conversation keeps only what it still needs
    // (its language and case number). A new request after the case starts from scratch anyway.
    forgetDetails: assign(({ context }) => ({ ...initialContext({ locale: context.locale }), localeFixed: context.localeFixed, caseId: context.caseId })),
    sayClosed: emit(() => ({
      type: 'reply' as const,
      reply: { key: 'misswipe:closed', choices: [{ label: 'misswipe:idle.restart', payload: 'restart' }] },
    })),
  },
}).createMachine({
  id: 'misswipe',
  initial: 'greeting',
  context: ({ input }) => initialContext(input),
  on: {
    'session.resumed': { actions: 'reask' },
  },
  states: {
    greeting: {
      on: {
        'session.started': { target: 'routing', actions: ['applyHint', 'greet'] },
        'user.said': [
          { guard: 'saysHuman', target: 'handingOff', actions: ['absorb', 'greet', 'noteHumanRequest'] },
          { target: 'routing', actions: ['absorb', 'greet', 'acknowledge', 'answerAside'] },
        ],
      },
    },
    // Decides what comes next from what is known: the flowchart's arrows in one place.
    routing: {
      always: [
        { guard: 'needsRole', target: 'askingRole' },
        { guard: 'needsCategory', target: 'askingCategory' },
        { guard: 'lacksBasics', target: 'offeringHuman' },
        { guard: 'isNotCovered', target: 'notCovered' },
        { guard: 'needsUrgentAdvice', target: 'routing', actions: 'adviseUrgent', reenter: true },
        { guard: 'needsAdvice', target: 'routing', actions: 'advise', reenter: true },
        { guard: 'hasUntoldOtherProblem', target: 'routing', actions: 'tellOtherProblem', reenter: true },
        { guard: 'hasMissingDetail', target: 'collectingDetails' },
        { guard: 'asksCategoryAgain', target: 'askingCategory', actions: 'reopenCategory' },
        { target: 'confirming', actions: 'guide' },
      ],
    },
    askingRole: {
      entry: { type: 'ask', params: 'role' },
      on: { 'user.said': commonAnswerHandling() },
    },
    askingCategory: {
      entry: { type: 'ask', params: 'category' },
      on: { 'user.said': commonAnswerHandling() },
    },
    collectingDetails: {
      entry: 'askNextDetail',
      on: { 'user.said': commonAnswerHandling() },
    },
    confirming: {
      entry: 'askConfirm',
      on: {
        'user.said': [
          ...globalHandlers(),
          { guard: 'asksQuestion', actions: ['answerAside', 'reask'] },
          { guard: 'saysNo', target: 'fixing' },
          { guard: 'saysYes', target: 'handingOff', actions: 'noteConfirmed' },
          { target: 'reconfirming', actions: 'absorb' },
        ],
      },
    },
    reconfirming: {
      always: [
        { guard: 'changedSomething', target: 'routing', actions: 'noteCorrections' },
        { target: 'confirming', actions: 'reprompt' },
      ],
    },
    fixing: {
      entry: 'askFixField',
      on: {
        'user.said': [
          ...globalHandlers(),
          { guard: 'asksQuestion', actions: ['answerAside', 'reask'] },
          { guard: 'pickedField', target: 'routing', actions: 'clearPickedField' },
          { target: 'reconfirming', actions: 'absorb' },
        ],
      },
    },
    notCovered: {
      entry: 'explainNotCovered',
      on: {
        'user.said': [
          ...globalHandlers(),
          { guard: 'saysNo', target: 'closed' },
          { guard: 'saysSkip', target: 'routing', actions: 'skipOffer' },
          // Anything but a clear "no" goes to a person: the safe default when money is at stake.
          { target: 'handingOff', actions: 'noteNotCovered' },
        ],
      },
    },
    offeringHuman: {
      entry: { type: 'say', params: { key: 'misswipe:offerHuman' } },
      always: { target: 'notCovered' },
    },
    offeringResume: {
      entry: 'offerResume',
      on: {
        'user.said': [
          { guard: 'saysHuman', target: 'handingOff', actions: 'noteHumanRequest' },
          { guard: 'saysRestart', target: 'routing', actions: ['restart', 'greet'] },
          { guard: 'saysYes', target: 'routing' },
          { target: 'routing', actions: ['absorb', 'interpret'] },
        ],
      },
    },
    handingOff: {
      entry: 'requestHandoff',
      on: {
        'case.created': { target: 'handedOff', actions: ['announceCase', 'forgetDetails'] },
      },
    },
    // The engine keeps the bot quiet while an agent has the case; once it is resolved, a new
    // message starts a new request with what it says.
    handedOff: {
      on: {
        'user.said': [
          { guard: 'saysRestart', target: 'routing', actions: ['restart', 'greet'] },
          { target: 'routing', actions: ['restart', 'absorb', 'interpret'] },
        ],
      },
    },
    closed: {
      entry: 'sayClosed',
      on: {
        'user.said': [
          ...globalHandlers(),
          { target: 'routing', actions: ['restart', 'absorb', 'interpret'] },
        ],
      },
    },
  },
});

/** Commands that work at every question (design.md "Global at every step"). */
function globalHandlers() {
  return [
    { guard: 'saysHuman' as const, target: '#misswipe.handingOff', actions: ['absorb' as const, 'noteHumanRequest' as const] },
    { guard: 'saysRestart' as const, target: '#misswipe.routing', actions: ['restart' as const, 'greet' as const] },
    { guard: 'isIdleReturn' as const, target: '#misswipe.offeringResume' },
    { guard: 'saysBack' as const, target: '#misswipe.routing', actions: 'goBack' as const },
    { guard: 'saysHelp' as const, actions: [{ type: 'say' as const, params: { key: 'common:help' } }, 'reask' as const] },
    { guard: 'saysOnlyLanguage' as const, actions: ['switchLanguage' as const, 'reask' as const] },
  ];
}

function commonAnswerHandling() {
  return [
    ...globalHandlers(),
    { target: '#misswipe.routing', actions: ['absorb' as const, 'acknowledge' as const, 'answerAside' as const, 'interpret' as const] },
  ];
}

/** The fields the confirmation shows, as render params (the renderer formats each kind). */
export function summaryParams(ctx: DialogContext): NonNullable<Reply['params']> {
  const s = ctx.slots;
  const out: NonNullable<Reply['params']> = {};
  if (ctx.role) out.role = `misswipe:role.${ctx.role}`;
  if (ctx.category) out.category = `misswipe:category.${ctx.category}`;
  if (s.when) out.when = s.when;
  if (s.amountCharged) out.amountCharged = s.amountCharged;
  if (s.amountExpected) out.amountExpected = s.amountExpected;
  if (s.chargeCount !== undefined) out.chargeCount = s.chargeCount;
  if (s.merchantName) out.merchantName = s.merchantName;
  if (s.cardLast4) out.cardLast4 = s.cardLast4;
  if (s.cardType) out.cardType = `misswipe:cardType.${s.cardType}`;
  if (s.issuer) out.issuer = s.issuer;
  if (s.referenceNumber) out.referenceNumber = s.referenceNumber;
  for (const b of ['hasReceipt', 'merchantContacted', 'cardInPossession', 'batchSettled'] as const) {
    if (s[b] !== undefined) out[b] = s[b] ? 'common:choice.yes' : 'common:choice.no';
  }
  return out;
}
