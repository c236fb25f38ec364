import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The built web app (`npm run build`): dist/web beside the compiled server, found from the checkout's root. */
export function webAppRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');
/** A file rather than a page (an asset, /favicon.ico): missing, it is a 404, not the app. */
const isFilePath = (path: string) => path.startsWith('/assets/') || /\.[^/]*$/.test(path);

/**
 * Serves the web app at / from the same process as the API: its hashed assets with a long cache, and
 * index.html for any other page a browser asks for (client-side routes). Nothing under /api is
 * touched, so an unknown API path stays a problem+json 404, and neither is a missing file (a stale
 * asset is a 404, not a page of HTML as JavaScript). Without a build, / is not served.
 */
export function serveWebApp(app: NestExpressApplication, root = webAppRoot()): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(join(root, 'assets'), {
    prefix: '/assets',
    immutable: true,
    maxAge: '1y',
    index: false,
    fallthrough: true,
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const page = (req.method === 'GET' || req.method === 'HEAD') && req.accepts('html');
    if (!page || isApiPath(req.path) || isFilePath(req.path)) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index, (error) => {
      if (error) next(error);
    });
  });
  return true;
}
