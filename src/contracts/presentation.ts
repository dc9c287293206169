/**
 * 亮证: the holder shows a licence from the wallet as a short-lived signed link (QR code) with a
 * six-digit 亮证码; whoever scans it sees the licence verified, by whom it was issued and when it was checked.
 */
import { Type, type Static } from 'typebox';
import { LicenseCheck } from './results.ts';

export const PresentationAnswer = Type.Object({
  url: Type.String({ description: '核验链接（扫码打开）' }),
  qr: Type.String({ description: '核验二维码（data: URL，PNG）' }),
  code: Type.String({ pattern: '^\\d{6}$', description: '亮证码：核验页显示同一串数字，供核验人比对' }),
  expiresAt: Type.String({ description: '失效时刻（ISO 8601）' }),
  ttlSeconds: Type.Integer({ description: '有效秒数' }),
});
export type PresentationAnswer = Static<typeof PresentationAnswer>;

export const PresentationParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

export const PresentationCheck = Type.Object({
  ...LicenseCheck.properties,
  code: Type.String({ description: '亮证码' }),
  checkedAt: Type.String({ description: '核验时刻（ISO 8601）' }),
  expiresAt: Type.String({ description: '亮证码失效时刻（ISO 8601）' }),
});
export type PresentationCheck = Static<typeof PresentationCheck>;
