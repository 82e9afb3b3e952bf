import type { DraftRead } from '../drafts/repository';

/** Why a draft asked for was not opened, with what to tell the person. */
export interface OpenProblem {
  kind: Exclude<DraftRead['kind'], 'found'>;
  /** Words for people, with a next step. */
  message: string;
}

const MESSAGES: Record<OpenProblem['kind'], string> = {
  missing:
    'That draft is not on this device any more (it was deleted, or it expired). A new story is open instead.',
  expired:
    'That draft reached its 24 hours and has expired. A new story is open instead; drafts are kept for 24 hours after they are made.',
  newer:
    'That draft was made by a newer version of Story Composer, so this version cannot open it. Update the app (close its other tabs and reload this page), then open the draft again. It stays on this device unchanged; the story below is a new one.',
  unreadable:
    'That draft could not be read, so it was left on this device unchanged. A new story is open instead; you can go back Home and try opening the draft again.',
};

/** The problem of a draft that could not be opened, in words. */
export function openProblemMessage(kind: OpenProblem['kind']): OpenProblem {
  return { kind, message: MESSAGES[kind] };
}
