/** The largest picture a PNG export draws: big canvases fail or exhaust memory, and the harness takes 16 MB. */
const MAX_PIXELS = 24_000_000;
const MAX_SIDE = 16_000;

/** The scale at which a drawing of this size becomes the PNG: twice the screen's, less for a very large one. */
export function pngScale(width: number, height: number): number {
  const byArea = Math.sqrt(MAX_PIXELS / Math.max(1, width * height));
  const bySide = MAX_SIDE / Math.max(1, width, height);
  return Math.min(2, byArea, bySide);
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a large array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Rasterises an SVG document into PNG bytes, base64, in the page (no network, no extra process). */
export async function svgToPngBase64(svg: string, width: number, height: number): Promise<string> {
  const scale = pngScale(width, height);
  const image = new Image();
  image.decoding = 'async';
  // A data: URL, which the Content-Security-Policy allows for images (blob: it does not).
  image.src = `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window cannot draw a PNG (no 2D canvas).');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}
