/** Token of the shared ioredis client (health checks, rate limits, heartbeats). BullMQ opens its own connections. */
export const REDIS = Symbol('REDIS');
