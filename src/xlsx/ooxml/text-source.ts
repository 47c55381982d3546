/**
 * XML text handed to the scanner in pieces, so a large part never becomes one huge string: a
 * 60 MB sheet of Vietnamese text would be a 120 MB two-byte string, on top of its bytes.
 */
export interface TextSource {
  /** The next piece of text, or null at the end. */
  next(): string | null;
}

/** Bytes decoded one mebibyte at a time (parts smaller than that in one piece). */
export function decodedChunks(bytes: Uint8Array, chunkBytes = 1 << 20): TextSource {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  const decoder = new TextDecoder(encoding);
  let at = 0;
  return {
    next() {
      if (at >= bytes.length) return null;
      const end = Math.min(bytes.length, at + chunkBytes);
      const text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
      at = end;
      return text;
    },
  };
}

export function wholeText(text: string): TextSource {
  let given = false;
  return {
    next() {
      if (given) return null;
      given = true;
      return text;
    },
  };
}
