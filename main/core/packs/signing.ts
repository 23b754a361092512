/**
 * Signing packs with the analyst's Ed25519 key (node:crypto, no package). Hashes in the manifest
 * prove a pack is intact; a signature also shows whose key vouches for it.
 *
 * The private key lives outside any project, one per analyst: `<keysDir>/<analystId>.ed25519`
 * (PKCS#8 PEM, mode 0600), created on the first signed export. The signature covers the exact bytes
 * of manifest.json and travels as `manifest.sig` (base64); the public key as `signer.pub` (SPKI PEM).
 * A fingerprint is the SHA-256 of the raw 32-byte public key, in hex groups of four.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function keyPath(keysDir: string, analystId: string): string {
  return path.join(keysDir, `${analystId}.ed25519`);
}

/** The analyst's private key, created (and stored) on first use. */
export function loadOrCreateKey(keysDir: string, analystId: string): crypto.KeyObject {
  const file = keyPath(keysDir, analystId);
  if (fs.existsSync(file)) return crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  return privateKey;
}

export function publicPem(privateKey: crypto.KeyObject): string {
  return crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
}

export function sign(privateKey: crypto.KeyObject, manifestBytes: Uint8Array): string {
  return crypto.sign(null, manifestBytes, privateKey).toString('base64');
}

/** Reads signer.pub: SPKI PEM, or the raw 32-byte key in base64. Throws on anything else. */
export function parsePublicKey(text: string): crypto.KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
    const key = crypto.createPublicKey(trimmed);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the key is ${key.asymmetricKeyType ?? 'of an unknown type'}, not Ed25519`);
    return key;
  }
  const raw = Buffer.from(trimmed, 'base64');
  if (raw.length !== 32) throw new Error('it is neither an SPKI PEM key nor a raw 32-byte Ed25519 key in base64');
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function verifySignature(publicKey: crypto.KeyObject, manifestBytes: Uint8Array, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64.trim(), 'base64');
  if (signature.length !== 64) return false;
  return crypto.verify(null, manifestBytes, publicKey, signature);
}

/** SHA-256 of the raw public key, e.g. "3f2a 91c0 …" (16 groups). */
export function fingerprint(publicKey: crypto.KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  const hex = crypto.createHash('sha256').update(raw).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}
