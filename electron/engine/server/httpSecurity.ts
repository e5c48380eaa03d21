// Browser mode's gatekeeping and response headers, as pure functions so each rule has its own test. The server listens on
// 127.0.0.1 only, but any page the user visits can still send requests there, so:
//   - every API call carries the per-run token (a web page elsewhere cannot know it);
//   - the Host header must name this loopback server (defeats DNS rebinding, where evil.example
//     resolves to 127.0.0.1 and the browser then treats the server as same-origin with the attacker);
//   - an Origin header, when a browser sends one, must be this server's own.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe: goes in the URL fragment the CLI prints. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // not a cross-site browser request, or a same-origin GET
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/** Reads `Authorization: Bearer <token>` and compares it in constant time. */
export function hasValidToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,256})$/.exec(authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Maps a URL path to a file under the static root, or null when it would leave the root or names
 * something odd. Works on the decoded path's segments: no "..", no ".", no empty, no backslash or NUL
 * (Windows reads "\" as a separator), no dot-files.
 */
export function staticRelativePath(urlPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/')) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') return ['index.html'];
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..' || s.startsWith('.') || /[\\\0:]/.test(s)) return null;
  }
  return segments;
}

// Headers on every response of the browser mode.

/**
 * The page's Content-Security-Policy: only this origin's own scripts, styles and fetches; no plugins, no
 * framing, no <base> tricks. React applies `style={…}` through the CSSOM, which CSP does not govern, so
 * style-src needs no 'unsafe-inline' (checked with recharts' charts in Chromium).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
