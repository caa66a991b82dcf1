export * from './events';
export * from './commands';
export * from './state';
export * from './session-decider';
export * from './default-session';
