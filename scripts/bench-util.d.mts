export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };
export interface Summary<T> {
  runs: number;
  ok: number;
  values: T[];
  numbers: number[];
  median: number;
  enough: boolean;
  outcomes: Outcome<T>[];
  errors: string[];
}
export interface RunOptions<T> {
  check?: (value: T) => string | null | undefined;
  onFailure?: (run: number, error: string) => void;
}
export interface Report {
  measurements: { label: string; summary: Summary<unknown> }[];
  measure<T>(
    label: string,
    runs: number,
    run: (i: number) => T | Promise<T>,
    options?: { check?: (value: T) => string | null | undefined; pick?: (value: T) => number },
  ): Promise<Summary<T>>;
  fail(label: string, error: unknown): Summary<never>;
  finish(): boolean;
}
export declare const root: string;
export declare function median(xs: number[]): number;
export declare function percentile(xs: number[], p: number): number;
export declare function errorText(e: unknown): string;
export declare function runTimes<T>(
  runs: number,
  run: (i: number) => T | Promise<T>,
  options?: RunOptions<T>,
): Promise<Outcome<T>[]>;
export declare function summarize<T>(
  outcomes: Outcome<T>[],
  pick?: (value: T) => number,
): Summary<T>;
export declare function formatSummary<T>(
  summary: Summary<T>,
  format?: (x: number) => string,
  pick?: (value: T) => number,
): string;
export declare function createReport(name: string, log?: (line: string) => void): Report;
export declare function startServer(port: number): Promise<{ base: string; stop: () => void }>;
export declare function waitOrAlert(
  page: unknown,
  locator: unknown,
  timeout?: number,
): Promise<void>;
export declare function watchStartAndFiles(page: unknown): Promise<void>;
