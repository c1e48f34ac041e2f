import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health reports the database up', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('GET /health/ready checks the database', async () => {
    const res = await request(t.http).get('/health/ready').expect(200);
    expect(res.body.details.database.status).toBe('up');
  });

  it('GET /health/live answers without touching the database', async () => {
    const res = await request(t.http).get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });

  it('answers an unknown route with a 404 in Camunda error shape', async () => {
    const res = await request(t.http).get('/no/such/route').expect(404);
    expect(res.body).toEqual({ type: 'InvalidRequestException', message: expect.any(String) });
  });
});
