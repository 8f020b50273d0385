// Bearer-token check for the agent API and console, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function tokenMatches(given: string, expected: string): boolean {
  // Hashing first makes both sides the same length, so the comparison leaks nothing.
  return timingSafeEqual(digest(given), digest(expected));
}

export function requireAgent(token: string): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1] || !tokenMatches(m[1], token)) {
      res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'agent token required' });
      return;
    }
    next();
  };
}
