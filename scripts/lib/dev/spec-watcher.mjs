// Watch one file for saves. fs.watch on the directory, not the file: editors that save by
// writing a temporary file and renaming it over the original (vim, JetBrains, many others)
// replace the inode, and a watch on the file itself would go deaf after the first save.
import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/**
 * Calls onSave() once per burst of events on `file` (debounced), when the file exists.
 * onMissing() is called when the file disappeared (deleted, or mid-rename for too long).
 * Returns { close() }.
 */
export function watchFile(file, { onSave, onMissing = () => {}, debounceMs = 60 }) {
  const name = basename(file);
  let timer = null;
  let closed = false;

  const fire = async (attempt = 0) => {
    timer = null;
    if (closed) return;
    const exists = await stat(file).then((s) => s.isFile(), () => false);
    if (closed) return;
    if (exists) onSave();
    else if (attempt < 5) timer = setTimeout(() => fire(attempt + 1), 40); // a rename-on-save in flight
    else onMissing();
  };

  const watcher = watch(dirname(file), { persistent: true }, (_event, filename) => {
    // filename can be null on some platforms: then any event in the directory counts.
    if (filename && filename.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  });
  watcher.on('error', () => {}); // the directory went away; nothing sensible to do but wait

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
