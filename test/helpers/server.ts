// Starts the real server (express + Botkit channel + engine) on a free port for HTTP and
// websocket tests, with a small client for the webhook and the agent API.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { testConfig, type Config } from '../../src/config';
import { startServer, type Server, type ServerOptions } from '../../src/server';
import type { OutMessage } from '../../src/types';

export const AGENT_TOKEN = 'test-agent-token-0123456789';

export async function bootServer(overrides: Partial<Record<keyof Config, string>> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const server = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1', AGENT_TOKEN, ...overrides }), options);
  return new TestServer(server);
}

export const newUser = () => `conv-${randomUUID()}`;

export class TestServer {
  readonly base: string;
  constructor(readonly server: Server) {
    this.base = `http://127.0.0.1:${server.port}`;
  }

  async post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<{ status: number; json: unknown; text: string }> {
    const res = await fetch(`${this.base}/api/messages`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json, text };
  }

  /** Sends a message and returns the bot's messages (asserting the 200 + array contract). */
  async say(user: string, text: string, extra: Record<string, unknown> = {}): Promise<OutMessage[]> {
    const r = await this.post({ type: 'message', user, text, ...extra });
    if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`unexpected reply ${r.status}: ${r.text.slice(0, 300)}`);
    return r.json as OutMessage[];
  }

  async event(user: string, type: 'hello' | 'welcome_back' | 'poll', extra: Record<string, unknown> = {}): Promise<OutMessage[]> {
    const r = await this.post({ type, user, ...extra });
    if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`unexpected reply ${r.status}: ${r.text.slice(0, 300)}`);
    return r.json as OutMessage[];
  }

  async agent(method: string, path: string, body?: unknown, token = AGENT_TOKEN): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  }

  socket(): Promise<WsClient> {
    return WsClient.open(`ws://127.0.0.1:${this.server.port}/ws`);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** A websocket client that buffers frames and waits for them. */
export class WsClient {
  readonly frames: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d: unknown) => {
      this.frames.push(JSON.parse(String(d)) as Record<string, unknown>);
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', (code: number) => {
      this.closeCode = code;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(new WsClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }

  send(obj: unknown): void {
    this.ws.send(typeof obj === 'string' ? obj : JSON.stringify(obj));
  }

  /** Waits until `pred` holds over the frames received so far. */
  async waitFor(pred: (frames: Record<string, unknown>[]) => boolean, ms = 5000): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + ms;
    while (!pred(this.frames)) {
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; frames: ${JSON.stringify(this.frames).slice(0, 500)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return this.frames;
  }

  close(): void {
    this.ws.close();
  }
}
