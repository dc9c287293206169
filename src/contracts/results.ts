/** Results: the e-license wallet, verification by QR code and notifications (ratings: ratings.ts). */
import { Type, type Static } from 'typebox';
import { Day, Nullable, OneOf, Uuid } from './http.ts';

export const LicenseHolder = Type.Object({
  kind: OneOf(['person', 'enterprise'] as const), name: Type.String(),
  creditCode: Nullable(Type.String({ description: '统一社会信用代码（经营主体）' })),
  idNumber: Nullable(Type.String({ description: '脱敏的持证人身份证号码' })),
}, { description: '持证主体：证照所载的人或经营主体（新生儿的证照属于新生儿本人）' });
export const WalletLicense = Type.Object({
  id: Type.String(), type: Type.String(), name: Type.String(), number: Type.String(), department: Type.String(), departmentName: Type.String({ description: '签发机关' }),
  issuedAt: Type.String(), issuedOn: Day, caseId: Type.String(), verifyUrl: Type.String(), qr: Type.String({ description: '核验二维码（data: URL，PNG）' }),
  holder: LicenseHolder,
  keeper: OneOf(['self', 'guardian', 'agent'] as const, '卡包账号与持证主体的关系：本人、监护人代持、经办人代管'),
  keeperLabel: Type.String(),
  validFrom: Day, validUntil: Nullable(Day), validity: Type.String({ description: '有效期，如“2026-12-04 至 2031-12-03”或“长期有效”' }),
  documentUrl: Type.String({ description: '证照打印件（PDF）' }),
});
export type WalletLicense = Static<typeof WalletLicense>;
export const WalletAnswer = Type.Object({ licenses: Type.Array(WalletLicense) });
/** The language the holder reads in: the verification links and QR codes made for them open the page in it. */
export const WalletQuery = Type.Object({
  lang: Type.Optional(OneOf(['zh', 'en'] as const, '核验页的语言（zh 中文，en 英文），写入核验链接；缺省时核验页按扫码手机的语言显示')),
}, { additionalProperties: false });
/** The verification page's own query: any other or unknown value falls back to the phone's language. */
export const VerifyQuery = Type.Object({ lang: Type.Optional(Type.String()) });
export const LicenseCheck = Type.Object({
  valid: Type.Boolean(), revoked: Type.Boolean(),
  license: Type.Object({
    name: Type.String(), number: Type.String({ description: '脱敏的证照编号' }), holder: Type.String({ description: '脱敏的持证主体名称' }), issuer: Type.String(),
    issuedAt: Type.String({ description: '签发日期（Asia/Shanghai）' }), validity: Type.String({ description: '有效期' }),
  }),
});
export const RESULT_DOCUMENTS = ['decision.pdf', 'certificate.pdf'] as const;
export const ResultDocumentParams = Type.Object({ id: Uuid, item: Type.String({ minLength: 1, maxLength: 100 }), kind: OneOf(RESULT_DOCUMENTS) });

export const Notification = Type.Object({ id: Type.String(), kind: Type.String(), title: Type.String(), body: Type.String(), caseId: Nullable(Type.String()), createdAt: Type.String(), read: Type.Boolean() });
export type Notification = Static<typeof Notification>;
export const InboxAnswer = Type.Object({ unread: Type.Integer(), notifications: Type.Array(Notification) });
