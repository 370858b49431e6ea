/* GET /users/:id: the profile, cached under user:<id>. */
import { afterEach, describe, expect, it } from 'vitest';
import { redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { insertPins } from './helpers/insertPins.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';

describe.skipIf(!testRedisUrl())(redisTitle('GET /users/:id'), () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('answers the profile, MISS then HIT, and 404 for an unknown user', async () => {
    api = await startTestApi('users profile', { redisUrl: testRedisUrl() });
    await insertPins(api.database.url, [71]);
    const first = await api.app.inject({ method: 'GET', url: '/users/71' });
    const second = await api.app.inject({ method: 'GET', url: '/users/71' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: 71, user_id: 71, full_name: 'Person 71', email: 'p71@example.test', is_active: true });
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(second.body).toBe(first.body);
    const missing = await api.app.inject({ method: 'GET', url: '/users/72' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('USER_NOT_FOUND');
  });
});
