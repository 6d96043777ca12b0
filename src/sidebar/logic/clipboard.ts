// Copy to clipboard, the fallback when the page's chat box does not take inserted
// text. The async Clipboard API needs the iframe's clipboard-write permission (the
// host grants it) and may still be refused by the page's permissions policy; the old
// execCommand('copy') route then usually works within the same click.
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
