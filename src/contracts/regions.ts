/** 属地管辖 shapes: the window that took an application in, a guide for one region, metrics per region. */
import { Type, type Static } from 'typebox';
import { Named } from './http.ts';

/** 收件窗口: the window (of a department, in a region) that took the application in; null for an online one not yet accepted. */
export const Intake = Type.Union([Type.Object({
  window: Type.String({ description: '收件窗口名称' }),
  department: Named,
  region: Type.Union([Type.Object({ code: Type.String(), name: Type.String(), fullName: Type.String({ description: '连同上级的名称' }) }), Type.Null()]),
}), Type.Null()]);
export type Intake = Static<typeof Intake>;

const RegionCode = Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: '行政区划代码（GB/T 2260，乡镇 9 位）' });
const RegionRef = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() });

/** 办理地: the region whose 实施清单 a guide, plan or checklist follows. */
export const RegionQuery = Type.Object({ region: Type.Optional(RegionCode) }, { additionalProperties: false });

/** One item as handled in the chosen region: implementing department, its region, windows, promised and legal limits. */
export const ItemHandlingDoc = Type.Object({
  item: Type.String(),
  department: Named,
  region: Type.Union([RegionRef, Type.Null()], { description: '实施部门所在行政区划' }),
  windows: Type.Array(Type.Object({ name: Type.String(), address: Type.String(), phone: Type.String(), hours: Type.String() })),
  timeLimit: Type.Object({ promised: Type.Number({ description: '承诺时限（工作日）' }), legal: Type.Number({ description: '法定时限（工作日）' }) }),
  implementedIn: Type.Union([RegionRef, Type.Null()], { description: '适用其实施清单的行政区划；null 为事项的默认实施' }),
});
/** The guide's 办理地 part: the chosen region (null: each item's default) and each item as handled there. */
export const GuidePlace = Type.Object({
  region: Type.Union([Type.Object({ code: Type.String(), name: Type.String(), level: Type.String(), fullName: Type.String() }), Type.Null()]),
  handling: Type.Array(ItemHandlingDoc),
});
export type GuidePlace = Static<typeof GuidePlace>;

const Counts = Type.Object({ cases: Type.Integer({ description: '已提交的办件' }), accepted: Type.Integer({ description: '已受理的办件' }) });
/** 辖区汇总: each region's own cases and its total with every region below it. */
export const RegionMetricsAnswer = Type.Object({
  regions: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), level: Type.String(), parent: Type.Union([Type.String(), Type.Null()]), fullName: Type.String(),
    own: Counts, total: Counts,
  })),
  /** Cases whose region is not known (no address, none chosen): counted in no region. */
  unknown: Counts,
});
