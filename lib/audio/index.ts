export * from './types';
export * from './envelope';
export * from './mixPlan';
export * from './render';
export * from './peaks';
