import { STAGE_HEIGHT, STAGE_WIDTH } from '../../story';
import type { Guides } from '../guides';
import { SAFE_ZONE } from '../snapping';

export interface OverlayState {
  safeZones: boolean;
  /** Guides the moving layer snapped to. */
  guides: Guides;
}

/** Draws editing aids (snapping guides, labelled safe zones) over the stage. Never exported. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  zoom: number,
  state: OverlayState,
): void {
  ctx.save();
  ctx.setTransform(zoom, 0, 0, zoom, 0, 0);
  if (state.safeZones) {
    ctx.fillStyle = 'rgba(0, 0, 0, 0.35)';
    ctx.fillRect(0, 0, STAGE_WIDTH, SAFE_ZONE.top);
    ctx.fillRect(0, STAGE_HEIGHT - SAFE_ZONE.bottom, STAGE_WIDTH, SAFE_ZONE.bottom);
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.8)';
    ctx.setLineDash([16 / zoom / 2, 12 / zoom / 2]);
    ctx.lineWidth = 1.5 / zoom;
    ctx.beginPath();
    ctx.moveTo(0, SAFE_ZONE.top);
    ctx.lineTo(STAGE_WIDTH, SAFE_ZONE.top);
    ctx.moveTo(0, STAGE_HEIGHT - SAFE_ZONE.bottom);
    ctx.lineTo(STAGE_WIDTH, STAGE_HEIGHT - SAFE_ZONE.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    // Labels, about 12 CSS px high whatever the stage's size.
    ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.font = `${Math.round(12 / zoom)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.fillText(
      'Covered by the name and progress bar',
      STAGE_WIDTH / 2,
      SAFE_ZONE.top - 16 / zoom,
    );
    ctx.fillText(
      'Covered by the reply box',
      STAGE_WIDTH / 2,
      STAGE_HEIGHT - SAFE_ZONE.bottom + 28 / zoom,
    );
  }
  const { vertical, horizontal } = state.guides;
  if (vertical.length || horizontal.length) {
    ctx.strokeStyle = '#ff2d95';
    ctx.lineWidth = 2 / zoom;
    ctx.beginPath();
    for (const x of vertical) {
      ctx.moveTo(x, 0);
      ctx.lineTo(x, STAGE_HEIGHT);
    }
    for (const y of horizontal) {
      ctx.moveTo(0, y);
      ctx.lineTo(STAGE_WIDTH, y);
    }
    ctx.stroke();
  }
  ctx.restore();
}
