// Entry point: read the config (failing fast with a clear message), start the server, and shut
// down gracefully on SIGTERM/SIGINT (finish in-flight turns, close sockets and Redis; force
// exit after 5 s).
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  // chrono-node's Chinese parsers read the process's local time: pin it to the bot's zone
  // before anything parses a date.
  process.env.TZ = config.BOT_TIMEZONE;
  const { startServer } = await import('./server');
  const server = await startServer(config);
  server.logger.info({ port: server.port, redis: Boolean(config.REDIS_URL) }, 'swipedesk listening');
  process.stderr.write(`swipedesk: http://localhost:${server.port}/  (agent console: /agent)\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      server.logger.error('shutdown took longer than 5 s, forcing exit');
      process.exit(1);
    }, 5000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (err) => server.logger.error({ err }, 'unhandled rejection'));
}

void main();
