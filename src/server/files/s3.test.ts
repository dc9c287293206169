/**
 * The file store in an S3-compatible bucket, against a real S3-protocol server (s3rver): the same
 * content addressing and digest check as the data folder, clear refusals at start, and uploads
 * through the app landing in the bucket on both dialects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../crypto/sm3.ts';
import { loadConfig } from '../config.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { multipart, SAMPLE_PDF } from '../testing/fill.ts';
import { residentIdCheckChar } from '../../core/fields/validators.ts';
import { NEWBORN_ANSWERS } from '../testing/api-call.ts';
import { freePort } from '../testing/server-process.ts';
import { startS3Server, type S3Server } from '../testing/s3-server.ts';
import { openFileStore } from './open.ts';
import type { FileStore } from './store.ts';

let s3: S3Server;
let store: FileStore;
beforeAll(async () => {
  s3 = await startS3Server({ prefix: 'onething/files' });
  store = await openFileStore(loadConfig({ ONETHING_DATA_DIR: '/nonexistent/onething', ...s3.env }));
});
afterAll(async () => s3?.close());

const objectBytes = async (key: string) => Buffer.from(await (await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))).Body!.transformToByteArray());

describe('content-addressed file store in an S3 bucket', () => {
  it('keeps a file under its SM3 digest, once, and gives it back', async () => {
    const data = Buffer.from('出生医学证明扫描件（对象存储）');
    expect(await store.has(sm3Hex(data))).toBe(false);
    const a = await store.put(data);
    const b = await store.put(Buffer.from(data));
    expect(a).toEqual(b);
    expect(a).toEqual({ hash: sm3Hex(data), size: data.length });
    expect(s3.keyOf(a.hash)).toBe(`onething/files/${a.hash.slice(0, 2)}/${a.hash}`);
    expect((await objectBytes(s3.keyOf(a.hash))).equals(data)).toBe(true);
    expect(await store.has(a.hash)).toBe(true);
    expect((await store.get(a.hash)).equals(data)).toBe(true);
  });

  it('refuses to hand out an object whose content no longer matches its digest, and a new upload repairs it', async () => {
    const data = Buffer.from('原始内容');
    const { hash } = await store.put(data);
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: s3.keyOf(hash), Body: Buffer.from('被篡改的内容') }));
    await expect(store.get(hash)).rejects.toMatchObject({ code: 'file-corrupted', status: 500 });
    await store.put(data);
    expect((await store.get(hash)).equals(data)).toBe(true);
  });

  it('answers a missing or malformed id with a clear error', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'file-missing', status: 404, message: '文件不存在' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'invalid-file-id', status: 400 });
    await expect(store.has('AB'.repeat(32))).rejects.toMatchObject({ code: 'invalid-file-id' });
  });
});

describe('configuring the object store', () => {
  it('reads the bucket settings, defaulting to S3 when a bucket is named', () => {
    expect(loadConfig({}).files).toEqual({ kind: 'local' });
    expect(loadConfig({ ONETHING_S3_BUCKET: 'onething', ONETHING_S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com/', ONETHING_S3_REGION: 'oss-cn-hangzhou' }).files).toEqual({
      kind: 's3', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', region: 'oss-cn-hangzhou', bucket: 'onething', prefix: '', credentials: null, forcePathStyle: false,
    });
    expect(loadConfig({ ...s3.env, ONETHING_S3_PREFIX: '/a/b/' }).files).toMatchObject({ prefix: 'a/b/', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    expect(loadConfig({ ONETHING_FILES: 'local', ONETHING_S3_BUCKET: 'onething' }).files).toEqual({ kind: 'local' });
  });

  it('refuses incomplete or malformed settings in Chinese', () => {
    expect(() => loadConfig({ ONETHING_FILES: 's3' })).toThrow('ONETHING_FILES=s3 时须设置 ONETHING_S3_BUCKET（存放上传文件的桶）');
    expect(() => loadConfig({ ONETHING_FILES: 'ftp' })).toThrow('环境变量 ONETHING_FILES 应为 local 或 s3，实际为「ftp」');
    expect(() => loadConfig({ ONETHING_S3_BUCKET: 'b', ONETHING_S3_ACCESS_KEY: 'only-half' })).toThrow(/ONETHING_S3_ACCESS_KEY 与 ONETHING_S3_SECRET_KEY 须同时设置/);
    expect(() => loadConfig({ ONETHING_S3_BUCKET: 'b', ONETHING_S3_ENDPOINT: 'minio:9000' })).toThrow('ONETHING_S3_ENDPOINT 应为 http:// 或 https:// 地址，实际为「minio:9000」');
    expect(() => loadConfig({ ONETHING_S3_BUCKET: 'b', ONETHING_S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/ONETHING_S3_FORCE_PATH_STYLE 应为 on\/off/);
  });
});

describe('starting on an object store', () => {
  it('refuses a bucket that is not there, naming it', async () => {
    const config = loadConfig({ ...s3.env, ONETHING_S3_BUCKET: 'no-such-bucket' });
    await expect(openFileStore(config)).rejects.toThrow(`对象存储（${s3.endpoint}）中没有桶「no-such-bucket」：请先创建，或检查 ONETHING_S3_BUCKET`);
  });

  it('refuses an address where no store answers', { timeout: 30_000 }, async () => {
    const config = loadConfig({ ...s3.env, ONETHING_S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
    await expect(openFileStore(config)).rejects.toThrow(/^无法连接对象存储（http:\/\/127\.0\.0\.1:\d+，.+）：请检查 ONETHING_S3_ENDPOINT/);
  });

  // Without our two variables the SDK's own chain is asked: on a machine that has AWS credentials it finds them.
  it.skipIf(Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE))('refuses to start without credentials, saying which to set', async () => {
    const { ONETHING_S3_ACCESS_KEY: _a, ONETHING_S3_SECRET_KEY: _s, ...anonymous } = s3.env;
    const imds = process.env.AWS_EC2_METADATA_DISABLED;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    try {
      await expect(openFileStore(loadConfig(anonymous))).rejects.toThrow(/^找不到对象存储的访问密钥：请设置 ONETHING_S3_ACCESS_KEY 与 ONETHING_S3_SECRET_KEY/);
    } finally {
      if (imds === undefined) delete process.env.AWS_EC2_METADATA_DISABLED;
      else process.env.AWS_EC2_METADATA_DISABLED = imds;
    }
  });

  it('answers 503 file-store-unavailable while the store is down after start', { timeout: 30_000 }, async () => {
    const own = await startS3Server();
    const config = loadConfig(own.env);
    const live = await openFileStore(config);
    const { hash } = await live.put(Buffer.from('停机前上传'));
    await own.close();
    await expect(live.get(hash)).rejects.toMatchObject({ code: 'file-store-unavailable', status: 503, message: '文件存储暂时无法访问，请稍后再试' });
    await expect(live.put(Buffer.from('停机时上传'))).rejects.toMatchObject({ code: 'file-store-unavailable', status: 503 });
  });
});

describe.each(DIALECTS)('uploads through the app into the bucket, on %s', (dialect) => {
  let h: Harness;
  let clerk: string;
  beforeAll(async () => {
    h = await startHarness(dialect, s3.env);
    clerk = await h.login('window');
  });
  afterAll(async () => h?.close());

  it('stores an uploaded material in the bucket, not the data folder, and serves it checked', async () => {
    // A visitor unknown to shared data has no e-licence to spare the ID cards: the window scans them.
    const body = `11010519900101${dialect === 'sqlite' ? '201' : '202'}`;
    const visitor = { idNumber: `${body}${residentIdCheckChar(body)}`, name: '赵一', phone: '13800991201' };
    const created = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'newborn-birth', applicant: visitor } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const answered = await h.request('PUT', `/api/cases/${id}/answers`, { cookie: clerk, body: { answers: { ...NEWBORN_ANSWERS, parentsMarried: true } } });
    expect(answered.statusCode, answered.body).toBe(200);
    const content = Buffer.concat([SAMPLE_PDF, Buffer.from(`%${dialect} ${id}\n`)]);
    const { payload, headers } = multipart('file', '父母身份证.pdf', 'application/pdf', content);
    const up = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/parents-id-cards/files`, headers: { ...headers, cookie: clerk }, payload });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    const hash = sm3Hex(content);
    expect((await objectBytes(s3.keyOf(hash))).equals(content)).toBe(true);
    expect(fs.existsSync(path.join(h.config.dataDir, 'files'))).toBe(false);

    const url = `/api/cases/${id}/files/${fileId}`;
    const got = await h.request('GET', url, { cookie: clerk });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(content)).toBe(true);

    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: s3.keyOf(hash), Body: Buffer.from('%PDF-1.4 被替换') }));
    const corrupted = await h.request('GET', url, { cookie: clerk });
    expect([corrupted.statusCode, corrupted.json().code]).toEqual([500, 'file-corrupted']);

    await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: s3.keyOf(hash) }));
    const missing = await h.request('GET', url, { cookie: clerk });
    expect([missing.statusCode, missing.json().code, missing.json().message]).toEqual([404, 'file-missing', '文件不存在']);
  });
});
