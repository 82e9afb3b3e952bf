// Serves the static export in out/ the way a production host should: clean URLs, long caching
// for hashed assets, and security headers that keep every request on this origin.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import handler from 'serve-handler';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// SERVE_DIR serves another copy of the build (the update test serves a "next release").
const publicDir = process.env.SERVE_DIR || join(root, 'out');
const port = Number(process.env.PORT) || 3000;

if (!existsSync(join(publicDir, 'index.html'))) {
  console.error('serve: out/index.html is missing. Run `npm run build` first (or `npm start`).');
  process.exit(1);
}

/** Headers for every response; the README lists them for other static hosts. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'self'",
    // Next's static export inlines its bootstrap scripts; wasm needs wasm-unsafe-eval.
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self' blob: data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  // Cross-origin isolation, so the multi-threaded ffmpeg core can use SharedArrayBuffer.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

const config = {
  public: publicDir,
  cleanUrls: true,
  trailingSlash: true,
  headers: [
    {
      source: '**/*',
      headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
    },
    {
      source: '_next/static/**',
      headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
    },
  ],
};

const server = createServer((req, res) => {
  handler(req, res, config).catch((error) => {
    console.error(error);
    res.statusCode = 500;
    res.end('Internal error');
  });
});
server.listen(port, () => console.log(`Story Composer on http://localhost:${port}`));
