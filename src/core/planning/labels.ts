/** A planned material's codes in words, the same on every face: the portal, the window, the admin console, the PDFs and the command line. */
import type { ExemptionKind, Material } from '../catalog/types.ts';

export const MATERIAL_FORM_TEXT: Record<Material['form'], string> = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' };
export const MATERIAL_MEDIUM_TEXT: Record<Material['medium'], string> = { paper: '纸质', electronic: '电子', either: '纸质或电子均可' };
export const EXEMPTION_TEXT: Record<ExemptionKind, string> = { license: '电子证照', 'result-of-item': '前序事项结果', 'shared-data': '数据共享', commitment: '告知承诺' };
