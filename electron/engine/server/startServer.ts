// Browser mode: the app's UI and API over HTTP on 127.0.0.1, for machines where the desktop app cannot be
// installed. One server per run, one random token per run, bound to loopback only; no CORS, ever.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultAnalytics, type AnalyticsPort } from '../service/analyticsPort.js';
import { CaseService } from '../service/caseService.js';
import { handleApi } from './apiRoutes.js';
import { isAllowedHost, isAllowedOrigin, newToken } from './httpSecurity.js';
import { securityHeaders } from './httpSecurity.js';
import { defaultStaticRoot, serveStatic } from './staticFiles.js';
import { keptEvidenceDir, UploadFolder } from './uploads.js';

/** Loopback only: the case holds evidence, and nothing else on the network may reach it. */
export const LISTEN_HOST = '127.0.0.1';

export interface ServerOptions {
  /** The case to serve; a fresh case in a temp folder when absent. */
  casePath?: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** The built UI; renderer-dist/ of the project by default. */
  staticRoot?: string;
  analytics?: AnalyticsPort;
}

/**
 * What a stopped server left on disk. Its run folder holds the scratch case (without --case) and the
 * files dropped into it (kept beside it, as beside any case); it is kept when either holds anything a
 * responder could want back, so a Ctrl+C never throws away a day's work, and removed when it holds
 * nothing.
 */
export interface StoppedServer {
  runDir: string;
  kept: boolean;
}

export interface RunningServer {
  url: string;
  /** The address actually bound: always 127.0.0.1. */
  host: string;
  port: number;
  token: string;
  casePath: string;
  /** This run's folder: the scratch case when no case was given (and the files dropped into it). */
  runDir: string;
  /** Where files dropped into the page are kept: beside the case served at the start (see keptEvidenceDir). */
  uploadsDir: string;
  /** True when no case was given and a new one was made in runDir. */
  scratchCase: boolean;
  service: CaseService;
  close(): Promise<StoppedServer>;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const runDir = await mkdtemp(join(tmpdir(), 'accountscope-serve-'));
  const casePath = opts.casePath ? resolve(opts.casePath) : join(runDir, 'case.duckdb');
  let service: CaseService;
  try {
    service = await CaseService.open(casePath, { analytics: opts.analytics ?? defaultAnalytics() });
  } catch (e) {
    await rm(runDir, { recursive: true, force: true });
    throw e;
  }
  const token = newToken();
  // Drops are kept beside whichever case is open when they arrive.
  const uploads = new UploadFolder(() => service.casePath);
  const uploadsDir = keptEvidenceDir(casePath);
  const staticRoot = opts.staticRoot ?? defaultStaticRoot();
  const headers = securityHeaders();
  let port = 0;

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isAllowedHost(req.headers.host, port)) {
      res
        .writeHead(421, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
        .end('wrong Host header\n');
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      res
        .writeHead(403, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
        .end('cross-origin request refused\n');
      return;
    }
    const target = req.url ?? '/';
    // Origin-form paths only: "//host/x" would parse as another host's URL.
    if (!target.startsWith('/') || target.startsWith('//')) {
      res
        .writeHead(400, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
        .end('bad request path\n');
      return;
    }
    const url = new URL(target, `http://${LISTEN_HOST}:${port}`);
    if (url.pathname.startsWith('/api/'))
      return handleApi(req, res, url, { service, token, uploads, headers });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    await serveStatic(staticRoot, url.pathname, res, headers);
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, headers);
      res.end();
    });
  });
  // Uploads of multi-gigabyte exports take longer than Node's default 5-minute request limit.
  server.requestTimeout = 0;
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen({ host: LISTEN_HOST, port: opts.port ?? 0 }, done);
  });
  const address = server.address() as AddressInfo;
  port = address.port;

  return {
    url: `http://${LISTEN_HOST}:${port}/#token=${token}`,
    host: address.address,
    port,
    token,
    casePath,
    runDir,
    uploadsDir,
    scratchCase: !opts.casePath,
    service,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      const info = await service.invoke('caseInfo', {});
      await service.close();
      const imported = !opts.casePath && (!info.ok || info.value.sources.length > 0);
      const scratchEvidence = keptEvidenceDir(join(runDir, 'case.duckdb'));
      const uploaded = (await readdir(scratchEvidence).catch(() => [])).length > 0;
      const kept = imported || uploaded;
      if (!kept) await rm(runDir, { recursive: true, force: true });
      return { runDir, kept };
    },
  };
}
