#!/usr/bin/env node
// Writes a Windows-1258 ("ANSI" Vietnamese) copy of a UTF-8 corpus text, the way Windows encodes
// Vietnamese: a letter the code page has precomposed is one byte (à, á, â, ê, ô, ơ, ư, đ …); any other
// toned letter is its base letter followed by a combining tone mark. Used to make the derived variant
// test/fixtures/real/*-cp1258.txt (see test/fixtures/real/SOURCES.md).
//   node scripts/derive-cp1258.js SOURCE.txt OUT.txt
const fs = require('node:fs');
const { TextDecoder } = require('node:util');

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const decoder = new TextDecoder('windows-1258');
const byteOf = new Map();
for (let b = 0; b < 256; b++) {
  const ch = decoder.decode(Uint8Array.of(b));
  if (ch !== '\ufffd' && !byteOf.has(ch)) byteOf.set(ch, b);
}

function encode(text) {
  const out = [];
  for (const ch of text.normalize('NFC')) {
    if (byteOf.has(ch)) {
      out.push(byteOf.get(ch));
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const base = parts
      .filter((c) => !TONES.has(c))
      .join('')
      .normalize('NFC');
    const marks = parts.filter((c) => TONES.has(c));
    for (const c of [base, ...marks]) {
      if (!byteOf.has(c)) throw new Error(`no Windows-1258 form for ${JSON.stringify(ch)}`);
      out.push(byteOf.get(c));
    }
  }
  return Buffer.from(out);
}

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: node scripts/derive-cp1258.js SOURCE.txt OUT.txt');
  process.exit(2);
}
fs.writeFileSync(target, encode(fs.readFileSync(source, 'utf8')));
