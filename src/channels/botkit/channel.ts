// The web chat channel: Botkit with its web adapter, mounted behind our own express app and
// upgrade handler, and hardened where Botkit is fragile (validation, empty bodies, throwing
// handlers, its heartbeat timer, per-process socket map). The only module importing Botkit.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Botkit, type BotWorker, type BotkitMessage } from 'botkit';
import { WebAdapter } from 'botbuilder-adapter-web';
import type { Request, Response } from 'express';
import WebSocket from 'ws';
import type { Locale, OutMessage } from '../../types';
import { LOCALES } from '../../types';
import { checkFrame, checkInbound, MAX_BODY_BYTES, type InboundMessage } from './inbound';

/** What the channel needs from the rest of the app (the engine behind a narrow interface). */
export interface ChannelDeps {
  handle(message: InboundMessage): Promise<OutMessage[]>;
  /** Rendered "temporarily unavailable" message when a turn fails (store down, bug). */
  failureMessage(message: InboundMessage, err: unknown): OutMessage;
  /** Messages waiting for this conversation (agent messages), taken atomically. */
  drainOutbox(conversationId: string): Promise<OutMessage[]>;
  /** Whether an Origin header may open a socket (undefined = no header). */
  originAllowed(origin: string | undefined, host: string | undefined): boolean;
  /** Per-conversation rate limit for websocket frames; false = drop with an error frame. */
  allowFrame?(conversationId: string, ip: string): { ok: true } | { ok: false; retryAfter: number };
  /** The client's address behind trusted proxies (default: the socket's peer). */
  clientIp?(req: IncomingMessage): string;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

// Botkit keeps dialog state in its storage; ours lives in src/store, so Botkit's is a no-op
// (its default MemoryStorage grows forever).
/** The slice of botbuilder's TurnContext we use (Botkit hands it out untyped). */
interface TurnSender {
  sendActivities(activities: { type: string; text: string; channelData: object }[]): Promise<unknown>;
}

const noopStorage = {
  read: async () => ({}),
  write: async () => undefined,
  delete: async () => undefined,
};

/**
 * botbuilder's turn-state key under which a DialogStateManager finds its configuration (memory
 * scopes and path resolvers); botbuilder-dialogs 4.23 does not export the constant.
 */
export const DIALOG_STATE_CONFIG_KEY = 'DialogStateManagerConfiguration';

/**
 * Botkit creates a DialogContext on every turn, and without a configuration in the turn state its
 * DialogStateManager rebuilds every memory scope and path resolver from a fresh service collection
 * (including a zod parse that fails by design): measured at ~3 % of the server's CPU per turn, for
 * dialog memory we never use (our dialogs are XState). The configuration holds stateless scope and
 * resolver objects, so the one built on the first turn is handed to every later turn.
 */
function shareDialogStateConfiguration() {
  let shared: unknown;
  return async (context: { turnState: Map<unknown, unknown> }, next: () => Promise<void>): Promise<void> => {
    if (shared) context.turnState.set(DIALOG_STATE_CONFIG_KEY, shared);
    await next();
    shared ??= context.turnState.get(DIALOG_STATE_CONFIG_KEY);
  };
}

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** Botkit's message, narrowed back to our validated shape at the boundary. */
function toInbound(m: BotkitMessage): InboundMessage {
  const raw = m as unknown as Record<string, unknown>;
  const type = raw.type;
  return {
    type: type === 'hello' || type === 'welcome_back' || type === 'poll' ? type : 'message',
    user: String(raw.user),
    ...(typeof raw.text === 'string' ? { text: raw.text } : {}),
    ...(isLocale(raw.locale) ? { locale: raw.locale } : {}),
  };
}

export class BotkitChannel {
  readonly controller: Botkit;
  private readonly adapter: WebAdapter;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Our own socket registry: Botkit's is module-private and holds one socket per user. */
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private closing = false;

  constructor(private readonly deps: ChannelDeps) {
    this.adapter = new WebAdapter({ noServer: true, maxPayload: MAX_BODY_BYTES, clientTracking: true });
    // Botkit starts an unref-less 30 s heartbeat interval inside the adapter and never stores
    // it; catch it here so shutdown can clear it instead of hanging.
    const realSetInterval = global.setInterval;
    const captured: NodeJS.Timeout[] = [];
    global.setInterval = ((...args: Parameters<typeof setInterval>) => {
      const t = realSetInterval(...args);
      captured.push(t);
      return t;
    }) as typeof setInterval;
    try {
      this.controller = new Botkit({
        adapter: this.adapter,
        disable_webserver: true,
        disable_console: true,
        storage: noopStorage,
      });
    } finally {
      global.setInterval = realSetInterval;
    }
    this.heartbeat = captured[0] ?? null;
    this.heartbeat?.unref();
    this.adapter.use(shareDialogStateConfiguration());

    const events = ['message', 'hello', 'welcome_back', 'poll'];
    this.controller.on(events, async (bot: BotWorker, message: BotkitMessage) => {
      await this.onTurn(bot, message);
    });
  }

