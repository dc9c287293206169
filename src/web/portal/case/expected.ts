/** The day a just-submitted case is expected to be done, from the plan's promised limit (Asia/Shanghai days). */
import { dueDateWithPeriods, isProvisional, receiptDay, type Calendar } from '../../../core/calendar/workdays.ts';

/**
 * The promised limit counted from the day it was received (the window accepts from then on): an
 * estimate until acceptance, which fixes each item's own due date.
 */
export function expectedDay(cal: Calendar, submittedOn: string, workingDays: number, calendarDays = 0): { day: string; provisional: boolean } {
  const from = receiptDay(cal, submittedOn);
  const day = dueDateWithPeriods(cal, from, workingDays, calendarDays);
  return { day, provisional: isProvisional(cal, from, day) };
}
