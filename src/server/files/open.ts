/** The configured file store: the data folder by default, or an S3-compatible bucket. */
import path from 'node:path';
import type { Config } from '../config.ts';
import { localFileStore, type FileStore } from './store.ts';

export async function openFileStore(config: Config): Promise<FileStore> {
  if (config.files.kind === 'local') return localFileStore(path.join(config.dataDir, 'files'));
  // Loaded only when used: the SDK is large, and a deployment on the data folder never needs it.
  const { s3FileStore } = await import('./s3.ts');
  return s3FileStore(config.files);
}
