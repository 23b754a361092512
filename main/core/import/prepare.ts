/**
 * One file's bytes (and its sidecar's) to everything the import service stores: fixed text, hash,
 * encoding, language, word count, and metadata where the sidecar wins over what the text suggests,
 * field by field. Pure and synchronous; throws ImportError.
 *
 * Kept cheap for the common file (UTF-8, no BOM, already NFC with \n): the text is decoded once, and
 * normalisation returns the same string, which proves the bytes are exactly its UTF-8, so no copy of
 * the original bytes is kept (`originalBytes: null`), nothing is re-encoded to compare, and the hash
 * is taken from the bytes as read rather than from a fresh encoding of the text.
 */
import { decodeText } from './decode.ts';
import { detectLanguage, directionOfLanguage, type Direction } from './language.ts';
import { proposeMetadata, type ProposedMetadata } from './metadata.ts';
import { countWords, normalizeText, sha256Hex, sha256HexOfUtf8 } from './normalize.ts';
import { parseSidecar, type SidecarMeta } from './sidecar.ts';

export interface DocumentMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
}

export interface PreparedDocument {
  text: string;
  sha256: string;
  encoding: string;
  /** The file as read, when it differs from the UTF-8 of `text`; null when identical. Not copied. */
  originalBytes: Uint8Array | null;
  /** Size of the file as read, in bytes. */
  byteLength: number;
  language: string;
  direction: Direction;
  wordCount: number;
  proposed: ProposedMetadata;
  sidecar: SidecarMeta | null;
  /** Sidecar values where given, else the proposals. */
  meta: DocumentMeta;
}

export function prepareDocument(bytes: Uint8Array, sidecarBytes: Uint8Array | null): PreparedDocument {
  // The sidecar first: a broken one fails the file before any work is spent on the text.
  const sidecar = sidecarBytes === null ? null : parseSidecar(sidecarBytes);
  const decoded = decodeText(bytes);
  const text = normalizeText(decoded.text);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // Valid UTF-8 decodes one way only, so unchanged text without a BOM means identical bytes.
  const identical = decoded.encoding === 'utf-8' && !hasBom && text === decoded.text;

  const detected = detectLanguage(text);
  const language = sidecar?.language ?? detected.language;
  const direction = sidecar?.language ? (directionOfLanguage(sidecar.language) ?? detected.direction) : detected.direction;
  const proposed = proposeMetadata(text);
  return {
    text,
    sha256: identical ? sha256HexOfUtf8(bytes) : sha256Hex(text),
    encoding: decoded.encoding,
    originalBytes: identical ? null : bytes,
    byteLength: bytes.byteLength,
    language,
    direction,
    wordCount: countWords(text),
    proposed,
    sidecar,
    meta: {
      title: sidecar?.title ?? proposed.title,
      outlet: sidecar?.outlet ?? proposed.outlet,
      author: sidecar?.author ?? proposed.author,
      url: sidecar?.url ?? null,
      published: sidecar?.published ?? proposed.published,
    },
  };
}
