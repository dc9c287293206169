/** Log-in through the unified identity service (统一身份认证): which are on, the redirects, 法人切换, log-out. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from './http.ts';
import { AccountView } from './identity.ts';

export const OIDC_AUDIENCES = ['applicant', 'staff'] as const;
export type OidcAudience = (typeof OIDC_AUDIENCES)[number];

export const ProvidersAnswer = Type.Object({
  applicant: Type.Boolean({ description: '申请人可使用统一身份认证登录' }),
  staff: Type.Boolean({ description: '工作人员可使用政务统一身份认证（单点登录）登录' }),
});
export type ProvidersAnswer = Static<typeof ProvidersAnswer>;

export const AudienceParams = Type.Object({ audience: OneOf(OIDC_AUDIENCES, 'applicant：申请人；staff：工作人员') });

export const StartQuery = Type.Object({
  returnTo: Type.Optional(Type.String({ maxLength: 512, description: '登录后回到的本站页面（以 / 开头的站内地址，其他一律回到首页）' })),
}, { additionalProperties: false });

/** The provider answers with either a code and state, or an error; openid-client checks the rest. */
export const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2048 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  iss: Type.Optional(Type.String({ maxLength: 512 })),
  session_state: Type.Optional(Type.String({ maxLength: 512 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 1024 })),
});
export type CallbackQuery = Static<typeof CallbackQuery>;

export const Redirect = Type.Null({ description: '转到 Location 所示地址' });

export const EnterpriseChoice = Type.Object({ uscc: Type.String(), name: Type.String() });
export type EnterpriseChoice = Static<typeof EnterpriseChoice>;

export const ActAsBody = Type.Object({
  uscc: Nullable(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码；null 表示切换回本人' })),
}, { additionalProperties: false });
export const ActAsAnswer = Type.Object({
  account: AccountView,
  actingFor: Nullable(EnterpriseChoice),
  enterprises: Type.Array(EnterpriseChoice, { description: '本次登录可切换的企业' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ActAsAnswer = Static<typeof ActAsAnswer>;
/** Who the session acts as now, and whom it may switch to: for the portal's switcher (个人 ↔ 企业). */
export const ActingAnswer = Type.Object({
  actingFor: Nullable(EnterpriseChoice),
  enterprises: Type.Array(EnterpriseChoice, { description: '本次统一身份认证登录可切换的企业；密码登录或未授权任何企业时为空' }),
});
export type ActingAnswer = Static<typeof ActingAnswer>;

export const LogoutAnswer = Type.Object({
  ok: Type.Boolean(),
  endSessionUrl: Type.Optional(Type.String({ description: '经统一身份认证登录的，再到此地址退出统一身份认证' })),
});
export type LogoutAnswer = Static<typeof LogoutAnswer>;
