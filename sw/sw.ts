/// <reference lib="webworker" />
// The service worker, bundled by scripts/build-sw.mjs (esbuild) and given its precache list by
// workbox-build's injectManifest after `next build`.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  matchPrecache,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { SHARE_INBOX_CACHE, SHARE_TARGET_PATH, FFMPEG_CACHE } from '../lib/pwa/constants';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

// A shared photo or video arrives as a POST: keep the file, then open a new story with it.
// (Registered first; Workbox's routes only answer GET requests.)
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.pathname !== SHARE_TARGET_PATH) return;
  event.respondWith(
    (async () => {
      const form = await event.request.formData();
      const file = form.getAll('media').find((v): v is File => v instanceof File && v.size > 0);
      if (!file) return Response.redirect('/?share=empty', 303);
      const id = crypto.randomUUID();
      const inbox = await caches.open(SHARE_INBOX_CACHE);
      await inbox.put(
        `/share-inbox/${id}`,
        new Response(file, {
          headers: {
            'content-type': file.type || 'application/octet-stream',
            'x-file-name': encodeURIComponent(file.name),
          },
        }),
      );
      return Response.redirect(`/editor/?shared=${id}`, 303);
    })(),
  );
});

// Turbopack starts workers with a bootstrap script that reads its config from its own URL's
// #fragment. A cached Response carries its stored URL (no fragment), so the script is answered
// with a fresh Response, whose worker keeps the URL it was started with. Registered before the
// precache route so that it wins.
registerRoute(
  ({ url }) =>
    url.origin === self.location.origin &&
    /^\/_next\/static\/chunks\/turbopack-worker-[^/]+\.js$/.test(url.pathname),
  async ({ request, url }) => {
    const response =
      (await matchPrecache(url.pathname)) ??
      (await caches.match(url.pathname)) ??
      (await fetch(request));
    return new Response(await response.blob(), {
      status: response.status,
      headers: response.headers,
    });
  },
);

// The app shell: HTML, JS, CSS, fonts, emoji data, icons and the RSC payloads of both routes.
precacheAndRoute(self.__WB_MANIFEST, {
  // Client navigations add _rsc; the editor's own parameters do not change the file.
  ignoreURLParametersMatching: [/^_rsc$/, /^draft$/, /^shared$/, /^utm_/],
});
cleanupOutdatedCaches();

// Any other navigation while offline gets the home page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));

// ffmpeg's wasm cores (~32 MB) are not precached: cached on first use, or when the person asks.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/ffmpeg/'),
  new CacheFirst({ cacheName: FFMPEG_CACHE }),
);

// The HEIC decoder (libheif, 1.4 MB of wasm) likewise: most people never open a HEIC photo.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/heif/'),
  new CacheFirst({ cacheName: 'heif-decoder' }),
);

// Chunks the pages do not load at start (video and motion export, music, media probing: see
// scripts/build-sw.mjs) are not precached: like the cores, they are kept once used, so a second
// video export works offline. Hashed names never change.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/_next/static/'),
  new CacheFirst({
    cacheName: 'app-chunks',
    // Each release brings new hashed names: old ones would pile up forever without a bound.
    plugins: [
      new ExpirationPlugin({
        maxEntries: 60,
        maxAgeSeconds: 30 * 24 * 60 * 60,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

// A waiting update takes over only when the page says so (the person chose "Reload").
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
