/**
 * Recognises common non-text files by their first bytes, so that a PDF or a photo renamed `.txt` is
 * refused with its real name ("a PNG image") instead of a vague "not text". Checked before anything
 * else: a small PDF can be pure ASCII and would otherwise pass as valid UTF-8.
 */

interface Signature {
  /** What the file is, as the message says it: "This looks like <name>, not text." */
  name: string;
  offset: number;
  bytes: readonly number[];
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { name: 'a PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', offset: 0, bytes: ascii('GIF87a') },
  { name: 'a GIF image', offset: 0, bytes: ascii('GIF89a') },
  { name: 'a WebP image', offset: 8, bytes: ascii('WEBP') },
  { name: 'a TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a PDF document', offset: 0, bytes: ascii('%PDF-') },
  { name: 'an RTF document (rich text, not plain text)', offset: 0, bytes: ascii('{\\rtf') },
  // .docx, .xlsx, .odt and .epub are ZIP archives too: naming them all helps the analyst recognise it.
  { name: 'a ZIP archive (or a Word/OpenDocument file, which are ZIP inside)', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an old Microsoft Office document (.doc/.xls)', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'a gzip archive', offset: 0, bytes: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', offset: 0, bytes: ascii('Rar!\x1a\x07') },
  { name: 'an ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a SQLite database', offset: 0, bytes: ascii('SQLite format 3\0') },
  { name: 'a WebAssembly module', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'a Java class file', offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'an MP4/QuickTime video', offset: 4, bytes: ascii('ftyp') },
  { name: 'an MP3 audio file', offset: 0, bytes: [0x49, 0x44, 0x33, 0x03, 0x00] },
  { name: 'an MP3 audio file', offset: 0, bytes: [0x49, 0x44, 0x33, 0x04, 0x00] },
];

/** The name of the binary format these bytes start with ("a PNG image"), or null. */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    if (bytes.length < sig.offset + sig.bytes.length) continue;
    let match = true;
    for (let i = 0; i < sig.bytes.length; i++) {
      if (bytes[sig.offset + i] !== sig.bytes[i]) {
        match = false;
        break;
      }
    }
    if (match) return sig.name;
  }
  return null;
}
