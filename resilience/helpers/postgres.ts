import { randomBytes } from 'node:crypto';
import { type Server, type Socket, createServer, connect } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { adminUrl, withDatabase } from '../../test/helpers/postgres-urls.ts';

/** The suite runs on PostgreSQL, as in production: it refuses to run without it. */
export function postgresUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('npm run test:resilience demande PostgreSQL : définissez DATABASE_URL (par exemple postgres://postgres@127.0.0.1:5432/postgres).');
  return url;
}

/** A fresh copy of the migrated template, dropped by `drop()`. */
export async function createDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const base = postgresUrl();
  const name = `eflc_resilience_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  await admin.end();
  return {
    url: withDatabase(base, name),
    name,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl(base) });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A database with nothing in it, not even the schema (a first deployment), dropped by `drop()`. */
export async function createEmptyDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const base = postgresUrl();
  const name = `eflc_resilience_empty_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(base, name),
    name,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl(base) });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * A TCP relay between the application and PostgreSQL that can "stop the database": every open
 * connection is cut and new ones are refused, exactly what the application sees when the
 * server goes down, without stopping the machine's real server for everyone else.
 */
export interface DatabaseRelay {
  url(databaseUrl: string): string;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startRelay(target: string): Promise<DatabaseRelay> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let isDown = false;
  const server: Server = createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(port || 5432), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayPort = (server.address() as { port: number }).port;
  return {
    url: (databaseUrl) => {
      const parsed = new URL(databaseUrl);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(relayPort);
      return parsed.toString();
    },
    down() {
      isDown = true;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      isDown = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
