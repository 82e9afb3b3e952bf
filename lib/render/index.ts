export * from './fonts';
export * from './framing';
export * from './objects';
export * from './shapes';
export * from './strokePaint';
export * from './textStyle';
export { BackgroundObject, type BackgroundSource } from './BackgroundObject';
export { StrokesObject } from './StrokesObject';
export * from './motion';
