import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../../contracts/errors.ts';
import { messages } from './index.ts';

// Every code the server can answer with needs its own English sentence: without one, a person in English
// mode would only see the generic "Something went wrong" for it.
describe('English for every error code', () => {
  const en = messages.en as Record<string, string>;
  const codes = Object.keys(ERRORS);

  it.each(codes)('has an English sentence of its own for %s', (code) => {
    const text = en[`error_${code}`];
    expect(text, `error_${code} missing in messages/errors.ts`).toBeTypeOf('string');
    expect(text).not.toMatch(/[\u3400-\u9fff]/);
    expect(text).not.toBe(en.error_generic);
  });

  it('keeps the generic fallback the sentence the faces promise', () => {
    expect(en.error_generic).toBe('Something went wrong. Please try again, or ask at the window.');
  });
});
