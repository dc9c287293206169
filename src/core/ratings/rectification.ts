/**
 * A bad rating's rectification (差评整改, GB/T 39734): the department verifies it (核实), rectifies
 * and replies (整改), and the applicant is followed up (回访); or the department appeals (申诉) and the
 * service administration decides. An unsatisfied follow-up sends it back to be rectified again; an
 * upheld appeal dismisses it, and the rating no longer counts. Pure: errors are values.
 */
export type RectificationStatus = 'open' | 'verified' | 'appealed' | 'replied' | 'closed' | 'dismissed';
export type RectificationStep = 'verify' | 'appeal' | 'decide-appeal' | 'reply' | 'follow-up';

export const RECTIFICATION_STATUS_NAME: Readonly<Record<RectificationStatus, string>> = {
  open: '待核实',
  verified: '已核实，待整改',
  appealed: '申诉审核中',
  replied: '已整改，待回访',
  closed: '已回访办结',
  dismissed: '申诉成立，不计入评价',
};

export const RECTIFICATION_STEP_NAME: Readonly<Record<RectificationStep, string>> = {
  verify: '核实',
  appeal: '申诉',
  'decide-appeal': '申诉决定',
  reply: '整改答复',
  'follow-up': '回访',
};

/** Still the department's to handle: counted as open, overdue after the due date. */
export const isRectificationPending = (s: RectificationStatus): boolean => s === 'open' || s === 'verified';

export type StepErrorCode = 'already-replied' | 'rectification-closed' | 'appeal-not-allowed' | 'not-appealed' | 'not-replied' | 'already-verified';
export type StepResult = { ok: true; status: RectificationStatus } | { ok: false; code: StepErrorCode; message: string };

const ok = (status: RectificationStatus): StepResult => ({ ok: true, status });
const fail = (code: StepErrorCode, message: string): StepResult => ({ ok: false, code, message });

/** The status after `step`; `positive` is the appeal upheld, or the applicant satisfied at follow-up. */
export function stepRectification(status: RectificationStatus, step: RectificationStep, positive = false): StepResult {
  if (status === 'closed' || status === 'dismissed') return fail('rectification-closed', `该整改单${RECTIFICATION_STATUS_NAME[status]}，不能再${RECTIFICATION_STEP_NAME[step]}`);
  switch (step) {
    case 'verify':
      if (status === 'open') return ok('verified');
      return status === 'replied' ? fail('already-replied', '该整改单已答复，无需再核实') : fail('already-verified', `该整改单${RECTIFICATION_STATUS_NAME[status]}，不能再核实`);
    case 'appeal':
      return isRectificationPending(status) ? ok('appealed') : fail('appeal-not-allowed', status === 'appealed' ? '该差评已在申诉中' : '已整改答复的差评不能再申诉');
    case 'decide-appeal':
      return status === 'appealed' ? ok(positive ? 'dismissed' : 'verified') : fail('not-appealed', '该整改单没有待决定的申诉');
    case 'reply':
      if (isRectificationPending(status)) return ok('replied');
      return status === 'appealed' ? fail('appeal-not-allowed', '申诉审核中，待决定后再整改答复') : fail('already-replied', '该整改单已答复，不能重复答复');
    case 'follow-up':
      return status === 'replied' ? ok(positive ? 'closed' : 'verified') : fail('not-replied', '整改答复后才能回访');
  }
}
