import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs with no configuration at all: embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ url: undefined, pgliteDataDir: './data/pglite', poolSize: 10 });
    expect(config.seedOnStart).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/eflc' }).database.url).toBe('postgres://u@localhost/eflc');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', NODE_ENV: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('COOKIE_SECRET: obligatoire en production');
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });

  it('outside production, PUBLIC_URL follows HOST and PORT when unset', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3301' }).publicUrl).toBe('http://localhost:3301');
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ HOST: '::', PORT: '80' }).publicUrl).toBe('http://localhost');
    expect(loadConfig({ HOST: '::1', PORT: '3301' }).publicUrl).toBe('http://[::1]:3301');
    expect(loadConfig({ PORT: '3301', PUBLIC_URL: 'https://eflc.example.fr/' }).publicUrl).toBe('https://eflc.example.fr');
  });

  it('requires PUBLIC_URL in production', () => {
    const production = { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(production)).toThrow('PUBLIC_URL: obligatoire en production');
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://eflc.example.fr' }).publicUrl).toBe('https://eflc.example.fr');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://eflc.example.fr' })).toThrow('PUBLIC_URL');
  });
});
