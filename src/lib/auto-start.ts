// Whether a page is on the person's list of support-chat sites where capture starts by itself.

/** A site entry is a host ("cs.alipay.com", matching its subdomains too) optionally followed by a path prefix. */
export function isAutoStartSite(url: string, sites: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol)) return false;
  const host = u.hostname.toLowerCase();
  return sites.some((raw) => {
    const site = raw.trim().toLowerCase().replace(/^https?:\/\//, '');
    if (!site) return false;
    const slash = site.indexOf('/');
    const siteHost = slash === -1 ? site : site.slice(0, slash);
    const sitePath = slash === -1 ? '' : site.slice(slash);
    const hostMatches = host === siteHost || host.endsWith('.' + siteHost);
    return hostMatches && (sitePath === '' || u.pathname.startsWith(sitePath));
  });
}
