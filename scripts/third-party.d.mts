/** One installed package folder in the dependency closure. */
export interface PackageEntry {
  name: string;
  version: string;
  license: string;
  author: string | null;
  repository: string | null;
  direct: boolean;
  via: string;
  dir: string;
  licenseFiles: string[];
}
export declare const LICENSE_FILE: RegExp;
export declare const GPL3_COMPATIBLE: Set<string>;
export declare function resolvePackage(name: string, fromDir: string): string | null;
export declare function declaredLicense(pkg: Record<string, unknown>): string;
export declare function repositoryUrl(pkg: Record<string, unknown>): string | null;
export declare function collectPackages(root: string): PackageEntry[];
export declare function licenseFileName(entry: { name: string; version: string }): string;
export declare function spdxIds(expression: string): string[];
export declare function isCompatible(expression: string): boolean;
export declare function licenseText(
  entry: PackageEntry,
  fallbackDir: string,
  notes?: string[],
): string;
