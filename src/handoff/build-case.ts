// Builds the case JSON (design.md "The case") from what the dialog knows: reason codes, the
// dispute deadline, missing fields, guidance given, and a summary in both languages.
import type { DialogContext } from '../../dialogs/misswipe/context';
import { daysLeft, deadlineStatus, disputeDeadline } from '../../dialogs/misswipe/deadlines';
import { isUndercharge } from '../../dialogs/misswipe/guidance';
import { missingRequired } from '../../dialogs/misswipe/slots';
import type { Renderer } from '../i18n';
import { formatMoney, formatWhen } from '../i18n';
import type { Locale, TranscriptEntry } from '../types';
import { caseSchema, type Case } from './case-schema';
import { reasonCodesFor } from './reason-codes';

export interface BuildCaseInput {
  caseId: string;
  createdAt: Date;
  context: DialogContext;
  priority: 'normal' | 'urgent';
  transcript: TranscriptEntry[];
}

export function buildCase(input: BuildCaseInput, renderer: Renderer): Case {
  const { context: ctx } = input;
  const s = ctx.slots;
  const undercharge = isUndercharge(s);
  const filled = (slot: string) => (s as Record<string, unknown>)[slot] !== undefined;
  const deadline = disputeDeadline(ctx.category, s.when?.date ?? null, { undercharge });
  // The bot's day at the last message (a context from before that field: the case's UTC day).
  const today = ctx.today ?? input.createdAt.toISOString().slice(0, 10);
  const kase: Case = {
    schemaVersion: 1,
    caseId: input.caseId,
    status: 'waiting',
    createdAt: input.createdAt.toISOString(),
    locale: ctx.locale,
    role: ctx.role,
    category: ctx.category,
    priority: input.priority,
    transaction: {
      date: s.when?.date ?? null,
      time: s.when?.time ?? null,
      amountCharged: s.amountCharged ?? null,
      amountExpected: s.amountExpected ?? null,
      chargeCount: s.chargeCount ?? null,
      merchantName: s.merchantName ?? null,
      cardLast4: s.cardLast4 ?? null,
      cardType: s.cardType ?? null,
      issuer: s.issuer ?? null,
      referenceNumber: s.referenceNumber ?? null,
      hasReceipt: s.hasReceipt ?? null,
    },
    merchantContacted: s.merchantContacted ?? null,
    merchantResponse: ctx.merchantResponse,
    cardInPossession: s.cardInPossession ?? null,
    reasonCodes: reasonCodesFor(ctx.category, { role: ctx.role, undercharge }),
    disputeDeadline: deadline,
    missing: missingRequired(ctx.role, ctx.category, filled),
    guidance: [...ctx.guidance],
    details: {
      batchSettled: s.batchSettled ?? null,
      overchargeDifference: ctx.difference ? ctx.difference.minor : null,
      overchargeDifferenceCurrency: ctx.difference?.currency ?? null,
      // Snapshots stored before this field existed have none: unknown.
      refundedCount: ctx.refundedCount ?? null,
      // When the refund was promised or made / the goods returned, if told: not the sale date.
      refundDate: ctx.refundWhen?.date ?? null,
      handoffReason: ctx.handoffReason,
      undercharge,
      // Whether disputeDeadline is still ahead ('open'), at most a week away ('closing') or
      // behind ('passed'), and by how many days (negative: passed): the agent sees it at once.
      deadlineStatus: deadlineStatus(deadline, today),
      deadlineDaysLeft: daysLeft(deadline, today),
      // A late charge's window counts from the day it posted, which the bot does not collect.
      deadlineCountsFrom: ctx.category === 'late_presentment' ? 'posting_date' : deadline ? 'transaction_date' : null,
      ...otherProblemDetails(ctx),
    },
    transcript: input.transcript,
    summary: { en: '', 'zh-CN': '' },
    assignedTo: null,
    assignedAt: null,
    resolvedAt: null,
  };
  kase.summary = { en: summarize(kase, 'en', renderer), 'zh-CN': summarize(kase, 'zh-CN', renderer) };
  return caseSchema.parse(kase);
}

/**
 * A second problem told along the way (dialogs/misswipe/context.ts OtherProblemNote): flat
 * `details` keys, present only when there was one. 'unknown' when its kind was not made out.
 */
