// Copies the bytes of every product image in use from one image storage to another, before or
// after switching IMAGE_STORAGE (nothing is copied by the switch itself):
//   npm run images:copy -- --from disk --to postgres     (development database; DB_NAME for another)
// Both storages are configured from the environment as the service is (IMAGE_STORAGE_DIR,
// IMAGE_S3_*). Rerunnable: keys the target holds already are skipped.
import 'dotenv/config';
import 'reflect-metadata';
import { cliFailure } from '@galley/config';
import { parseImageCopyArguments, runImageCopy } from './image-copy.command';

async function main(): Promise<void> {
  const args = parseImageCopyArguments(process.argv.slice(2));
  if (!args) return;
  const report = await runImageCopy(args, process.env);
  console.log(`images:copy ${args.from} -> ${args.to}: ${report.copied.length} copied, ${report.present.length} already there, ${report.missing.length} missing in ${args.from}`);
  for (const key of report.missing) console.log(`missing: ${key}`);
}

main().catch((error: unknown) => {
  const failure = cliFailure('images:copy', error);
  console.error(failure.message);
  process.exit(failure.code);
});
