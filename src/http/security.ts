// Security headers (helmet with a CSP for our own pages) and the Origin check for browsers:
// the widget may be embedded only on ALLOWED_ORIGINS (plus our own origin and localhost).
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * JSON API answers (chat and agent) are never rendered by a browser, so a CSP and the page-level
 * headers do nothing for them; they get what does matter for JSON holding someone's case: no
 * sniffing, no caching, no referrer. Pages and static files get helmet's full set with our CSP.
 */
const API_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Cache-Control', 'no-store'],
  ['Referrer-Policy', 'no-referrer'],
];

export function securityHeaders(): RequestHandler {
  const pages = pageHeaders();
  return (req, res, next) => {
    if (!req.path.startsWith('/api/')) {
      pages(req, res, next);
      return;
    }
    for (const [name, value] of API_HEADERS) res.setHeader(name, value);
    next();
  };
}

function pageHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'frame-ancestors': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        // Plain-http deployments (an intranet, a demo) must keep working: no forced upgrade.
        'upgrade-insecure-requests': null,
      },
    },
    // The widget script is loaded cross-origin by merchants' pages.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

export function isOriginAllowed(allowed: readonly string[], origin: string | undefined, host: string | undefined): boolean {
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

/** CORS for the public chat API: answer only allowed origins, refuse others with 403 JSON. */
export function corsFor(allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (!isOriginAllowed(allowed, origin, req.get('host'))) {
      res.status(403).json({ error: 'origin not allowed' });
      return;
    }
    if (origin) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Vary', 'Origin');
      res.set('Access-Control-Allow-Headers', 'content-type, authorization');
      res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}
