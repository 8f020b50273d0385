// Every Redis key is built here. Keys of one conversation (or one case) share a hash tag so a
// Lua script or MULTI over them works on Redis Cluster.
export interface Keys {
  snapshot(conv: string): string;
  transcript(conv: string): string;
  outbox(conv: string): string;
  lock(conv: string): string;
  caseOfConv(conv: string): string;
  caseHash(caseId: string): string;
  caseTranscript(caseId: string): string;
  statusIndex(status: string): string;
  caseNotified(caseId: string): string;
  queueStream(priority: 'urgent' | 'normal'): string;
  relayChannel(): string;
}

export function makeKeys(prefix = 'sd'): Keys {
  const conv = (id: string, what: string) => `${prefix}:{conv:${id}}:${what}`;
  const kase = (id: string, what: string) => `${prefix}:{case:${id}}:${what}`;
  return {
    snapshot: (id) => conv(id, 'snapshot'),
    transcript: (id) => conv(id, 'transcript'),
    outbox: (id) => conv(id, 'outbox'),
    lock: (id) => conv(id, 'lock'),
    caseOfConv: (id) => conv(id, 'case'),
    caseHash: (id) => kase(id, 'data'),
    caseTranscript: (id) => kase(id, 'transcript'),
    statusIndex: (status) => `${prefix}:{cases}:${status}`,
    caseNotified: (id) => kase(id, 'notified'),
    queueStream: (priority) => `${prefix}:{queue}:${priority}`,
    relayChannel: () => `${prefix}:relay`,
  };
}
