export * from './errors.js';
export * from './limits.js';
export * from './models.js';
export * from './routing.js';
export * from './realtime.js';
export * from './bridge.js';
export * from './http.js';
export * from './client/realtimeClient.js';
