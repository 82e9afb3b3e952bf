/** Pure math for two-finger gestures: how far a pinch scaled, rotated and moved a layer. */

export interface Point {
  x: number;
  y: number;
}

export interface TwoFingers {
  a: Point;
  b: Point;
}

export interface GestureDelta {
  /** Ratio of the fingers' distance now to at the start. */
  scale: number;
  /** Change of the fingers' angle, in degrees. */
  rotation: number;
  /** Movement of the fingers' midpoint. */
  dx: number;
  dy: number;
}

const distance = (p: TwoFingers) => Math.hypot(p.b.x - p.a.x, p.b.y - p.a.y);
const angle = (p: TwoFingers) => (Math.atan2(p.b.y - p.a.y, p.b.x - p.a.x) * 180) / Math.PI;
const midpoint = (p: TwoFingers): Point => ({ x: (p.a.x + p.b.x) / 2, y: (p.a.y + p.b.y) / 2 });

/** The change from `start` to `now`; fingers closer than 1 px count as 1 px apart. */
export function gestureDelta(start: TwoFingers, now: TwoFingers): GestureDelta {
  let rotation = angle(now) - angle(start);
  if (rotation > 180) rotation -= 360;
  if (rotation < -180) rotation += 360;
  const m0 = midpoint(start);
  const m1 = midpoint(now);
  return {
    scale: Math.max(distance(now), 1) / Math.max(distance(start), 1),
    rotation,
    dx: m1.x - m0.x,
    dy: m1.y - m0.y,
  };
}
