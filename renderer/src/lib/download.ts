/**
 * Saves bytes the core produced (a CSV export) as a file through the browser's own download: a Blob
 * URL on an `<a download>`. Nothing leaves the machine; the page's CSP governs what it loads and
 * connects to, not downloads, and Electron hands the download to its save dialog.
 */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the download has taken the data, not before.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
