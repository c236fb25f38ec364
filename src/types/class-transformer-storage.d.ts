/** class-transformer ships this module without types; its storage's type is in `types/`. */
declare module 'class-transformer/cjs/storage' {
  export const defaultMetadataStorage: unknown;
}
