/**
 * The one message catalogue: interface words, Chinese first, English second, kept per face so each
 * face's words sit together. Catalogue content (matter, item and material names, guide text) is data
 * and stays in Chinese; the interface marks it with lang="zh-CN".
 */
import { admin } from './admin.ts';
import { common } from './common.ts';
import { errors } from './errors.ts';
import { portal } from './portal.ts';
import { portalApply } from './portal-apply.ts';
import { portalCase } from './portal-case.ts';
import { windowFace } from './window.ts';
import { workbench } from './workbench.ts';
import { precheck } from './precheck.ts';
import { offers } from './offers.ts';
import { adminForms } from './admin-forms.ts';
import { consultations } from './consultations.ts';
import { formHints } from './form-hints.ts';
import { codedLabels } from './coded-labels.ts';

export type Lang = 'zh' | 'en';

const zh = { ...errors.zh, ...common.zh, ...portal.zh, ...portalApply.zh, ...portalCase.zh, ...windowFace.zh, ...workbench.zh, ...admin.zh, ...offers.zh, ...precheck.zh, ...adminForms.zh, ...consultations.zh, ...formHints.zh, ...codedLabels.zh };
const en = { ...errors.en, ...common.en, ...portal.en, ...portalApply.en, ...portalCase.en, ...windowFace.en, ...workbench.en, ...admin.en, ...offers.en, ...precheck.en, ...adminForms.en, ...consultations.en, ...formHints.en, ...codedLabels.en };

export type MessageKey = keyof typeof zh;

export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The language the person chose, for code outside React (the API layer's error words); set by PrefsProvider. */
let active: Lang = 'zh';
export const activeLang = (): Lang => active;
export function setActiveLang(lang: Lang): void {
  active = lang;
}

/** Fills `{name}` placeholders. */
export function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
