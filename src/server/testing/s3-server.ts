/**
 * A real S3-protocol server for tests (s3rver), on 127.0.0.1 and a free port, its objects in a
 * temporary folder; and the environment that points the platform at one of its buckets.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig, type FilesConfig } from '../config.ts';
import { s3Client } from '../files/s3.ts';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

/** s3rver's own credentials: it checks signatures made with them. */
const ACCESS = { ONETHING_S3_ACCESS_KEY: 'S3RVER', ONETHING_S3_SECRET_KEY: 'S3RVER' };

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** ONETHING_* variables that make a server store its files in the bucket. */
  env: Record<string, string>;
  settings: Extract<FilesConfig, { kind: 's3' }>;
  /** An SDK client on the bucket, to look at or damage what the platform stored. */
  client: ReturnType<typeof s3Client>;
  /** The object key the platform uses for a digest. */
  keyOf(hash: string): string;
  close(): Promise<void>;
}

export async function startS3Server(options: { bucket?: string; prefix?: string } = {}): Promise<S3Server> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-s3-'));
  const bucket = options.bucket ?? 'onething-files';
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    ONETHING_FILES: 's3', ONETHING_S3_ENDPOINT: endpoint, ONETHING_S3_BUCKET: bucket, ONETHING_S3_REGION: 'cn-north-1',
    ONETHING_S3_FORCE_PATH_STYLE: 'on', ...ACCESS, ...(options.prefix ? { ONETHING_S3_PREFIX: options.prefix } : {}),
  };
  const settings = loadConfig(env).files as S3Server['settings'];
  const client = s3Client(settings);
  let closed = false;
  return {
    endpoint, bucket, env, settings, client,
    keyOf: (hash) => `${settings.prefix}${hash.slice(0, 2)}/${hash}`,
    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
