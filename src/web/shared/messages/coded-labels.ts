/**
 * Words for labels the server sends as codes beside its Chinese names: report rows the platform names
 * itself (PeriodRow.label), a rectification step's outcome and actor (RectificationRow.history), and
 * the statuses of fee orders and of materials deferred on commitment (their `status` codes).
 */
const zh = {
  admRegionUnstated: '（未标明区划）',
  rc_outcome_upheld: '申诉成立',
  rc_outcome_rejected: '申诉不成立',
  rc_outcome_satisfied: '满意',
  rc_outcome_unsatisfied: '不满意',
  rc_applicant: '申请人',
  feeSt_unpaid: '待缴费',
  feeSt_paid: '已缴费',
  feeSt_cancelled: '已撤销',
  feeSt_refunded: '已退费',
  cmSt_signed: '已承诺',
  cmSt_fulfilled: '已补交',
  cmSt_breached: '逾期未履行（违诺）',
};

const en: Record<keyof typeof zh, string> = {
  admRegionUnstated: '(No region stated)',
  rc_outcome_upheld: 'Appeal upheld',
  rc_outcome_rejected: 'Appeal not upheld',
  rc_outcome_satisfied: 'Satisfied',
  rc_outcome_unsatisfied: 'Not satisfied',
  rc_applicant: 'The applicant',
  feeSt_unpaid: 'To be paid',
  feeSt_paid: 'Paid',
  feeSt_cancelled: 'Cancelled',
  feeSt_refunded: 'Refunded',
  cmSt_signed: 'Promised',
  cmSt_fulfilled: 'Handed in',
  cmSt_breached: 'Not handed in on time (promise broken)',
};

export const codedLabels = { zh, en };
