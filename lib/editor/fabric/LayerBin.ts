/** Where a pointer event happened on the page (mouse, pen or touch). */
export function clientPoint(e: Event | undefined): { x: number; y: number } | null {
  if (!e) return null;
  if ('changedTouches' in e) {
    const t = (e as TouchEvent).changedTouches[0];
    return t ? { x: t.clientX, y: t.clientY } : null;
  }
  if ('clientX' in e) {
    const m = e as MouseEvent;
    return { x: m.clientX, y: m.clientY };
  }
  return null;
}

/** How far (CSS pixels) around the bin a pointer still counts as over it: fingers are wide. */
const REACH_PX = 16;

/** The look of the bin, from the view's CSS: the element's class; `data-state` tells the rest. */
export interface BinLook {
  className: string;
}

/**
 * The bin shown while a layer is dragged (bottom centre of the stage, as in Instagram): dropping
 * the layer on it deletes the layer. A DOM element over the canvas, so people using assistive
 * technology hear what it is and tests can find it; it never takes pointer events itself — the
 * stage hit-tests the pointer against it.
 */
export class LayerBin {
  readonly element: HTMLDivElement;
  /** The bin's box at rest, measured once each time it appears (no layout reads mid-drag). */
  private rect: DOMRect | null = null;

  constructor(parent: HTMLElement, look: BinLook) {
    const el = document.createElement('div');
    el.className = look.className;
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', 'Bin: drop a layer here to delete it');
    el.dataset.state = 'hidden';
    el.hidden = true;
    el.style.pointerEvents = 'none';
    el.appendChild(binIcon());
    const words = document.createElement('span');
    words.textContent = 'Drop to delete';
    el.appendChild(words);
    parent.appendChild(el);
    this.element = el;
  }

  /** Shows the bin, armed (the layer would be deleted if dropped now) or not. */
  show(armed: boolean): void {
    const state = armed ? 'armed' : 'shown';
    // Writes only on a change: a drag calls this on every move.
    if (this.element.dataset.state === state) return;
    if (this.element.hidden) {
      this.element.hidden = false;
      this.rect = this.element.getBoundingClientRect();
    }
    this.element.dataset.state = state;
  }

  hide(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.element.dataset.state = 'hidden';
    this.rect = null;
  }

  get armed(): boolean {
    return this.element.dataset.state === 'armed';
  }

  /** Whether a page point is on the bin (with a little reach around it). */
  contains(point: { x: number; y: number } | null): boolean {
    const r = this.rect;
    if (!point || !r) return false;
    return (
      point.x >= r.left - REACH_PX &&
      point.x <= r.right + REACH_PX &&
      point.y >= r.top - REACH_PX &&
      point.y <= r.bottom + REACH_PX
    );
  }

  dispose(): void {
    this.element.remove();
  }
}

/** A bin drawn with lines (24×24, like the toolbar's icons), in the text colour. */
function binIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  for (const d of ['M3 6h18', 'M8 6V4h8v2', 'M5 6l1 14h12l1-14', 'M10 10v6', 'M14 10v6']) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}
