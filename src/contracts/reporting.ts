/** Reporting upward (clauses 8.1, 6.4.2 b): 办件 and 好差评 records for incremental pulls, and period reports. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from './http.ts';

/** Times are ISO 8601 instants with a zone; checked by the server, which names the bad one. */
export const IncrementalQuery = Type.Object({
  since: Type.String({ description: '起始时刻（含），ISO 8601 带时区，如 2025-10-01T00:00:00+08:00' }),
  until: Type.Optional(Type.String({ description: '截止时刻（不含），默认为当前时刻' })),
  // Query strings are not coerced: the server reads the digits itself.
  limit: Type.Optional(Type.String({ pattern: '^\\d+$', description: '本次最多返回的日志事件数（1–5000），默认 1000' })),
});
export type IncrementalQuery = Static<typeof IncrementalQuery>;

export const ReportField = Type.Object({ key: Type.String(), name: Type.String({ description: '国家标准字段名称' }) });

export const StageRecord = Type.Object({
  seq: Type.Integer({ description: '办件日志序号' }),
  caseNumber: Type.String({ description: '办件编号' }), matterName: Type.String({ description: '一件事名称' }),
  itemId: Type.String(), itemName: Type.String({ description: '事项名称' }),
  itemCodeMain: Nullable(Type.String({ description: '事项编码（主项）' })), itemCodeSub: Nullable(Type.String({ description: '事项编码（子项）' })),
  department: Type.String({ description: '实施机构' }), departmentCode: Type.String(), regionCode: Nullable(Type.String({ description: '区划代码' })),
  applicantType: Type.String({ description: '申请人类型' }), applicantName: Type.String({ description: '申请人名称' }),
  applicantIdMasked: Nullable(Type.String({ description: '申请人证件号码（脱敏）' })), channel: Type.String({ description: '申报渠道' }),
  stage: Type.String({ description: '办件环节：受理、补正、特别程序、办结' }), step: Type.String({ description: '环节名称' }),
  time: Type.String({ description: '环节时间（+08:00）' }), handler: Nullable(Type.String({ description: '办理人' })),
  promisedDays: Type.Integer({ description: '承诺时限（工作日）' }), dueDate: Nullable(Type.String({ description: '办理期限' })),
  overdue: Nullable(Type.Boolean({ description: '是否超期' })), note: Nullable(Type.String({ description: '办理意见' })),
});

export const RatingRecord = Type.Object({
  ratingId: Type.String({ description: '评价编号' }), caseNumber: Type.String({ description: '办件编号' }), matterName: Type.String({ description: '事项名称' }),
  department: Type.String({ description: '责任部门' }), channel: Type.String({ description: '评价渠道' }), event: Type.String({ description: '评价环节' }),
  level: Type.Integer({ minimum: 1, maximum: 5, description: '评价分值' }), levelName: Type.String({ description: '评价等级' }),
  tags: Type.String({ description: '评价标签' }), comment: Type.String({ description: '评价内容（号码已脱敏）' }), time: Type.String({ description: '评价时间（+08:00）' }),
  servedBy: Nullable(Type.String({ description: '被评价人' })), valid: Type.Boolean({ description: '是否有效（未被替换、未经申诉撤销）' }),
  rectification: Type.String({ description: '整改情况' }), rectificationReply: Nullable(Type.String()), rectifiedAt: Nullable(Type.String()),
});

const incremental = <T extends typeof StageRecord | typeof RatingRecord>(record: T) => Type.Object({
  since: Type.String(), until: Type.String(),
  next: Type.String({ description: '下次拉取的 since：不早于它的记录本次都没有返回' }),
  complete: Type.Boolean({ description: '为 false 时本次已达 limit，应以 next 继续拉取' }),
  fields: Type.Array(ReportField), records: Type.Array(record),
});
export const StageRecordsAnswer = incremental(StageRecord);
export type StageRecordsAnswer = Static<typeof StageRecordsAnswer>;
export const RatingRecordsAnswer = incremental(RatingRecord);
export type RatingRecordsAnswer = Static<typeof RatingRecordsAnswer>;

export const REPORT_GROUPINGS = ['matter', 'region', 'department'] as const;
export const PeriodQuery = Type.Object({
  from: Type.String({ description: '起始日期（含），YYYY-MM-DD，北京时间' }),
  to: Type.String({ description: '截止日期（不含），YYYY-MM-DD' }),
  by: OneOf([...REPORT_GROUPINGS], '分组：matter 按一件事，region 按区划（含下级），department 按部门'),
});
export type PeriodQuery = Static<typeof PeriodQuery>;

export const PeriodRow = Type.Object({
  key: Type.String(), name: Type.String(), parent: Nullable(Type.String()),
  label: Nullable(OneOf(['total', 'region-unstated'] as const, '平台自拟名称的行：total 合计，region-unstated 未标明区划；其余为 null，name 为目录中的名称')),
  accepted: Type.Integer({ description: '受理件数' }), completed: Type.Integer({ description: '办结件数' }),
  onTime: Type.Integer({ description: '按期办结件数' }), overdue: Type.Integer({ description: '超期办结件数' }),
  onTimeRate: Nullable(Type.Number({ description: '按期办结率' })), overdueRate: Nullable(Type.Number({ description: '超期率' })),
  averageDays: Nullable(Type.Number({ description: '平均办理时长（工作日）' })),
  ratings: Type.Integer({ description: '评价数' }), byLevel: Type.Record(Type.String(), Type.Integer(), { description: '各等级评价数，键为分值 1–5' }),
  satisfactionRate: Nullable(Type.Number({ description: '满意率（基本满意及以上）' })), rectificationRate: Nullable(Type.Number({ description: '差评整改率' })),
});
export type PeriodRow = Static<typeof PeriodRow>;

export const PeriodAnswer = Type.Object({
  from: Type.String(), to: Type.String(), by: OneOf([...REPORT_GROUPINGS]),
  fields: Type.Array(ReportField), rows: Type.Array(PeriodRow), total: PeriodRow,
});
export type PeriodAnswer = Static<typeof PeriodAnswer>;
