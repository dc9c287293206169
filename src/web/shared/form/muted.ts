/**
 * Secondary text dark enough to read (about 5.7:1 on white, WCAG AA); Ant Design's own secondary
 * grey is lighter than that. Errors likewise in a darker red.
 */
import type { CSSProperties } from 'react';

export const MUTED: CSSProperties = { color: 'rgba(0, 0, 0, 0.65)' };
export const ERROR_TEXT: CSSProperties = { color: '#cf1322' };
