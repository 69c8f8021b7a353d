/** Saves text as a file through a temporary object URL: no download permission needed. */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns in Chromium; Firefox needs the URL a moment longer.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
