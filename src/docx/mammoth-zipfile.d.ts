/** mammoth's package reader (lib/zipfile.js ships without types). */
declare module 'mammoth/lib/zipfile' {
  interface DocxPackage {
    exists(path: string): boolean;
    read(path: string, encoding: 'utf-8'): Promise<string>;
  }
  export function openArrayBuffer(data: ArrayBuffer | Uint8Array): Promise<DocxPackage>;
}
