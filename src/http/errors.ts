// One error type with an HTTP status, and the handler that turns every failure into a JSON
// body: never an HTML page or a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface BodyParserError {
  type?: string;
  status?: number;
}

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'not found' });
};

export function errorHandler(log?: { error(obj: object, msg: string): void }): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof HttpError) {
      res.set(err.headers).status(err.status).json({ error: err.message });
      return;
    }
    const e = err as BodyParserError;
    if (e.type === 'entity.too.large') return void res.status(413).json({ error: 'body larger than 64 KB' });
    if (e.type === 'entity.parse.failed') return void res.status(400).json({ error: 'body is not valid JSON' });
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      return void res.status(415).json({ error: 'unsupported encoding' });
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return void res.status(e.status).json({ error: 'bad request' });
    }
    log?.error({ err }, 'unhandled request error');
    res.status(500).json({ error: 'internal error' });
  };
}
