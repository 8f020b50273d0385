// The composition root's body: builds stores, renderer, engine, channel and the express app from
// a config, serves them on one http server, and closes everything in order on shutdown.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { BotkitChannel } from './channels/botkit/channel';
import type { Config } from './config';
import { Engine, type EngineHooks } from './engine/engine';
import { AgentService } from './handoff/agent-service';
import { Dispatcher } from './handoff/dispatcher';
import { isOpen, nextOpening, parseHours } from './handoff/hours';
import { Renderer } from './i18n';
import { createLogger, type Logger } from './logger';
import { Metrics } from './metrics';
import { RateLimiter } from './http/rate-limit';
import { corsFor, isOriginAllowed, securityHeaders } from './http/security';
import { requestLog } from './http/request-log';
import { clientAddress } from './http/client-ip';
import { detectLanguage } from './nlu/language';
import { createMemoryStores } from './store/memory';
import { createRedisStores } from './store/redis';
import { makeTranscriptCodec, type TranscriptCodec } from './store/transcript-codec';
import type { Stores } from './store/types';
import type { Locale } from './types';

export interface Server {
  http: http.Server;
  port: number;
  agentToken: string;
  stores: Stores;
  engine: Engine;
  channel: BotkitChannel;
  logger: Logger;
  metrics: Metrics;
  close(): Promise<void>;
}

export interface ServerOptions {
  logger?: Logger;
  hooks?: EngineHooks;
  clock?: () => Date;
  dispatcherTickMs?: number;
}

export async function createStores(
  config: Config,
  logger: Logger,
  onRedisError: () => void = () => undefined,
  transcriptCodec?: TranscriptCodec,
): Promise<Stores> {
  const opts = { sessionTtlSeconds: config.SESSION_TTL_SECONDS, caseRetentionDays: config.CASE_RETENTION_DAYS };
  if (!config.REDIS_URL) return createMemoryStores(opts);
  return createRedisStores({
    ...opts,
    url: config.REDIS_URL,
    transcriptCodec,
    onError: (err) => {
      onRedisError();
      logger.error({ err: err.message }, 'redis unavailable');
    },
    onReady: () => logger.info('redis reachable again'),
  });
}

