import { STAGE_HEIGHT, STAGE_WIDTH } from '../../story';
import { SAFE_ZONE } from '../snapping';

export interface OverlayState {
  safeZones: boolean;
  vertical: boolean;
  horizontal: boolean;
}

/** Draws editing aids (centre guides, safe zones) over the stage. Never part of an export. */
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
  }
  ctx.strokeStyle = '#ff2d95';
  ctx.lineWidth = 2 / zoom;
  ctx.beginPath();
  if (state.vertical) {
    ctx.moveTo(STAGE_WIDTH / 2, 0);
    ctx.lineTo(STAGE_WIDTH / 2, STAGE_HEIGHT);
  }
  if (state.horizontal) {
    ctx.moveTo(0, STAGE_HEIGHT / 2);
    ctx.lineTo(STAGE_WIDTH, STAGE_HEIGHT / 2);
  }
  ctx.stroke();
  ctx.restore();
}
