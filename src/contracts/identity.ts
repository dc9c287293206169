/** Log-in, log-out, who am I, changing one's password. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from './http.ts';

export const ROLE_CODES = ['applicant', 'window', 'reviewer', 'lead', 'admin', 'auditor'] as const;

export const AccountView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: OneOf(ROLE_CODES),
  roleName: Type.String(),
  displayName: Type.String(),
  department: Nullable(Type.String()),
  subject: Nullable(Type.String({ description: '申请人的身份：person 或 enterprise' })),
});
export type AccountView = Static<typeof AccountView>;

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });
export const LoginAnswer = Type.Object({ account: AccountView, expiresAt: Type.String({ format: 'date-time' }) });
export type LoginAnswer = Static<typeof LoginAnswer>;
export const PasswordBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });
export const PasswordAnswer = Type.Object({ ok: Type.Boolean(), sessionsEnded: Type.Integer() });
export const MeAnswer = Type.Object({ account: AccountView });
export type MeAnswer = Static<typeof MeAnswer>;