  private async onTurn(bot: BotWorker, message: BotkitMessage): Promise<void> {
    const inbound = toInbound(message);
    let out: OutMessage[];
    try {
      out = await this.deps.handle(inbound);
    } catch (err) {
      this.deps.log?.error({ err }, 'turn failed');
      out = [this.deps.failureMessage(inbound, err)];
    }
    if (out.length === 0) return;
    // One sendActivities call for the whole turn: bot.say per message runs Botkit's send
    // middleware and formatting once per reply, which is pure overhead for our plain messages.
    const context = (bot as unknown as { getConfig(key: 'context'): TurnSender }).getConfig('context');
    try {
      await context.sendActivities(out.map(({ type, text, ...rest }) => ({ type, text, channelData: rest })));
    } catch (err) {
      this.deps.log?.warn({ err }, 'could not deliver a reply');
    }
  }

  /** Express handler for POST /api/messages (the body is already parsed as JSON). */
  webhook = async (req: Request, res: Response): Promise<void> => {
    const check = checkInbound(req.body as unknown);
    if (!check.ok) {
      res.status(400).json({ error: check.error });
      return;
    }
    const fakeReq = { body: { ...check.message, channel: check.message.user } };
    try {
      await this.adapter.processActivity(fakeReq, res, async (context) => {
        // Botkit answers an empty body when nothing is said; the contract wants [].
        context.turnState.set('httpBody', []);
        await this.controller.handleTurn(context);
      });
    } catch (err) {
      this.deps.log?.error({ err }, 'webhook turn failed');
      if (!res.headersSent) res.status(200).json([this.deps.failureMessage(check.message, err)]);
    }
  };

  /** HTTP upgrade handler for /ws; anything else is refused. */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const wss = this.adapter.wss as WebSocket.Server | undefined;
    if (url.pathname !== '/ws' || !wss || this.closing) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!this.deps.originAllowed(req.headers.origin, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket as Socket, head, (ws) => {
      wss.emit('connection', ws, req);
      this.harden(ws, this.deps.clientIp?.(req) ?? req.socket.remoteAddress ?? '');
    });
  };

  /** Puts validation in front of Botkit's frame handler, and tracks the socket for pushes. */
  private harden(ws: WebSocket, ip: string): void {
    const botkitHandlers = ws.listeners('message') as ((data: string) => void)[];
    ws.removeAllListeners('message');
    ws.removeAllListeners('error');
    ws.on('error', () => ws.terminate());
    let bound: string | null = null;
    ws.on('message', (data: unknown) => {
      const check = checkFrame(data);
      if (!check.ok) {
        if (typeof data !== 'string') ws.close(1003, 'binary frames are not accepted');
        else ws.send(JSON.stringify({ type: 'error', error: check.error }));
        return;
      }
      const m = check.message;
      if (bound && bound !== m.user) {
        ws.send(JSON.stringify({ type: 'error', error: 'user cannot change on an open socket' }));
        return;
      }
      if (!bound) {
        bound = m.user;
        this.track(m.user, ws);
      }
      const limit = this.deps.allowFrame?.(m.user, ip);
      if (limit && !limit.ok) {
        ws.send(JSON.stringify({ type: 'error', error: 'rate limited', retryAfter: limit.retryAfter }));
        return;
      }
      const frame = JSON.stringify({ ...m, channel: m.user });
      for (const h of botkitHandlers) h.call(ws, frame);
    });
    ws.on('close', () => {
      if (bound) this.untrack(bound, ws);
    });
  }

  private track(user: string, ws: WebSocket): void {
    let set = this.sockets.get(user);
    if (!set) this.sockets.set(user, (set = new Set()));
    set.add(ws);
  }

  private untrack(user: string, ws: WebSocket): void {
    const set = this.sockets.get(user);
    set?.delete(ws);
    if (set && set.size === 0) this.sockets.delete(user);
  }

  hasSocket(conversationId: string): boolean {
    return this.sockets.has(conversationId);
  }

  /** Pushes pending messages (agent replies) to this conversation's open sockets, if any here. */
  async pushPending(conversationId: string): Promise<boolean> {
    const set = this.sockets.get(conversationId);
    if (!set || set.size === 0) return false;
    const pending = await this.deps.drainOutbox(conversationId);
    for (const m of pending) for (const ws of set) if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
    return true;
  }

  get openSockets(): number {
    let n = 0;
    for (const s of this.sockets.values()) n += s.size;
    return n;
  }

  /** Stops accepting sockets, closes open ones and clears Botkit's heartbeat. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const wss = this.adapter.wss as WebSocket.Server | undefined;
    if (wss) {
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    }
  }
}
