/** Flags that keep headless Chromium quiet and offline-safe on CI machines. */
export declare const CHROMIUM_ARGS: string[];
/** The path of a usable Chromium ($CHROME_PATH, /usr/bin/chromium, Playwright's own), or null. */
export declare function findChromium(): string | null;
