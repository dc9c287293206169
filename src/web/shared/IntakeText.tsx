/** 收件窗口: the window that took the application in, with its region, by name (catalogue data, so lang="zh-CN"). */
import type { Intake } from '../../contracts/regions.ts';

export function IntakeName({ intake }: { intake: NonNullable<Intake> }) {
  return <span lang="zh-CN">{intake.window}{intake.region ? `（${intake.region.fullName}）` : ''}</span>;
}
