/** A tiny static file server on 127.0.0.1 for fixtures, the demo, the benchmark and the corpus. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Serves files under `root`; a fixture may set its own headers with a sibling `name.headers.json`. */
export async function startServer(root: string, routes: Route[] = []): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    if (routes.some((route) => route(req, res))) return;
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      };
      try {
        Object.assign(headers, JSON.parse(await readFile(`${file}.headers.json`, 'utf8')));
      } catch {
        // No custom headers for this file.
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}

const VENDOR: Record<string, string> = {
  '/vendor/preact.umd.js': 'node_modules/preact/dist/preact.umd.js',
  '/vendor/hooks.umd.js': 'node_modules/preact/hooks/dist/hooks.umd.js',
};

/** Serves the few libraries fixture apps need from node_modules (no network in tests). */
export const vendorRoute: Route = (req, res) => {
  const file = VENDOR[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
  if (!file) return false;
  void readFile(path.resolve(file)).then(
    (body) => res.writeHead(200, { 'content-type': TYPES['.js']! }).end(body),
    () => res.writeHead(404).end(),
  );
  return true;
};
