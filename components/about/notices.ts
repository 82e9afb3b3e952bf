import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One third-party package the app serves, as scripts/collect-licenses.mjs wrote it. */
export interface ThirdPartyNotice {
  name: string;
  version: string;
  /** SPDX expression declared by the package. */
  license: string;
  /** File name of its licence text under /licenses/. */
  file: string;
  /** How it reaches the browser, in words. */
  servedAs: string;
  repository: string | null;
  /** Where its corresponding source is, for the packages that need saying so. */
  note: string | null;
}

/** The app's own licence and its third-party notices. */
export interface Notices {
  app: {
    name: string;
    version: string;
    license: string;
    file: string;
    /** Where this build's source is published, when the build was told. */
    source: string | null;
  };
  components: ThirdPartyNotice[];
}

/**
 * Reads public/licenses/index.json while the static pages are built (server only). The file
 * is written by `npm run build`'s prebuild step and by `npm run dev`.
 */
export function readNotices(): Notices {
  const file = join(process.cwd(), 'public/licenses/index.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Notices;
  } catch (e) {
    throw new Error(
      `${file} could not be read (${e instanceof Error ? e.message : String(e)}): run node scripts/collect-licenses.mjs, or build with npm run build`,
    );
  }
}
