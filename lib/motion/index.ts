export * from './types';
export * from './easing';
export * from './catalogue';
export * from './state';
export * from './reveal';
export * from './cardLength';
