import { ImageStorage } from '../repositories/image-storage';

export interface ImageCopyReport {
  /** Keys written to the target. */
  copied: string[];
  /** Keys the target held already (left as they are: a key's bytes never change). */
  present: string[];
  /** Keys in use that the source does not hold either: those pictures are broken wherever they are. */
  missing: string[];
}

/**
 * Copies the bytes of `keys` from one image storage to another, for a switch of IMAGE_STORAGE.
 * Rerunnable: what the target already holds is skipped, so an interrupted copy is simply run again.
 */
export async function copyImages(keys: readonly string[], from: ImageStorage, to: ImageStorage): Promise<ImageCopyReport> {
  const report: ImageCopyReport = { copied: [], present: [], missing: [] };
  for (const key of keys) {
    if (await to.get(key)) {
      report.present.push(key);
      continue;
    }
    const bytes = await from.get(key);
    if (!bytes) {
      report.missing.push(key);
      continue;
    }
    await to.put(key, bytes);
    report.copied.push(key);
  }
  return report;
}
