/** The hand-off as a standard token: the platform's published keys and configuration (C6.3.1, C6.4.1). */
import { Type, type Static } from 'typebox';

export const SigningJwk = Type.Object({
  kty: Type.Literal('EC'), crv: Type.Literal('SM2'), x: Type.String(), y: Type.String(),
  kid: Type.String({ description: '密钥标识（SM3 的 RFC 7638 指纹）；轮换时新旧密钥并存，按 kid 选用' }),
  use: Type.Literal('sig'), alg: Type.Literal('SM2'),
});
export const Jwks = Type.Object({ keys: Type.Array(SigningJwk) });
export type Jwks = Static<typeof Jwks>;

export const OnethingConfiguration = Type.Object({
  issuer: Type.String({ description: '跳转令牌的 iss：平台的公开地址' }),
  jwks_uri: Type.String(),
  handoff_endpoint: Type.String({ description: '申请人或窗口发起跳转（POST /api/cases/{id}/handoff）' }),
  handoff_verification_endpoint: Type.String({ description: '不愿自行验签的部门系统，以签名请求交平台核验' }),
  id_token_signing_alg_values_supported: Type.Array(Type.String()),
  handoff_token_formats_supported: Type.Array(Type.String()),
  claims_supported: Type.Array(Type.String()),
  sm2_user_id: Type.String({ description: 'SM2 签名者标识（GM/T 0009 默认值）' }),
  handoff_token_ttl_seconds: Type.Integer(),
});
export type OnethingConfiguration = Static<typeof OnethingConfiguration>;
