// The case handed to a human agent (design.md "The case"), as a zod schema: the single source of
// the JSON contract, used to validate every case before it is stored or served.
import { z } from 'zod';
import { CARD_TYPES, CATEGORIES, LOCALES, ROLES } from '../types';

export const CASE_STATUSES = ['waiting', 'assigned', 'resolved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const money = z.object({ minor: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) });

export const transcriptEntrySchema = z.object({
  from: z.enum(['user', 'bot', 'agent']),
  text: z.string(),
  at: z.string(),
});

export const caseSchema = z.object({
  schemaVersion: z.literal(1),
  caseId: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  locale: z.enum(LOCALES),
  role: z.enum(ROLES).nullable(),
  category: z.enum(CATEGORIES).nullable(),
  priority: z.enum(['normal', 'urgent']),
  transaction: z.object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    time: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
    amountCharged: money.nullable(),
    amountExpected: money.nullable(),
    chargeCount: z.number().int().nullable(),
    merchantName: z.string().nullable(),
    cardLast4: z.string().regex(/^\d{4}$/).nullable(),
    cardType: z.enum(CARD_TYPES).nullable(),
    issuer: z.string().nullable(),
    referenceNumber: z.string().nullable(),
    hasReceipt: z.boolean().nullable(),
  }),
  merchantContacted: z.boolean().nullable(),
  merchantResponse: z.string().nullable(),
  cardInPossession: z.boolean().nullable(),
  reasonCodes: z.object({
    visa: z.string().nullable(),
    mastercard: z.string().nullable(),
    unionpay: z.string().nullable(),
  }),
  disputeDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  missing: z.array(z.string()),
  guidance: z.array(z.string()),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  transcript: z.array(transcriptEntrySchema),
  summary: z.object({ en: z.string(), 'zh-CN': z.string() }),
  assignedTo: z.string().nullable().optional(),
  assignedAt: z.string().nullable().optional(),
  resolvedAt: z.string().nullable().optional(),
});

export type Case = z.infer<typeof caseSchema>;
