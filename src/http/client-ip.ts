// Who is on the other end of a request, as express works it out with `trust proxy: loopback`:
// forwarded addresses are believed only from a proxy on this host. For websocket upgrades, which
// express does not see.

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

export function isLoopback(ip: string | undefined): boolean {
  return ip !== undefined && LOOPBACK.test(ip);
}

/** The peer, or the nearest forwarded address behind the loopback proxies in front of us. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string | undefined {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header.split(',').map((s) => s.trim()).filter(Boolean);
  let ip = peer;
  while (isLoopback(ip) && hops.length > 0) ip = hops.pop();
  return ip;
}
