// Saves text the engine produced (a report, a CSV) as a file the browser or Electron downloads. Nothing leaves
// the machine: the Blob lives in the page and the object URL is revoked once the download has started.
// Content may come in parts (the event grid's export, a chunk per part): a Blob joins them without one
// giant string.
export function downloadFile(filename: string, mime: string, content: string | readonly string[]): void {
  const parts = typeof content === 'string' ? [content] : [...content];
  const blob = new Blob(parts, { type: mime || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking synchronously can cancel the download in Chromium; a later tick is enough.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
