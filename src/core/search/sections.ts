/** The parts of a published guide a question can be answered from: their names and the guide page's anchors. */
import type { SectionKey } from './ask.ts';

export const SECTION_NAMES: Readonly<Record<SectionKey, string>> = {
  summary: '事项简介',
  conditions: '办理条件',
  materials: '申请材料',
  timeLimit: '办理时限',
  fees: '收费标准',
  windows: '办理窗口',
  hours: '办公时间',
  process: '办理流程',
  items: '涉及事项',
  faq: '常见问题',
};

/** Element ids on the guide page (`/matters/:id#…`). */
export const SECTION_ANCHORS: Readonly<Record<SectionKey, string>> = {
  summary: 'guide-title',
  conditions: 'section-conditions',
  materials: 'section-materials',
  timeLimit: 'section-time-limit',
  fees: 'section-items',
  windows: 'section-windows',
  hours: 'section-hours',
  process: 'section-process',
  items: 'section-items',
  faq: 'section-faq',
};
