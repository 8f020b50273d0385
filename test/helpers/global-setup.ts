// Vitest global setup: one real redis-server for the whole run, on a free port; every Redis
// test uses its own key prefix or database, so suites never see each other's keys.
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RedisServer } from './redis-server';

let server: RedisServer | null = null;

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  server = await startRedisServer();
  project.provide('redisUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
