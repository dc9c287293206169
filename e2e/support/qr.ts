/** Reads the QR code an <img> shows, as a phone camera would: its pixels from a canvas, decoded by jsQR. */
import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

export async function readQr(img: Locator): Promise<string | null> {
  const pixels = await img.evaluate(async (el) => {
    const image = el as HTMLImageElement;
    if (!image.complete) await new Promise((resolve) => image.addEventListener('load', resolve, { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    g.drawImage(image, 0, 0);
    const data = g.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}
