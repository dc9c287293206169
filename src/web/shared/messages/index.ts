/**
 * The one message catalogue: interface words, Chinese first, English second, kept per face so each
 * face's words sit together. Catalogue content (matter, item and material names, guide text) is data
 * and stays in Chinese; the interface marks it with lang="zh-CN".
 */
import { common } from './common.ts';
import { errors } from './errors.ts';
import { portal } from './portal.ts';
import { portalApply } from './portal-apply.ts';
import { portalCase } from './portal-case.ts';
import { windowShared } from './window-shared.ts';
import type { windowFace } from './window.ts';
import { precheck } from './precheck.ts';
import { offers } from './offers.ts';
import { consultations } from './consultations.ts';
import { formHints } from './form-hints.ts';
import { codedLabels } from './coded-labels.ts';
import type { staffFaces } from './staff-faces.ts';

export type Lang = 'zh' | 'en';

const zh = { ...errors.zh, ...common.zh, ...portal.zh, ...portalApply.zh, ...portalCase.zh, ...windowShared.zh, ...offers.zh, ...precheck.zh, ...consultations.zh, ...formHints.zh, ...codedLabels.zh };
const en = { ...errors.en, ...common.en, ...portal.en, ...portalApply.en, ...portalCase.en, ...windowShared.en, ...offers.en, ...precheck.en, ...consultations.en, ...formHints.en, ...codedLabels.en };

export type MessageKey = keyof typeof zh | keyof (typeof staffFaces)['zh'] | keyof (typeof windowFace)['zh'];

/** The window's, the workbench's and the admin console's words join when those faces load (window-face.ts, staff-faces.ts). */
export const messages = { zh, en } as unknown as Record<Lang, Record<MessageKey, string>>;

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
