/**
 * How many pixels of a PNG screenshot are the marks' amber underline (#c98a12, entrypoints/
 * marks.content.css), within a tolerance for anti-aliasing. Runs inside a browser page (pass it to
 * Playwright's or puppeteer's `evaluate` with the PNG as base64), so that Chromium or Firefox
 * decodes the image and no image library is needed. Self-contained: `evaluate` sends its source.
 */
export async function countAmberPixels(base64: string): Promise<number> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = new OffscreenCanvas(image.width, image.height);
  const draw = canvas.getContext('2d')!;
  draw.drawImage(image, 0, 0);
  const { data } = draw.getImageData(0, 0, image.width, image.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.abs(r - 0xc9) < 40 && Math.abs(g - 0x8a) < 40 && b < 90) count++;
  }
  return count;
}

/**
 * How many pixels of a PNG screenshot are the marks' soft background (rgba(236, 178, 46, 0.22),
 * entrypoints/marks.content.css) over a white page: (251, 238, 209), within ±10 for rounding.
 * Runs inside a browser page, like countAmberPixels; self-contained for the same reason.
 */
export async function countTintPixels(base64: string): Promise<number> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = new OffscreenCanvas(image.width, image.height);
  const draw = canvas.getContext('2d')!;
  draw.drawImage(image, 0, 0);
  const { data } = draw.getImageData(0, 0, image.width, image.height);
  const tint = [255 * 0.78 + 236 * 0.22, 255 * 0.78 + 178 * 0.22, 255 * 0.78 + 46 * 0.22];
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (tint.every((channel, c) => Math.abs(data[i + c]! - channel) <= 10)) count++;
  }
  return count;
}
