export type {
  CommitmentLetterData,
  CorrectionNoticeData,
  DocumentBase,
  MaterialStatus,
  ReceiptData,
  RejectionNoticeData,
  WindowInfo,
} from './types.ts';
export { renderReceipt } from './receipt.ts';
export { renderCommitmentLetter, STANDARD_COMMITMENT } from './commitment-letter.ts';
export { REMEDY_TEXT, renderRejectionNotice } from './rejection-notice.ts';
export { renderCorrectionNotice } from './correction-notice.ts';
export { renderChecklist, type ChecklistData } from './checklist.ts';
export { decisionTitle, renderCertificate, renderDecisionLetter, type CertificateData, type DecisionLetterData } from './results.ts';
