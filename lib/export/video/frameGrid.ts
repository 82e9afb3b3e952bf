// Constant frame rate from a source's own timing: which decoded picture fills which output slot.
// Same rule as mediabunny's frame-rate transform (which the fast engine used before): a picture
// goes to the slot its start time falls in (floor); the first picture of a slot is the one shown;
// slots no picture starts in repeat the picture before them; the last picture is repeated up to
// the slot its end falls in.

/** What to do with one decoded picture. */
export interface GridStep {
  /** Slots (output times, s) to fill with the picture held before this one (gap padding). */
  repeatHeld: number[];
  /** The slot this picture fills, or null when its slot is already filled (only held). */
  slot: number | null;
}

/**
 * Places decoded pictures on a constant frame-rate grid. Feed pictures in presentation order
 * (`place`), then call `end` for the last slots. The caller holds the latest placed picture
 * (it may be repeated) and lets go of the one before it.
 */
export class FrameGrid {
  private heldSlot: number | null = null;
  private heldEnd = 0;

  constructor(private readonly fps: number) {}

  /** The slot a time falls in. */
  private floor(t: number): number {
    return Math.floor(t * this.fps) / this.fps;
  }

  /** Slots strictly between the held slot and `until`. */
  private gap(until: number): number[] {
    if (this.heldSlot === null) return [];
    const n = Math.round((until - this.heldSlot) * this.fps);
    const slots: number[] = [];
    for (let i = 1; i < n; i++) slots.push(this.heldSlot + i / this.fps);
    return slots;
  }

  /**
   * Places a picture shown from `start` to `end` (s, output time). The picture becomes the held
   * one either way: when its slot is taken it only replaces the held picture for later repeats.
   */
  place(start: number, end: number): GridStep {
    const slot = this.floor(start);
    if (this.heldSlot !== null && slot <= this.heldSlot) {
      this.heldEnd = end;
      return { repeatHeld: [], slot: null };
    }
    const repeatHeld = this.gap(slot);
    this.heldSlot = slot;
    this.heldEnd = end;
    return { repeatHeld, slot };
  }

  /** The slots the held picture still fills after the last one (up to its end's slot). */
  end(): number[] {
    return this.gap(this.floor(this.heldEnd));
  }
}