function defaultOrigins(config: Config): string[] {
  if (config.ALLOWED_ORIGINS) return config.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  return [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`];
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const agentToken = config.AGENT_TOKEN ?? randomBytes(24).toString('base64url');
  if (!config.AGENT_TOKEN) {
    // Printed once, straight to stderr: never through the logger (logs are shipped elsewhere).
    process.stderr.write(`swipedesk: AGENT_TOKEN not set; generated agent token: ${agentToken}\n`);
  }
  const metrics = new Metrics(config.IDLE_TIMEOUT_SECONDS * 1000);
  const renderer = new Renderer();
  const stores = await createStores(config, logger, () => metrics.redisErrors.inc(), makeTranscriptCodec(renderer.knownTexts()));
  const hooks: EngineHooks = {
    ...options.hooks,
    turnDone: (info) => {
      metrics.turnDone(info.conversationId, info); // in-process map only: never exported or logged
      options.hooks?.turnDone?.(info);
    },
    caseCreated: async (kase) => {
      await stores.queue.enqueue(kase.caseId, kase.priority);
      metrics.handoffs.inc({ category: kase.category ?? 'unknown', priority: kase.priority });
      logger.info({ caseId: kase.caseId, category: kase.category, priority: kase.priority }, 'case created');
      await options.hooks?.caseCreated?.(kase);
    },
  };
  const schedule = parseHours(config.AGENT_HOURS);
  const agentHours = {
    isOpen: (now: Date) => isOpen(schedule, now, config.BOT_TIMEZONE),
    nextOpening: (now: Date) => nextOpening(schedule, now, config.BOT_TIMEZONE),
  };
  const engine = new Engine({ stores, renderer, config, hooks, clock: options.clock, agentHours });
  const dispatcher = new Dispatcher({
    stores,
    renderer,
    logger,
    webhookUrl: config.HANDOFF_WEBHOOK_URL,
    webhookSecret: config.HANDOFF_WEBHOOK_SECRET,
    agentWaitSeconds: config.AGENT_WAIT_SECONDS,
    isOpen: agentHours.isOpen,
    nextOpening: agentHours.nextOpening,
    tickMs: options.dispatcherTickMs,
  });
  dispatcher.start();
  const perIp = new RateLimiter(config.RATE_LIMIT_PER_IP);
  const perConversation = new RateLimiter(config.RATE_LIMIT_PER_CONVERSATION);
  const agents = new AgentService(stores, renderer, options.clock);
  const origins = defaultOrigins(config);
  let closing = false;

  const failureLocale = (m: { locale?: Locale; text?: string }): Locale =>
    m.locale ?? (m.text ? detectLanguage(m.text) : null) ?? 'zh-CN';
  const channel = new BotkitChannel({
    handle: (m) => engine.handle({ conversationId: m.user, type: m.type, text: m.text, locale: m.locale }),
    failureMessage: (m) => {
      const locale = failureLocale(m);
      return { type: 'message', text: renderer.t('errors:unavailable', locale), locale };
    },
    drainOutbox: (id) => stores.sessions.drainOutbox(id),
    originAllowed: (origin, host) => isOriginAllowed(origins, origin, host),
    // Sockets opened through a proxy on this host count against their client's budget, as the
    // chat API's requests do, not all against the proxy's address.
    clientIp: (req) => clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']) ?? '',
    allowFrame: (id, ip) => {
      for (const r of [perIp.hit(ip), perConversation.hit(id)]) {
        if (!r.ok) {
          metrics.rejected.inc({ reason: 'rate_limit' });
          return { ok: false, retryAfter: r.retryAfter };
        }
      }
      return { ok: true };
    },
    log: logger,
  });
  await stores.relay.subscribe((id) => {
    channel.pushPending(id).catch((err: unknown) => logger.warn({ err }, 'push to socket failed'));
  });

  const app = createApp({
    webhook: channel.webhook,
    agents,
    agentToken,
    log: logger,
    before: [requestLog(logger), securityHeaders(), refuseWhileClosing(() => closing)],
    chatGuards: [corsFor(origins), rateLimitByIp(perIp, metrics)],
    conversationGuard: rateLimitByConversation(perConversation, metrics),
    metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
    ready: async () => {
      await Promise.all([stores.sessions.ping(), stores.cases.ping()]);
      return true;
    },
  });
  const server = http.createServer(app);
  server.on('upgrade', channel.handleUpgrade);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= (async () => {
      closing = true;
      await dispatcher.stop();
      await channel.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await stores.close();
    })());
  return { http: server, port, agentToken, stores, engine, channel, logger, metrics, close };
}

/** With `trust proxy: loopback`, req.ip is the client behind a proxy on this host. */
function rateLimitByIp(limiter: RateLimiter, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const r = limiter.hit(req.ip ?? 'unknown');
    if (r.ok) return next();
    metrics.rejected.inc({ reason: 'rate_limit' });
    res.set('Retry-After', String(r.retryAfter)).status(429).json({ error: 'too many requests' });
  };
}

/** Runs after the body is parsed: the conversation id is the validated `user`. */
function rateLimitByConversation(limiter: RateLimiter, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const user = (req.body as { user?: unknown } | undefined)?.user;
    if (typeof user !== 'string') return next();
    const r = limiter.hit(user);
    if (r.ok) return next();
    metrics.rejected.inc({ reason: 'rate_limit' });
    res.set('Retry-After', String(r.retryAfter)).status(429).json({ error: 'too many messages in this conversation' });
  };
}

/** During shutdown new requests are refused (in-flight ones finish) and sockets are not kept. */
function refuseWhileClosing(isClosing: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (!isClosing()) return next();
    res.set('Connection', 'close').status(503).json({ error: 'shutting down, please retry' });
  };
}
