// pino with redaction of anything that could carry card data or secrets; conversation ids are
// logged only as a short hash (they are bearer secrets of the customer).
import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { svc: 'swipedesk' },
      redact: {
        paths: ['text', '*.text', 'body', '*.body', 'req.headers.authorization', 'headers.authorization', 'token', 'user', '*.user'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export function convHash(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('hex').slice(0, 12);
}
