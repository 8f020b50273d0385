// Bench child for "where the gap goes": the real server (express, our middleware, the hardened
// Botkit channel, memory stores) with the engine's turn replaced, so the cost of each layer above
// the echo baseline can be read off side by side. BENCH_CEILING:
//   channel — Engine.handle answers with the user's text (everything but the engine);
//   nlu     — the same after running the real understanding (Engine.parse) on the text.
// The full bot with a memory store is server-child with BENCH_MEMORY=1. Bench code only: nothing
// in src/ knows about this.
import { loadConfig } from '../src/config';
import { Engine } from '../src/engine/engine';
import { startServer } from '../src/server';
import type { OutMessage } from '../src/types';
import { runChild } from './child-ipc';

const mode = process.env.BENCH_CEILING;
if (mode !== 'channel' && mode !== 'nlu') throw new Error(`BENCH_CEILING must be channel or nlu, not ${String(mode)}`);

Engine.prototype.handle = async function handle(this: Engine, inbound): Promise<OutMessage[]> {
  const text = inbound.text ?? '';
  if (mode === 'nlu') this.parse(text, new Date());
  return [{ type: 'message', text, locale: 'en' }];
};

runChild(`ceiling-${mode}`, async () => {
  const config = loadConfig({
    ...process.env,
    REDIS_URL: '',
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_IP: '0',
    RATE_LIMIT_PER_CONVERSATION: '0',
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config);
  return { port: server.port, close: () => server.close() };
});
