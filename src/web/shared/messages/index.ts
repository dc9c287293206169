/**
 * The one message catalogue: interface words, Chinese first, English second, kept per face so each
 * face's words sit together. Catalogue content (matter, item and material names, guide text) is data
 * and stays in Chinese; the interface marks it with lang="zh-CN".
 */
import { admin } from './admin.ts';
import { common } from './common.ts';
import { portal } from './portal.ts';
import { windowFace } from './window.ts';
import { workbench } from './workbench.ts';

export type Lang = 'zh' | 'en';

const zh = { ...common.zh, ...portal.zh, ...windowFace.zh, ...workbench.zh, ...admin.zh };
const en = { ...common.en, ...portal.en, ...windowFace.en, ...workbench.en, ...admin.en };

export type MessageKey = keyof typeof zh;

export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Fills `{name}` placeholders. */
export function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
