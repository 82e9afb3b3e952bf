/** How long a draft lives: like the stories it becomes, 24 hours from when it was made. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** When a draft made at `createdAt` expires. */
export const expiresAt = (createdAt: number): number => createdAt + DRAFT_LIFETIME_MS;

/** Whether a draft is past its life at `now`. Exactly 24 h is expired. */
export const isExpired = (record: { expiresAt: number }, now: number): boolean =>
  now >= record.expiresAt;

/** "Expires in 23 h 59 min", "Expires in 4 min", "Expires in less than a minute". */
export function timeLeftLabel(expires: number, now: number): string {
  const minutes = Math.floor((expires - now) / 60_000);
  if (minutes < 1) return 'Expires in less than a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `Expires in ${h} h ${m} min` : `Expires in ${m} min`;
}
