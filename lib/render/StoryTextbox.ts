import { Textbox } from 'fabric';
import type { TextLayer } from '../story';
import { fontStack } from './fonts';
import { textColors } from './textStyle';

/** Line height of story text, in font sizes. */
export const TEXT_LINE_HEIGHT = 1.15;

/**
 * A text layer: words wrapped inside a width, aligned within it, with an optional rounded box
 * behind the lines. One object (not a group), so the side handles change the wrapping width.
 * The box hugs the longest line, so a short word does not sit in a wide empty pill.
 */
export class StoryTextbox extends Textbox {
  static override type = 'StoryTextbox';

  /** Colour of the box behind the words, or null for none. */
  boxFill: string | null = null;

  override _render(ctx: CanvasRenderingContext2D): void {
    if (this.boxFill) this.drawBox(ctx);
    super._render(ctx);
  }

  private drawBox(ctx: CanvasRenderingContext2D): void {
    const size = this.fontSize;
    const padX = size * 0.4;
    const padY = size * 0.22;
    const lineWidth = Math.min(this.width, this.calcTextWidth());
    const left =
      this.textAlign === 'left'
        ? -this.width / 2
        : this.textAlign === 'right'
          ? this.width / 2 - lineWidth
          : -lineWidth / 2;
    const radius = size * 0.35;
    ctx.save();
    ctx.fillStyle = this.boxFill!;
    ctx.beginPath();
    ctx.roundRect(
      left - padX,
      -this.height / 2 - padY,
      lineWidth + padX * 2,
      this.height + padY * 2,
      radius,
    );
    ctx.fill();
    ctx.restore();
  }
}

/**
 * Builds the wrapped text of a layer. Its width is the layer's wrapping width, narrowed to the
 * longest line when the words need less, so the selection frame fits the words.
 */
export function createStoryText(layer: TextLayer): StoryTextbox {
  const { ink, box } = textColors(layer);
  const text = new StoryTextbox(layer.text, {
    width: layer.width,
    fontFamily: fontStack(layer.fontFamily),
    fontSize: layer.fontSize,
    fill: ink,
    textAlign: layer.align,
    lineHeight: TEXT_LINE_HEIGHT,
    objectCaching: false,
    // Long words without spaces (links, other scripts) break anywhere rather than overflow.
    splitByGrapheme: false,
  });
  // Words are edited in the Text dialog, never on the canvas.
  text.editable = false;
  text.boxFill = box;
  const longest = Math.ceil(text.calcTextWidth()) + 2;
  if (longest < text.width) {
    text.set({ width: longest });
    text.initDimensions();
  }
  return text;
}
