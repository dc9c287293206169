/** For tests: the simulation's form filler and sample PDF (production code imports them from src/server/simulate/fill.ts), and multipart bodies for uploads. */
export { fillForm, luhnComplete, SAMPLE_PDF } from '../simulate/fill.ts';

export function multipart(field: string, filename: string, mime: string, data: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----onething${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
