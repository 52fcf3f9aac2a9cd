// class-transformer ships its declarations under types/, apart from the CommonJS build, so the
// deep import of its metadata storage (the same singleton `@Type()` writes to) needs this bridge.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
