// createApp(deps): the express app without listening — routes, body limits, the channel's
// webhook, the agent API and the static pages. Tests use it directly; main.ts serves it.
import express, { type Express, type RequestHandler } from 'express';
import type { AgentService } from './handoff/agent-service';
import { agentRoutes } from './http/agent-routes';
import { errorHandler, HttpError, notFound } from './http/errors';
import { fromRoot } from './paths';

export interface AppDeps {
  webhook: RequestHandler;
  agents: AgentService;
  agentToken: string;
  ready: () => Promise<boolean>;
  log?: { error(obj: object, msg: string): void };
  /** Middleware in front of everything (request log, security headers). */
  before?: RequestHandler[];
  /** In front of the public chat API (CORS/Origin, per-IP rate limit). */
  chatGuards?: RequestHandler[];
  /** After the chat body is parsed (per-conversation rate limit). */
  conversationGuard?: RequestHandler;
  metrics?: () => Promise<{ contentType: string; body: string }>;
  routes?: (app: Express) => void;
}

const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Boolean(req.headers['transfer-encoding']) || Number(req.headers['content-length'] ?? 0) > 0;
  if (req.method === 'POST' && hasBody && !req.is('application/json')) {
    next(new HttpError(415, 'content-type must be application/json'));
    return;
  }
  next();
};

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // ETags cost a SHA-1 of every JSON reply and no chat or agent client revalidates one;
  // static files keep theirs (express.static sets its own).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  for (const mw of deps.before ?? []) app.use(mw);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await deps.ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ ok });
  });

  const json = express.json({ limit: '64kb', strict: true });
  const guards = deps.chatGuards ?? [];
  app.options('/api/messages', ...guards);
  app.post('/api/messages', ...guards, requireJson, json, ...(deps.conversationGuard ? [deps.conversationGuard] : []), deps.webhook);
  if (deps.metrics) {
    const metrics = deps.metrics;
    app.get('/metrics', async (_req, res) => {
      const m = await metrics();
      res.type(m.contentType).send(m.body);
    });
  }
  app.use('/api/cases', requireJson, json, agentRoutes(deps.agents, deps.agentToken));
  deps.routes?.(app);

  app.use(express.static(fromRoot('src/web/public'), { index: 'index.html', maxAge: '5m' }));
  app.get('/agent', (_req, res) => {
    res.sendFile(fromRoot('src/web/public/agent.html'));
  });
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
