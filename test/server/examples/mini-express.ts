// A minimal stand-in for Express, enough to run the README's Express example: mount paths
// (with req.url stripped and req.originalUrl kept, as Express does), next() chaining,
// `express.json()` with body-parser's `req.body`/`req._body` contract, `res.send`, `listen`.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse & { send(body: string): void }, next: Next) => void;
interface Layer {
  path: string;
  method: string | undefined;
  exact: boolean;
  fn: Middleware;
}

function matches(layer: Layer, method: string, path: string): boolean {
  if (layer.method !== undefined && layer.method !== method) return false;
  if (layer.exact) return path === layer.path;
  return layer.path === '/' || path === layer.path || path.startsWith(`${layer.path}/`);
}

export interface App {
  (req: IncomingMessage, res: ServerResponse): void;
  use(pathOrFn: string | Middleware, fn?: Middleware): App;
  get(path: string, fn: Middleware): App;
  listen(port: number, callback?: () => void): Server;
}

function express(): App {
  const stack: Layer[] = [];
  const app = ((req: IncomingMessage & { originalUrl?: string }, res: ServerResponse & { send?: (body: string) => void }) => {
    res.send = (body: string) => {
      res.writeHead(res.statusCode, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    };
    req.originalUrl ??= req.url!;
    let index = 0;
    const next: Next = (error) => {
      if (error !== undefined) {
        res.writeHead(500).end('Internal Server Error');
        return;
      }
      const url = req.originalUrl!;
      const path = url.split('?')[0]!;
      while (index < stack.length) {
        const layer = stack[index++]!;
        if (!matches(layer, req.method!, path)) continue;
        const mounted = !layer.exact && layer.path !== '/';
        req.url = mounted ? url.slice(layer.path.length) || '/' : url;
        if (!req.url.startsWith('/')) req.url = `/${req.url}`;
        layer.fn(req, res as ServerResponse & { send(body: string): void }, next);
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(`Cannot ${req.method} ${path}`);
    };
    next();
  }) as App;
  app.use = (pathOrFn, fn) => {
    if (typeof pathOrFn === 'string') stack.push({ path: pathOrFn, method: undefined, exact: false, fn: fn! });
    else stack.push({ path: '/', method: undefined, exact: false, fn: pathOrFn });
    return app;
  };
  app.get = (path, fn) => {
    stack.push({ path, method: 'GET', exact: true, fn });
    return app;
  };
  app.listen = (port, callback) => createServer(app).listen(port, callback);
  return app;
}

/** body-parser's JSON middleware contract: parse JSON bodies into `req.body`, flag `req._body`. */
express.json = (): Middleware => (req, _res, next) => {
  const parsed = req as IncomingMessage & { body?: unknown; _body?: boolean };
  parsed.body ??= {};
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (parsed._body === true || type !== 'application/json') {
    next();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      parsed.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      parsed._body = true;
      next();
    } catch (error) {
      next(error);
    }
  });
};

export default express;
