// Turns a drop into a flat list of files, walking into dropped folders. A DataTransfer is only readable
// during the drop event, so the entries are taken synchronously first and walked afterwards.

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries hands out a folder's entries in batches (100 in Chromium) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) out.push(await fileOf(entry as FileSystemFileEntry));
  else if (entry.isDirectory) {
    for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

/** Call synchronously inside the drop handler; the returned promise resolves to every file, folders expanded. */
export function collectDroppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e != null);
  if (entries.length === 0) return Promise.resolve(Array.from(data.files));
  return (async () => {
    const files: File[] = [];
    for (const entry of entries) await walk(entry, files);
    return files;
  })();
}

/** The desktop app's drop: each dropped file or folder as the path the preload resolves it to. */
export function droppedPaths(data: DataTransfer, pathForFile: (file: File) => string): string[] {
  return Array.from(data.files)
    .map((f) => pathForFile(f))
    .filter((p) => p.length > 0);
}
