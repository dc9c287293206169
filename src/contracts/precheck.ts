/** 智能预审: whether the OCR engine is on, and the findings on each uploaded material file. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, Uuid } from './http.ts';

export const PRECHECK_SEVERITIES = ['error', 'warning', 'ok'] as const;
export const PRECHECK_STATUSES = ['pending', 'done', 'failed'] as const;

export const PrecheckState = Type.Object({
  enabled: Type.Boolean({ description: '本机 OCR 引擎可用且未关闭' }),
  engine: Nullable(Type.String({ description: '引擎及版本，如 tesseract 5.3.0' })),
  reason: Type.String({ description: '未启用的原因（中文）；启用时为空' }),
});
export type PrecheckState = Static<typeof PrecheckState>;

export const PrecheckFinding = Type.Object({
  severity: OneOf(PRECHECK_SEVERITIES, 'error：须改正；warning：请核对；ok：已核对无误'),
  kind: Type.String({ description: '发现的类别（供程序使用，不向人显示）' }),
  message: Type.String({ description: '一句中文说明；个人号码已隐去中间部分' }),
  params: Type.Record(Type.String(), Type.String(), { description: '说明中的取值（号码已隐去中间部分，日期为 YYYY-MM-DD），供界面按所选语言组句' }),
});
export type PrecheckFinding = Static<typeof PrecheckFinding>;

export const PrecheckFile = Type.Object({
  fileId: Uuid,
  fileName: Type.String(),
  status: OneOf(PRECHECK_STATUSES, 'pending：识别中；done：已预审；failed：无法预审（见 failure）'),
  failure: Nullable(Type.String()),
  pages: Type.Integer({ description: '识别的页数' }),
  checkedAt: Nullable(Type.String()),
  findings: Type.Array(PrecheckFinding),
});
export type PrecheckFile = Static<typeof PrecheckFile>;

export const PrecheckMaterial = Type.Object({
  material: Type.String(),
  name: Type.String(),
  problems: Type.Integer({ description: '须改正或核对的发现数' }),
  files: Type.Array(PrecheckFile),
});
export type PrecheckMaterial = Static<typeof PrecheckMaterial>;

export const PrecheckAnswer = Type.Object({
  state: PrecheckState,
  /** Some file is still being read: ask again shortly. */
  pending: Type.Boolean({ description: '仍有文件在识别中，稍后再查' }),
  materials: Type.Array(PrecheckMaterial, { description: '有上传文件的材料；按材料清单的顺序' }),
});
export type PrecheckAnswer = Static<typeof PrecheckAnswer>;

export const PrecheckQueued = Type.Object({ queued: Type.Integer({ description: '重新送去识别的文件数' }) });
export type PrecheckQueued = Static<typeof PrecheckQueued>;
