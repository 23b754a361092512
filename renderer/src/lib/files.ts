/**
 * Turns what the analyst picked or dropped into `documents:import` files. A file from a folder keeps
 * its path relative to that folder as its name, so a sidecar `x.json` pairs with `x.txt` in the same
 * folder and the report names files the way the analyst sees them.
 */
export interface PickedFile {
  name: string;
  file: File;
}

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.json'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export function isAccepted(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Files from an `<input type=file>`; folder pickers set `webkitRelativePath`. */
export function fromFileList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** Files from a drop, walking into dropped folders. */
export async function fromDataTransfer(data: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(data.items)) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return fromFileList(data.files);
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (isFileEntry(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    out.push({ name: entry.fullPath.replace(/^\//, '') || file.name, file });
    return;
  }
  if (isDirectoryEntry(entry)) {
    const reader = entry.createReader();
    // readEntries answers in batches; an empty batch means the folder is done.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}

const isFileEntry = (e: FileSystemEntry): e is FileSystemFileEntry => e.isFile;
const isDirectoryEntry = (e: FileSystemEntry): e is FileSystemDirectoryEntry => e.isDirectory;

/** Reads the picked files into bytes for the core, which decodes them (it detects the encoding). */
export async function readFiles(files: readonly PickedFile[]): Promise<{ name: string; data: Uint8Array<ArrayBuffer> }[]> {
  return Promise.all(files.map(async ({ name, file }) => ({ name, data: new Uint8Array(await file.arrayBuffer()) })));
}