function otherProblemDetails(ctx: DialogContext): Record<string, string | number | null> {
  const o = ctx.otherProblem;
  if (!o) return {};
  return {
    otherProblem: o.category ?? 'unknown',
    otherProblemAmount: o.amount?.minor ?? null,
    otherProblemCurrency: o.amount?.currency ?? null,
    otherProblemMerchant: o.merchant,
    otherProblemCount: o.count,
  };
}

/** The summary's line on a second problem: its kind, then what is known of its charge. */
function otherProblemSummary(k: Case, locale: Locale, r: Renderer): string | null {
  const d = k.details;
  if (typeof d.otherProblem !== 'string') return null;
  const problem = d.otherProblem === 'unknown' ? r.t('agent:summary.unknown', locale) : r.t(`misswipe:category.${d.otherProblem}`, locale);
  const facts: string[] = [];
  if (typeof d.otherProblemAmount === 'number' && typeof d.otherProblemCurrency === 'string') {
    facts.push(formatMoney({ minor: d.otherProblemAmount, currency: d.otherProblemCurrency }, locale));
  }
  if (typeof d.otherProblemMerchant === 'string') facts.push(d.otherProblemMerchant);
  const sep = locale === 'en' ? ', ' : '，';
  return r.t('agent:summary.otherProblem', locale, { problem, facts: facts.length ? sep + facts.join(sep) : '' });
}

/** One paragraph an agent can read at a glance, in either language. */
export function summarize(k: Case, locale: Locale, r: Renderer): string {
  const t = k.transaction;
  const unknown = r.t('agent:summary.unknown', locale);
  const opening = {
    role: k.role ? r.t(`misswipe:role.${k.role}`, locale) : unknown,
    category: k.category ? r.t(`misswipe:category.${k.category}`, locale) : unknown,
    priority: r.t(`agent:priority.${k.priority}`, locale),
  };
  const parts = [r.t(k.role ? 'agent:summary.opening' : 'agent:summary.openingNoRole', locale, opening)];
  if (t.amountCharged) {
    parts.push(
      r.t('agent:summary.charged', locale, {
        amount: formatMoney(t.amountCharged, locale),
        count: t.chargeCount ?? 1,
      }),
    );
  }
  const refunded = k.details.refundedCount;
  if (typeof refunded === 'number' && refunded > 0) parts.push(r.t('agent:summary.refunded', locale, { count: refunded }));
  if (t.amountExpected) parts.push(r.t('agent:summary.expected', locale, { amount: formatMoney(t.amountExpected, locale) }));
  if (t.merchantName) parts.push(r.t('agent:summary.merchant', locale, { merchant: t.merchantName }));
  if (t.date) parts.push(r.t('agent:summary.when', locale, { when: formatWhen({ date: t.date, time: t.time }, locale) }));
  const refundDate = k.details.refundDate;
  if (typeof refundDate === 'string') parts.push(r.t('agent:summary.refundDate', locale, { when: formatWhen({ date: refundDate, time: null }, locale) }));
  if (t.cardLast4) parts.push(r.t('agent:summary.card', locale, { last4: t.cardLast4 }));
  if (k.cardInPossession === false) parts.push(r.t('agent:summary.cardNotInPossession', locale));
  const deadlineNote = deadlineSummary(k, locale, r);
  if (deadlineNote) parts.push(deadlineNote);
  const other = otherProblemSummary(k, locale, r);
  if (other) parts.push(other);
  if (k.missing.length) {
    parts.push(
      r.t('agent:summary.missing', locale, {
        fields: k.missing.map((f) => r.t(`agent:field.${f}`, locale)).join(locale === 'en' ? ', ' : '、'),
      }),
    );
  }
  return parts.join(locale === 'en' ? ' ' : '');
}

/** A deadline the agent must act on: passed, days away, or to be read off the statement. */
function deadlineSummary(k: Case, locale: Locale, r: Renderer): string | null {
  const status = k.details.deadlineStatus;
  const deadline = k.disputeDeadline ? formatWhen({ date: k.disputeDeadline, time: null }, locale) : '';
  if (status === 'passed') return r.t('agent:summary.deadlinePassed', locale, { deadline });
  if (status === 'closing') return r.t('agent:summary.deadlineClosing', locale, { deadline });
  if (k.details.deadlineCountsFrom === 'posting_date') return r.t('agent:summary.deadlineFromPosting', locale);
  return null;
}
