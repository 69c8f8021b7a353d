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
