/**
 * The words of the workbench and the admin console, which load only when opened: importing this
 * module (their entry modules do) adds them to the catalogue, so they stay out of the portal's first
 * screen. Their keys are in MessageKey all the same (index.ts reads their types).
 */
import { admin } from './admin.ts';
import { adminForms } from './admin-forms.ts';
import { messages } from './index.ts';
import { workbench } from './workbench.ts';

export const staffFaces = {
  zh: { ...workbench.zh, ...admin.zh, ...adminForms.zh },
  en: { ...workbench.en, ...admin.en, ...adminForms.en },
};

Object.assign(messages.zh, staffFaces.zh);
Object.assign(messages.en, staffFaces.en);
