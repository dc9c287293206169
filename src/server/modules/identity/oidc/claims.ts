/**
 * From what an identity service says (claims, or a ticket's attributes) to what onething needs, by the
 * deployment's claim map: who the person is, their 实名等级, an enterprise they log in as (电子营业执照),
 * and the enterprises they may act for (法人切换). Bad values are refused here, before anything is kept.
 */
import { checkResidentId, checkUscc } from '../../../../core/fields/validators.ts';
import type { OidcClaimMap } from '../../../config.ts';
import { appError, type ErrorDetail } from '../../../errors.ts';

export interface Enterprise {
  uscc: string;
  name: string;
}

export interface ExternalIdentity {
  issuer: string;
  subject: string;
  name: string | null;
  /** 公民身份号码 as given: only ever passed on to be encrypted and blind-indexed. */
  idNumber: string | null;
  level: number | null;
  phone: string | null;
  /** The enterprise the log-in itself is (电子营业执照), if it is one. */
  enterprise: Enterprise | null;
  /** Enterprises the person may switch to. */
  actsFor: Enterprise[];
  /** Staff: the local account the service names. */
  username: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** "3", 3, "L3", "三级" → 3; anything else → null. */
export function levelOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const s = text(v);
  if (!s) return null;
  const digits = /\d+/.exec(s);
  if (digits) return Number(digits[0]);
  const chinese = '一二三四五'.indexOf(s[0] ?? '');
  return chinese >= 0 ? chinese + 1 : null;
}

function enterprises(v: unknown, details: ErrorDetail[], path: string): Enterprise[] {
  // Some services send the list as a JSON string.
  let list: unknown = v;
  if (typeof v === 'string') {
    try {
      list = JSON.parse(v);
    } catch {
      list = null;
    }
  }
  if (v === undefined || v === null) return [];
  if (!Array.isArray(list)) {
    details.push({ path, message: '可代办企业应为列表' });
    return [];
  }
  const out: Enterprise[] = [];
  list.forEach((e: unknown, i) => {
    const uscc = text((e as { uscc?: unknown } | null)?.uscc);
    const name = text((e as { name?: unknown } | null)?.name);
    const problem = uscc ? checkUscc(uscc) : '缺少统一社会信用代码';
    if (problem || !uscc || !name) details.push({ path: `${path}.${i}`, message: problem ?? '缺少企业名称' });
    else if (!out.some((x) => x.uscc === uscc)) out.push({ uscc, name });
  });
  return out;
}

/** The identity in `claims`, or `oidc-claims-invalid` naming each claim that is wrong (never its value). */
export function mapClaims(claims: Record<string, unknown>, map: OidcClaimMap, policy: { minLevel: number }, issuer: string): ExternalIdentity {
  const details: ErrorDetail[] = [];
  const subject = text(claims.sub);
  if (!subject) details.push({ path: 'claims.sub', message: '缺少用户标识' });
  const idNumber = text(claims[map.idNumber])?.toUpperCase() ?? null;
  const idProblem = idNumber ? checkResidentId(idNumber) : null;
  if (idProblem) details.push({ path: `claims.${map.idNumber}`, message: idProblem });
  const uscc = text(claims[map.enterpriseUscc]);
  const usccProblem = uscc ? checkUscc(uscc) : null;
  if (usccProblem) details.push({ path: `claims.${map.enterpriseUscc}`, message: usccProblem });
  const enterpriseName = text(claims[map.enterpriseName]);
  if (uscc && !enterpriseName) details.push({ path: `claims.${map.enterpriseName}`, message: '缺少企业名称' });
  const actsFor = enterprises(claims[map.enterprises], details, `claims.${map.enterprises}`);
  if (details.length > 0 || !subject) throw appError(400, 'oidc-claims-invalid', '统一身份认证提供的身份信息不完整或格式不对，请联系统一身份认证服务', details);
  const level = levelOf(claims[map.level]);
  if (policy.minLevel > 0 && (level ?? 0) < policy.minLevel) {
    throw appError(403, 'oidc-level-too-low', `实名等级不足：本平台要求实名等级不低于 ${policy.minLevel} 级，请先在统一身份认证提升实名等级`);
  }
  return {
    issuer, subject, name: text(claims[map.name]), idNumber, level, phone: text(claims[map.phone]),
    enterprise: uscc && enterpriseName ? { uscc, name: enterpriseName } : null,
    actsFor, username: text(claims[map.username]),
  };
}
