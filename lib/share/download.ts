/**
 * Saves files through the browser's download, one per file, keeping their names. Object URLs
 * are released after the browser has had time to start each download.
 */
export function downloadFiles(files: readonly File[]): void {
  for (const file of files) {
    const url = URL.createObjectURL(file);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
