/** Words for the plan's codes, shared by the apply pages. */

/** The guide's parts the apply pages read. */
export interface WindowInfo { name: string; address: string; phone: string; hours: string }
export interface GuideInfo {
  id: string;
  name: string;
  summary: string;
  hours: string;
  contacts: { name: string; phone: string }[];
  windows: { code: string; name: string; window?: WindowInfo }[];
  timeLimit: { promisedWorkingDays: number; legalWorkingDays: number; note: string | null };
}
