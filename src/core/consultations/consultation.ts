/**
 * 咨询、建议、投诉 (clause 7.2.3): recorded from the Q&A hand-off, the portal or the window, answered
 * by the department concerned within working days, and tracked to closure: the applicant confirms
 * the answer resolved it, or sends it back once for a further answer.
 */
export const CONSULTATION_KINDS = ['consultation', 'suggestion', 'complaint'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
/** `walk-in`: a visitor at the window without a case, answered by SMS to the mobile the clerk took down. */
export const CONSULTATION_SOURCES = ['ask', 'portal', 'window', 'walk-in'] as const;
export type ConsultationSource = (typeof CONSULTATION_SOURCES)[number];
export const CONSULTATION_STATUSES = ['open', 'answered', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const CONSULTATION_KIND_NAME: Readonly<Record<ConsultationKind, string>> = { consultation: '咨询', suggestion: '建议', complaint: '投诉' };
export const CONSULTATION_SOURCE_NAME: Readonly<Record<ConsultationSource, string>> = { ask: '智能客服转人工', portal: '网上', window: '综合窗口', 'walk-in': '窗口来访' };
export const CONSULTATION_STATUS_NAME: Readonly<Record<ConsultationStatus, string>> = { open: '待答复', answered: '已答复，待确认', closed: '已办结' };

/**
 * Working days to answer. Assumption: no source in key-matters-data.md fixes them; chosen as the
 * 12345 hotline's common practice of a short answer to a question and a week for what needs looking into.
 */
export const ANSWER_WORKING_DAYS: Readonly<Record<ConsultationKind, number>> = { consultation: 1, suggestion: 5, complaint: 5 };

/** How many times an applicant may send an answer back as not resolving the matter. */
export const MAX_REOPENS = 1;

export type ConsultationAction = { kind: 'answer' } | { kind: 'confirm' } | { kind: 'reopen'; reopens: number };
export type Transition = { ok: true; status: ConsultationStatus } | { ok: false; code: 'consultation-not-open' | 'consultation-not-answered' | 'reopen-limit'; message: string };

export function nextConsultationStatus(status: ConsultationStatus, action: ConsultationAction): Transition {
  switch (action.kind) {
    case 'answer':
      return status === 'open' ? { ok: true, status: 'answered' } : { ok: false, code: 'consultation-not-open', message: status === 'closed' ? '该件已办结，不能再答复' : '该件已答复，待申请人确认' };
    case 'confirm':
      return status === 'answered' ? { ok: true, status: 'closed' } : { ok: false, code: 'consultation-not-answered', message: status === 'closed' ? '该件已办结' : '尚未答复，不能确认' };
    case 'reopen':
      if (status !== 'answered') return { ok: false, code: 'consultation-not-answered', message: status === 'closed' ? '该件已办结' : '尚未答复，不能退回' };
      return action.reopens >= MAX_REOPENS ? { ok: false, code: 'reopen-limit', message: `每件最多退回 ${MAX_REOPENS} 次，如仍有疑问请重新提交或拨打 12345` } : { ok: true, status: 'open' };
  }
}

export interface ConsultationFacts { kind: ConsultationKind; status: ConsultationStatus; dueDate: string; answeredOn: string | null }
export interface ConsultationFigures { total: number; byKind: Record<ConsultationKind, number>; answered: number; closed: number; onTimeRate: number | null; overdueOpen: number }

/** The figures counted in the effectiveness evaluation (8.1): how many, of what kind, answered on time. */
export function consultationFigures(rows: readonly ConsultationFacts[], today: string): ConsultationFigures {
  const byKind: Record<ConsultationKind, number> = { consultation: 0, suggestion: 0, complaint: 0 };
  let answered = 0;
  let onTime = 0;
  let closed = 0;
  let overdueOpen = 0;
  for (const r of rows) {
    byKind[r.kind]++;
    if (r.answeredOn !== null) {
      answered++;
      if (r.answeredOn <= r.dueDate) onTime++;
    }
    if (r.status === 'closed') closed++;
    if (r.status === 'open' && today > r.dueDate) overdueOpen++;
  }
  return { total: rows.length, byKind, answered, closed, onTimeRate: answered === 0 ? null : Math.round((onTime / answered) * 1000) / 1000, overdueOpen };
}
