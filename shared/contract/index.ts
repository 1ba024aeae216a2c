export * from './errors';
export * from './result';
export * from './define';
export * from './methods';
export * from './events';
export * from './wire';
export * from './bridge';
export * from './permissions';
