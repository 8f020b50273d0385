// The inbound message contract (design.md "Channel"), checked before Botkit sees anything:
// Botkit itself crashes on a missing `user` and trusts every field it is given.
import { z } from 'zod';
import { LOCALES } from '../../types';

export const USER_ID = /^[A-Za-z0-9_-]{16,128}$/;
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_TEXT_CHARS = 4000;

export const inboundSchema = z.object({
  type: z.enum(['message', 'hello', 'welcome_back', 'poll']),
  user: z.string().regex(USER_ID, 'user must match ^[A-Za-z0-9_-]{16,128}$'),
  text: z.string().max(MAX_TEXT_CHARS, `text is longer than ${MAX_TEXT_CHARS} characters`).optional(),
  locale: z.enum(LOCALES).optional(),
});
// Unknown fields (Botkit's `channel`, anything else) are dropped by zod's default strip.

export type InboundMessage = z.infer<typeof inboundSchema>;

export type InboundCheck = { ok: true; message: InboundMessage } | { ok: false; error: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  for (const k of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(k)) return true;
    if (hasForbiddenKey((value as Record<string, unknown>)[k], depth + 1)) return true;
  }
  return false;
}

export function checkInbound(body: unknown): InboundCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, error: 'body must be a JSON object' };
  }
  if (hasForbiddenKey(body)) return { ok: false, error: 'body has a forbidden key' };
  const r = inboundSchema.safeParse(body);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, error: first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid message' };
  }
  if (r.data.type === 'message' && r.data.text === undefined) return { ok: false, error: 'text: required for a message' };
  return { ok: true, message: r.data };
}

/** Parses a websocket frame; JSON.parse with a reviver-free path and the same checks. */
export function checkFrame(data: unknown): InboundCheck {
  if (typeof data !== 'string') return { ok: false, error: 'binary frames are not accepted' };
  if (Buffer.byteLength(data) > MAX_BODY_BYTES) return { ok: false, error: 'frame too large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { ok: false, error: 'frame is not valid JSON' };
  }
  return checkInbound(parsed);
}
