/* Redis INFO stats: keyspace hits and misses, the server's own count of cache GET outcomes. */
import { Redis } from 'ioredis';

export interface RedisInfoSnapshot {
  keyspaceHits: number;
  keyspaceMisses: number;
}

export function parseRedisInfo(info: string): RedisInfoSnapshot {
  const num = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? NaN);
  return { keyspaceHits: num('keyspace_hits'), keyspaceMisses: num('keyspace_misses') };
}

export async function redisInfo(url: string): Promise<RedisInfoSnapshot> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
  client.on('error', () => undefined); // surfaced by the awaited commands below
  try {
    await client.connect();
    return parseRedisInfo(await client.info('stats'));
  } finally {
    client.disconnect();
  }
}
