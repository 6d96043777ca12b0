// Decodes a data: URL (what session.attachment returns) into its bytes.
export function dataUrlToBytes(dataUrl: string): { mime: string; bytes: Uint8Array } {
  const m = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) throw new Error('not a data: URL');
  const mime = m[1] || 'text/plain';
  if (m[3]) {
    const bin = atob(m[4]);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return { mime, bytes };
  }
  return { mime, bytes: new TextEncoder().encode(decodeURIComponent(m[4])) };
}
