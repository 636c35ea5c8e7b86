/**
 * `qrcode`'s symbol encoder on its own. The package's entry also loads its PNG, terminal and
 * UTF-8 renderers, ~100 ms per card thread that the posters never use; @types/qrcode types the
 * entry only, and the encoder's `create` is the same function.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
