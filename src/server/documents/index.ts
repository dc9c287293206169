export type {
  CommitmentLetterData,
  DocumentBase,
  MaterialStatus,
  ReceiptData,
  RejectionNoticeData,
  WindowInfo,
} from './types.ts';
export { renderReceipt } from './receipt.ts';
export { renderCommitmentLetter, STANDARD_COMMITMENT } from './commitment-letter.ts';
export { renderRejectionNotice } from './rejection-notice.ts';
export { renderChecklist, type ChecklistData } from './checklist.ts';
export { decisionTitle, renderCertificate, renderDecisionLetter, type CertificateData, type DecisionLetterData } from './results.ts';
