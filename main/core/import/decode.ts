/**
 * Bytes to text, refusing rather than guessing. Order of checks:
 *   1. known binary formats by magic number (a tiny PDF can be pure ASCII);
 *   2. a byte-order mark (UTF-8, UTF-16 LE/BE) decides the encoding;
 *   3. strict UTF-8, the hot path: one TextDecoder call, no detection;
 *   4. otherwise: NUL or control bytes mean binary; a file that is mostly well-formed UTF-8 with a few
 *      broken sequences is damaged UTF-8 and refused with the offset (re-reading it as a legacy encoding
 *      would store mojibake); only then a legacy single-byte encoding is detected and checked.
 * The text comes back raw: normalisation (NFC, line endings) is `normalize.ts`'s job.
 */
import { sniffBinaryFormat } from './binary-formats.ts';
import { ImportError } from './import-error.ts';
import { decodeLegacy } from './legacy-encodings.ts';
import { lineAndColumn, scanUtf8 } from './utf8-scan.ts';

export interface DecodedText {
  /** The decoded text, without a byte-order mark, not yet normalised. */
  text: string;
  /** 'utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6' or 'windows-1252'. */
  encoding: string;
}

// ignoreBOM: true keeps TextDecoder from silently eating a BOM; we strip the one we detected ourselves.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const SAVE_AS_UTF8 = 'Save it as UTF-8 text and import it again.';

/**
 * Decodes a file's bytes to text. Throws ImportError: EMPTY, BINARY, INVALID_TEXT or UNKNOWN_ENCODING.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportError('EMPTY', 'The file is empty (0 bytes).');
  const format = sniffBinaryFormat(bytes);
  if (format !== null) throw new ImportError('BINARY', `This looks like ${format}, not text.`, { format });

  const decoded = decodeByBom(bytes) ?? decodeWithoutBom(bytes);
  checkText(decoded.text);
  return decoded;
}

function decodeByBom(bytes: Uint8Array): DecodedText | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    try {
      return { text: UTF8.decode(bytes.subarray(3)), encoding: 'utf-8' };
    } catch {
      throw damagedUtf8(bytes, 3);
    }
  }
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new ImportError('UNKNOWN_ENCODING', `The file is UTF-32 text, which Claimdesk does not read. ${SAVE_AS_UTF8}`);
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, 'utf-16be');
  return null;
}

function decodeWithoutBom(bytes: Uint8Array): DecodedText {
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the slow path below, taken by a small minority of files.
  }
  refuseBinaryBytes(bytes);
  const scan = scanUtf8(bytes);
  if (scan.multiByte > scan.invalid) throw damagedUtf8(bytes, 0);

  const legacy = decodeLegacy(bytes);
  if (legacy.ok) return { text: legacy.text, encoding: legacy.encoding };
  const { line } = lineAndColumn(bytes, scan.firstInvalid);
  const where = `Invalid UTF-8 at byte ${scan.firstInvalid} (line ${line})`;
  const notStored = 'so it was not imported rather than stored garbled.';
  switch (legacy.reason) {
    case 'mojibake':
      throw new ImportError(
        'INVALID_TEXT',
        `${where}: the file looks like damaged UTF-8 mixed with other text, ${notStored} ${SAVE_AS_UTF8}`,
        { offset: scan.firstInvalid, line },
      );
    case 'unsupported':
      throw new ImportError(
        'UNKNOWN_ENCODING',
        `${where}: the text seems to be in ${legacy.guess}, which Claimdesk does not read, ${notStored} ${SAVE_AS_UTF8}`,
        { offset: scan.firstInvalid, line, guess: legacy.guess },
      );
    case 'implausible':
      throw new ImportError(
        'UNKNOWN_ENCODING',
        `${where}, and reading it as ${legacy.guess} does not give believable text, ${notStored} ${SAVE_AS_UTF8}`,
        { offset: scan.firstInvalid, line, guess: legacy.guess },
      );
    case 'not-confident':
      throw new ImportError(
        'UNKNOWN_ENCODING',
        `${where} and the encoding could not be determined, ${notStored} ${SAVE_AS_UTF8}`,
        { offset: scan.firstInvalid, line },
      );
  }
}

/** A byte-order mark said UTF-16: decode strictly, and name the flaw if it fails. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  if (bytes.length % 2 !== 0) {
    throw new ImportError(
      'INVALID_TEXT',
      `The file starts as ${encoding.toUpperCase()} text but has an odd number of bytes (${bytes.length}), so its end is cut off.`,
    );
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)), encoding };
  } catch {
    const offset = firstLoneSurrogate(bytes, encoding === 'utf-16le');
    throw new ImportError(
      'INVALID_TEXT',
      `Invalid ${encoding.toUpperCase()} at byte ${offset} (a broken surrogate pair), so it was not imported rather than stored garbled.`,
      { offset },
    );
  }
}

function firstLoneSurrogate(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number): number =>
    littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return -1;
}

function damagedUtf8(bytes: Uint8Array, start: number): ImportError {
  const scan = scanUtf8(bytes.subarray(start));
  const offset = scan.firstInvalid + start;
  const { line } = lineAndColumn(bytes, offset);
  const count = scan.invalid === 1 ? 'one damaged sequence' : `${scan.invalid} damaged sequences`;
  return new ImportError(
    'INVALID_TEXT',
    `Invalid UTF-8 at byte ${offset} (line ${line}): the file is UTF-8 with ${count}, so it was not imported ` +
      'rather than stored with replacement characters. Repair the file or export it again as UTF-8.',
    { offset, line, invalid: scan.invalid },
  );
}

/** Legacy encodings never use NUL and text rarely uses C0 controls: such bytes mean binary data. */
function refuseBinaryBytes(bytes: Uint8Array): void {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) throw binaryWithNul(`at byte ${i}`, { offset: i });
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) controls++;
  }
  if (controls > 8 && controls * 100 > bytes.length) {
    throw new ImportError('BINARY', `This looks like binary data, not text: it contains ${controls} control bytes.`);
  }
}

function binaryWithNul(where: string, details: object): ImportError {
  return new ImportError(
    'BINARY',
    `This looks like binary data, not text: it contains a NUL character (${where}). ` +
      'If it is UTF-16 text without a byte-order mark, save it as UTF-8 text and import it again.',
    details,
  );
}

// Allowed: \t \n \f \r. DEL and the C1 range (U+0080–U+009F) are controls too: in decoded text they
// mean binary data or a mis-converted file, never something an article says.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** Refuses text that is only whitespace, or that carries control characters. */
function checkText(text: string): void {
  // \s covers U+FEFF, so a file holding only a BOM (or a second one) counts as empty.
  if (!/\S/.test(text)) {
    throw new ImportError('EMPTY', 'The file contains only whitespace, no text.');
  }
  const first = CONTROL.exec(text);
  if (first === null) return;

  const index = first.index;
  const code = text.charCodeAt(index);
  const count = text.match(CONTROL_ALL)?.length ?? 1;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  if (code === 0) throw binaryWithNul(`at line ${line}, column ${column}`, { line, column });
  if (count > 8 && count * 100 > text.length) {
    throw new ImportError(
      'BINARY',
      `This looks like binary data, not text: it contains ${count} control characters, the first (${name}) at line ${line}.`,
      { line, column, count },
    );
  }
  throw new ImportError(
    'INVALID_TEXT',
    `The text contains the control character ${name} at line ${line}, column ${column}` +
      (count > 1 ? ` (and ${count - 1} more)` : '') +
      ', which has no place in plain text, so it was not imported. Remove it and import the file again.',
    { line, column, count },
  );
}
