/**
 * Document migrations: one file per step, `vN.ts` turning a version N-1 document into version N.
 * Version 1 is the first shape, so there is nothing to migrate yet; the runner is here so the
 * next change to the document adds a file and a test, not a new mechanism.
 */

/** A step that turns a document of `from` into one of `from + 1`. */
export interface StoryMigration {
  from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const STORY_MIGRATIONS: readonly StoryMigration[] = [];
