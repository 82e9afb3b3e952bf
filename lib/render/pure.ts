/** The parts of the renderer that need no Fabric and no DOM, for use anywhere (and in tests). */
export * from './framing';
export * from './brushLooks';
export * from './strokePaint';
export * from './textStyle';
