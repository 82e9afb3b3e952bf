/// <reference lib="webworker" />
// The kill switch: a service worker that removes itself and the app's caches, then reloads its
// pages from the network. Ship it as /sw.js (`npm run build:kill-switch`) to pull a bad release.
declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) await caches.delete(key);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        void client.navigate(client.url);
      }
    })(),
  );
});
export {};
