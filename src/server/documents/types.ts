/**
 * Input data for the three documents a comprehensive window (综合窗口) issues at
 * acceptance (GB/T 45836-2025, 7.3): 受理凭证, 告知承诺书, 补正材料通知书 and 不予受理通知书.
 *
 * Dates are plain `YYYY-MM-DD` strings (Beijing time); `acceptedAt` is an ISO
 * datetime and is printed in Asia/Shanghai time.
 */

export interface WindowInfo {
  /** e.g. 示例市政务服务中心综合受理窗口（3号） */
  name: string;
  address: string;
  phone: string;
  /** e.g. 周一至周五 9:00—12:00，13:30—17:00（法定节假日除外） */
  hours: string;
}

export interface DocumentBase {
  caseNumber: string;
  /** The “一件事” being handled, e.g. 新生儿出生“一件事”. */
  matterName: string;
  applicantName: string;
  /** Already masked identity document number, e.g. 110101********1234. */
  applicantIdMasked?: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** The service centre, e.g. 示例市政务服务中心. */
  issuer: string;
  /** The window clerk who accepted the case. */
  clerk: string;
  window: WindowInfo;
}

export type MaterialStatus = '已提交' | '免提交' | '容缺后补';

export interface ReceiptData extends DocumentBase {
  /** ISO datetime */
  acceptedAt: string;
  /** Encoded in the QR code: the public progress page with the number and the query code. */
  progressUrl: string;
  /** The query code for the public progress page, printed beside the case number. */
  progressCode?: string;
  items: { name: string; department: string; promisedDays: number; dueDate: string; provisional?: boolean }[];
  materials: { name: string; copies: number; form: string; status: MaterialStatus; note?: string }[];
  /** Promised completion date of the whole matter, YYYY-MM-DD. */
  dueDate: string;
  /** The due date crosses a year without official holiday data: printed with （暂定）. */
  provisional?: boolean;
}

export interface CommitmentLetterData extends DocumentBase {
  missing: { name: string; deadline: string; note?: string }[];
  /** Replaces the standard wording of the applicant's commitment. */
  commitmentText?: string;
}

export interface CorrectionNoticeData extends DocumentBase {
  /** The day the application was received, YYYY-MM-DD. */
  receivedOn: string;
  items: { subject: string /* a material or field */; problem: string; correction: string }[];
  /** The day to supply by, if the window set one. */
  deadline?: string;
}

export interface RejectionNoticeData extends DocumentBase {
  /** Why, in a phrase: 申请事项不属于本中心受理范围 or 申请人不具备申请资格. */
  ground: string;
  /** The clerk's sentence. */
  reason: string;
  /** Where to apply instead, for a matter outside the remit (行政许可法 §32 (二)). */
  referral?: string;
  legalBasis: string[];
}
