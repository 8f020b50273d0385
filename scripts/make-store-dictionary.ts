// `npx tsx scripts/make-store-dictionary.ts > src/store/redis/dictionary-v2.txt` made the preset
// dictionary that case bodies and handed-off transcripts are deflated with in Redis (v1 was made
// by this script before the case gained its deadline and refund details). It is data, not code:
// stored cases depend on it byte for byte, so a written file is never regenerated or edited
// (test/store/packing.test.ts pins each one's hash). A better dictionary becomes the next version
// with a new marker byte, and the older ones stay readable.
//
// What goes in: only structure and our own texts — the case JSON's keys and enumerations, the
// transcript's stored shapes, the references of every fixed bot text, the agent summary phrases.
// No customer text: the dictionary is shipped with the code. Most frequent material comes last,
// where deflate reaches it with the shortest distances.
import { Renderer, loadResources } from '../src/i18n';
import { CATEGORIES, ROLES } from '../src/types';

const resources = loadResources() as Record<string, Record<string, unknown>>;
const parts: string[] = [];

// Agent-facing phrases (the bilingual summary is built from them), placeholders removed.
for (const lng of ['en', 'zh-CN']) {
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v.replace(/\{\{\w+\}\}/g, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(resources[lng]?.agent);
}

// Every fixed bot text's reference, as the transcript codec stores it.
for (const ref of new Renderer().knownTexts().values()) parts.push(`{"f":"b","r":"${ref}","a":17`);

// A case body with every key, in the order buildCase writes them.
CATEGORIES.forEach((category, i) => {
  const role = ROLES[i % ROLES.length];
  {
    parts.push(
      JSON.stringify({
        schemaVersion: 1,
        caseId: 'SD-2026',
        createdAt: '2026-',
        locale: 'zh-CN',
        role,
        category,
        priority: category === 'unrecognized_charge' ? 'urgent' : 'normal',
        transaction: {
          date: '2026-',
          time: ':00',
          amountCharged: { minor: 100, currency: 'CNY' },
          amountExpected: null,
          chargeCount: 2,
          merchantName: '',
          cardLast4: '',
          cardType: 'credit',
          issuer: '',
          referenceNumber: null,
          hasReceipt: true,
        },
        merchantContacted: false,
        merchantResponse: null,
        cardInPossession: null,
        reasonCodes: { visa: '12.6.1', mastercard: '4834', unionpay: '4512' },
        disputeDeadline: '2027-',
        missing: [],
        guidance: [],
        details: {
          batchSettled: null,
          overchargeDifference: null,
          overchargeDifferenceCurrency: null,
          refundedCount: null,
          refundDate: null,
          handoffReason: 'confirmed',
          undercharge: false,
          deadlineStatus: i % 2 ? 'open' : 'passed',
          deadlineDaysLeft: 8,
          deadlineCountsFrom: i % 3 ? 'transaction_date' : 'posting_date',
        },
        summary: { en: '', 'zh-CN': '' },
      }),
    );
  }
});

// The stored shapes of user, bot and agent entries, most frequent last.
parts.push('{"f":"a","t":"', '{"f":"u","t":"', '","a":17', '{"f":"b","r":"zh-CN|misswipe:ask.', '{"f":"b","r":"en|misswipe:ask.');

process.stdout.write(parts.join(''));
