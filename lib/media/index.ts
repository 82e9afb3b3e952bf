export * from './errors';
export * from './sniff';
export * from './imageSize';
export * from './load';
export * from './registry';
export * from './hash';
export * from './hdr';
