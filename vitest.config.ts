import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The `@/` imports of the app (tsconfig paths), for the tests of its hooks.
  resolve: {
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }],
  },
  // Some tests compose full 1080×1920 frames; a loaded 2-core machine needs more than 5 s for them.
  test: { testTimeout: 30_000 },
});
