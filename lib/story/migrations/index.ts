import { v2 } from './v2';

/**
 * Document migrations: one file per step, `vN.ts` turning a version N-1 document into version N.
 * Each step sees the document as plain JSON, so it never depends on today's types.
 */

/** A step that turns a document of `from` into one of `from + 1`. */
export interface StoryMigration {
  from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const STORY_MIGRATIONS: readonly StoryMigration[] = [v2];
