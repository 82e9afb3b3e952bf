export * from './types';
export * from './defaults';
export * from './ids';
export * from './serialize';
export * from './layers';
export * from './cards';
