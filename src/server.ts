// The composition root's body: builds stores, renderer, engine, channel and the express app from
// a config, serves them on one http server, and closes everything in order on shutdown.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { BotkitChannel } from './channels/botkit/channel';
import type { Config } from './config';
import { Engine, type EngineHooks } from './engine/engine';
import { AgentService } from './handoff/agent-service';
import { Renderer } from './i18n';
import { createLogger, type Logger } from './logger';
import { detectLanguage } from './nlu/language';
import { createMemoryStores } from './store/memory';
import { createRedisStores } from './store/redis';
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
  close(): Promise<void>;
}

export interface ServerOptions {
  logger?: Logger;
  hooks?: EngineHooks;
  clock?: () => Date;
}

export async function createStores(config: Config, logger: Logger): Promise<Stores> {
  const opts = { sessionTtlSeconds: config.SESSION_TTL_SECONDS, caseRetentionDays: config.CASE_RETENTION_DAYS };
  if (!config.REDIS_URL) return createMemoryStores(opts);
  return createRedisStores({
    ...opts,
    url: config.REDIS_URL,
    onError: (err) => logger.error({ err: err.message }, 'redis unavailable'),
    onReady: () => logger.info('redis reachable again'),
  });
}

function defaultOrigins(config: Config): string[] {
  if (config.ALLOWED_ORIGINS) return config.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  return [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`];
}

export function originAllowed(allowed: string[], origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // non-browser clients send none
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  if (host && o.host === host) return true; // the server's own origin
  if (o.hostname === 'localhost' || o.hostname === '127.0.0.1' || o.hostname === '[::1]') return true;
  return allowed.includes(o.origin);
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const agentToken = config.AGENT_TOKEN ?? randomBytes(24).toString('base64url');
  if (!config.AGENT_TOKEN) {
    // Printed once, straight to stderr: never through the logger (logs are shipped elsewhere).
    process.stderr.write(`swipedesk: AGENT_TOKEN not set; generated agent token: ${agentToken}\n`);
  }
  const stores = await createStores(config, logger);
  const renderer = new Renderer();
  const engine = new Engine({ stores, renderer, config, hooks: options.hooks, clock: options.clock });
  const agents = new AgentService(stores, renderer, options.clock);
  const origins = defaultOrigins(config);

  const failureLocale = (m: { locale?: Locale; text?: string }): Locale =>
    m.locale ?? (m.text ? detectLanguage(m.text) : null) ?? 'zh-CN';
  const channel = new BotkitChannel({
    handle: (m) => engine.handle({ conversationId: m.user, type: m.type, text: m.text, locale: m.locale }),
    failureMessage: (m) => {
      const locale = failureLocale(m);
      return { type: 'message', text: renderer.t('errors:unavailable', locale), locale };
    },
    drainOutbox: (id) => stores.sessions.drainOutbox(id),
    originAllowed: (origin, host) => originAllowed(origins, origin, host),
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
      await channel.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await stores.close();
    })());
  return { http: server, port, agentToken, stores, engine, channel, logger, close };
}
