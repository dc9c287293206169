/** 智能预审 (migration 020): the OCR reading of each uploaded material file and its findings. */
export interface PrecheckTable {
  /** The case_files row read. */
  file_id: string;
  case_id: string;
  material_id: string;
  /** pending → done, or failed (the engine stopped, timed out, or could not open the file). */
  status: 'pending' | 'done' | 'failed';
  /** The extraction (src/core/precheck) as JSON, SM4-sealed by the field cipher; null until done. */
  reading_enc: string | null;
  /** Findings when read, as JSON (numbers masked); the routes judge again against the form as it is now. */
  findings: string;
  /** Why it failed, in Chinese. */
  failure: string | null;
  pages: number;
  created_at: string;
  finished_at: string | null;
}
