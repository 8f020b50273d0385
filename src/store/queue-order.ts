// The order agents read the queue in: urgent first, then oldest first (design.md agent API).
import type { Case } from '../handoff/case-schema';

export function compareForQueue(a: Case, b: Case): number {
  if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.caseId < b.caseId ? -1 : 1;
}
