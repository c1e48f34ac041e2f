import fs from 'node:fs';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8')) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };

  it('runs PostgreSQL 16 with a health check on a named volume', () => {
    const postgres = compose.services.postgres;
    expect(postgres.image).toBe('postgres:16');
    expect(postgres.healthcheck?.test).toEqual(['CMD-SHELL', 'pg_isready -U conveyor -d conveyor']);
    const [volume] = postgres.volumes ?? [];
    expect(volume).toBe('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('postgres-data');
  });

  it('builds the service from the Dockerfile and starts it once PostgreSQL is healthy', () => {
    const service = compose.services.conveyor;
    expect(service.build).toBe('.');
    expect(fs.existsSync('Dockerfile')).toBe(true);
    expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(service.environment?.DATABASE_URL).toMatch(
      /^postgres:\/\/conveyor:.*@postgres:5432\/conveyor$/,
    );
    expect(JSON.stringify(service.healthcheck?.test)).toContain('/health/ready');
  });

  it('passes only documented variables to the service', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    for (const name of Object.keys(compose.services.conveyor.environment ?? {})) {
      expect(readme).toContain(`\`${name}\``);
    }
  });
});
