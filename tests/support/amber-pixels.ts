/**
 * How many pixels of a PNG screenshot are a mark's colour, within a tolerance for anti-aliasing
 * and rounding: `underline`, the dotted underline's amber (#c98a12); `tint`, the soft background
 * (rgba(236, 178, 46, 0.22), entrypoints/marks.content.css) over a white page, (251, 238, 209)
 * ± 10. Runs inside a browser page (pass it to Playwright's or puppeteer's `evaluate` with the PNG
 * as base64), so that Chromium or Firefox decodes the image and no image library is needed.
 * Self-contained: `evaluate` sends its source.
 */
export async function countMarkPixels({
  base64,
  colour,
}: {
  base64: string;
  colour: 'underline' | 'tint';
}): Promise<number> {
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
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (colour === 'underline') {
      if (Math.abs(r - 0xc9) < 40 && Math.abs(g - 0x8a) < 40 && b < 90) count++;
    } else if (tint.every((channel, c) => Math.abs(data[i + c]! - channel) <= 10)) count++;
  }
  return count;
}
