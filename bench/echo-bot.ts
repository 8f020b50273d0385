// Bench baseline child: the thinnest Botkit web-adapter bot on express 5 that echoes each message
// (same botkit / botbuilder-adapter-web as the product), on a free loopback port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Botkit, type BotWorker, type BotkitMessage } from 'botkit';
import { WebAdapter } from 'botbuilder-adapter-web';
import express from 'express';
import { runChild } from './child-ipc';

runChild('echo-bot', async () => {
  const adapter = new WebAdapter({ noServer: true });
  const controller = new Botkit({ adapter, disable_webserver: true, disable_console: true });
  controller.on('message', async (bot: BotWorker, m: BotkitMessage) => {
    await bot.say(m.text ?? '');
  });
  const app = express();
  app.use(express.json());
  app.post('/api/messages', async (req, res) => {
    await adapter.processActivity(req, res, (ctx) => controller.handleTurn(ctx));
  });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
});
