/**
 * The file store in an S3-compatible bucket (MinIO, Aliyun OSS, Huawei OBS, AWS), shared by every
 * server process: the same content addressing as the data folder (SM3 digest as the object key) and
 * the same check of the digest on every read.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfigError, type FilesConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { checkHash, digest, fileMissing, verified, type FileStore } from './store.ts';

export type S3Settings = Extract<FilesConfig, { kind: 's3' }>;

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const statusOf = (e: unknown) => (e as SdkError).$metadata?.httpStatusCode;
const nameOf = (e: unknown) => (e as SdkError).name ?? (e as SdkError).code ?? String(e);
const isMissing = (e: unknown) => ['NoSuchKey', 'NotFound'].includes(nameOf(e)) || statusOf(e) === 404;

/** The store is down or refuses us: the request can be tried again, and the cause is named for the operator. */
const unavailable = (e: unknown) => new AppError('file-store-unavailable', 503, '文件存储暂时无法访问，请稍后再试', [{ path: 'files', message: nameOf(e) }]);

export function s3Client(s: S3Settings): S3Client {
  return new S3Client({
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    ...(s.credentials ? { credentials: s.credentials } : {}),
    forcePathStyle: s.forcePathStyle,
    // The SDK's default CRC32 checksums are not understood by every S3-compatible store; Content-MD5 is.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that stops answering must not hold an upload or a download forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

/**
 * Checks at start that the bucket is there and the key may use it. Listing is needed too: without it
 * S3 answers a missing object with 403, and the platform could not tell missing from refused.
 */
async function checkBucket(client: S3Client, s: S3Settings): Promise<void> {
  const where = s.endpoint ?? `AWS ${s.region}`;
  try {
    await client.send(new HeadBucketCommand({ Bucket: s.bucket }));
  } catch (e) {
    const status = statusOf(e);
    if (status === 404 || nameOf(e) === 'NoSuchBucket') throw new ConfigError(`对象存储（${where}）中没有桶「${s.bucket}」：请先创建，或检查 ONETHING_S3_BUCKET`);
    if (status === 401 || status === 403) {
      throw new ConfigError(`对象存储（${where}）拒绝访问桶「${s.bucket}」：请检查 ONETHING_S3_ACCESS_KEY 与 ONETHING_S3_SECRET_KEY（须有该桶的列举、读取与写入权限）`);
    }
    if (nameOf(e) === 'CredentialsProviderError') throw new ConfigError('找不到对象存储的访问密钥：请设置 ONETHING_S3_ACCESS_KEY 与 ONETHING_S3_SECRET_KEY（或 AWS_ACCESS_KEY_ID 等 AWS_* 变量、实例角色）');
    throw new ConfigError(`无法连接对象存储（${where}，${nameOf(e)}）：请检查 ONETHING_S3_ENDPOINT、ONETHING_S3_REGION 与网络`);
  }
}

export async function s3FileStore(s: S3Settings, client: S3Client = s3Client(s)): Promise<FileStore> {
  await checkBucket(client, s);
  // The same two-character fan-out as the data folder, so a folder can be copied into a bucket as it is.
  const key = (hash: string) => `${s.prefix}${checkHash(hash).slice(0, 2)}/${hash}`;
  return {
    async put(data) {
      const hash = digest(data);
      // Always written (content addressing makes it idempotent): a damaged copy is replaced by a good one.
      // Content-MD5 makes the store refuse a body damaged on the way instead of keeping it.
      const md5 = createHash('md5').update(data).digest('base64');
      await client.send(new PutObjectCommand({ Bucket: s.bucket, Key: key(hash), Body: data, ContentMD5: md5, ContentLength: data.length, ContentType: 'application/octet-stream' }))
        .catch((e: unknown) => {
          throw unavailable(e);
        });
      return { hash, size: data.length };
    },
    async get(hash) {
      const k = key(hash);
      let bytes: Uint8Array | undefined;
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: k }));
        bytes = await r.Body?.transformToByteArray();
      } catch (e) {
        if (isMissing(e)) throw fileMissing();
        throw unavailable(e);
      }
      if (!bytes) throw fileMissing();
      return verified(hash, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
    async has(hash) {
      const k = key(hash);
      try {
        await client.send(new HeadObjectCommand({ Bucket: s.bucket, Key: k }));
        return true;
      } catch (e) {
        if (isMissing(e)) return false;
        throw unavailable(e);
      }
    },
  };
}
