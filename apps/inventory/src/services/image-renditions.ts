import sharp from 'sharp';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { ImageFormat, imageDimensionProblems, IMAGE_MAX_PIXELS, RENDITION_WIDTHS, RenditionName, sniffImageFormat } from '../domain/image-rules';

export interface Rendition {
  bytes: Buffer;
  width: number;
  height: number;
}

export interface RenderedImage {
  /** The upload's size after EXIF orientation. */
  width: number;
  height: number;
  renditions: Record<RenditionName, Rendition>;
}

const FORMAT_NAMES: Record<ImageFormat, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP' };

function invalid(message: string): InventoryError {
  return new InventoryError(InventoryErrorCode.InvalidImage, message);
}

/**
 * Checks that the bytes are a whole JPEG, PNG or WebP of sane size, by content: the magic bytes
 * and sharp's header decode must agree, and the full decode must not hit a truncated file. Then
 * makes the WebP renditions (EXIF orientation applied, no upscaling, metadata stripped: sharp
 * writes none unless asked). Every refusal is an InvalidImage naming the `image` field.
 */
export async function renderImage(bytes: Buffer): Promise<RenderedImage> {
  const sniffed = sniffImageFormat(bytes);
  if (!sniffed) throw invalid('image must be a JPEG, PNG or WebP picture; the file content is none of these');
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw invalid(`image starts like a ${FORMAT_NAMES[sniffed]} but cannot be read as one`);
  }
  if (metadata.format !== sniffed) throw invalid(`image starts like a ${FORMAT_NAMES[sniffed]} but decodes as ${metadata.format ?? 'nothing'}`);
  const problems = imageDimensionProblems(metadata.width, metadata.height);
  if (problems.length > 0) throw invalid(problems.join('; '));

  const source = sharp(bytes, { failOn: 'truncated', limitInputPixels: IMAGE_MAX_PIXELS }).rotate();
  try {
    const entries = await Promise.all(
      (Object.keys(RENDITION_WIDTHS) as RenditionName[]).map(async (name) => {
        const { data, info } = await source
          .clone()
          .resize({ width: RENDITION_WIDTHS[name], withoutEnlargement: true })
          .webp({ quality: name === 'thumb' ? 75 : 82, effort: 4 })
          .toBuffer({ resolveWithObject: true });
        return [name, { bytes: data, width: info.width, height: info.height }] as const;
      }),
    );
    const renditions = Object.fromEntries(entries) as Record<RenditionName, Rendition>;
    const swapped = (metadata.orientation ?? 1) >= 5; // orientations 5-8 turn the picture a quarter
    return { width: swapped ? metadata.height! : metadata.width!, height: swapped ? metadata.width! : metadata.height!, renditions };
  } catch {
    throw invalid(`image is a damaged or truncated ${FORMAT_NAMES[sniffed]}`);
  }
}
