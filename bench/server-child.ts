// Bench child: the real swipedesk server (express + Botkit channel + engine) with Redis stores,
// on a free loopback port; REDIS_URL and AGENT_TOKEN come from the parent's environment.
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';
import { runChild } from './child-ipc';

runChild('swipedesk', async () => {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_IP: '0',
    RATE_LIMIT_PER_CONVERSATION: '0',
    LOG_LEVEL: 'silent',
  });
  if (!config.REDIS_URL && process.env.BENCH_MEMORY !== '1') throw new Error('server-child needs REDIS_URL');
  const server = await startServer(config);
  return { port: server.port, close: () => server.close() };
});
