/** 智能预审: reading OCR text of a material and judging it against the form and the review points. */
export * from './extract.ts';
export * from './compare.ts';
