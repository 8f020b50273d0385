// One structured log line per request with a request id; never bodies, tokens or raw
// conversation ids (only a short hash of the `user` when the body has one).
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { convHash, type Logger } from '../logger';

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const reqId = req.get('x-request-id')?.slice(0, 64).replace(/[^\w-]/g, '') || randomUUID();
    res.set('x-request-id', reqId);
    if (!logger.isLevelEnabled('info')) return next(); // no timing or hashing for nobody
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const user = (req.body as { user?: unknown } | undefined)?.user;
      logger.info(
        {
          reqId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          ...(typeof user === 'string' ? { conv: convHash(user) } : {}),
        },
        'request',
      );
    });
    next();
  };
}
