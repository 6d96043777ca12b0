// The viewer's pages live in the URL hash so they can be linked to:
// #session=<id>, #settings, #import, and the session list (anything else).
export type Route = { page: 'list' } | { page: 'session'; sessionId: string } | { page: 'settings' } | { page: 'import' };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h === 'settings') return { page: 'settings' };
  if (h === 'import') return { page: 'import' };
  const m = /^session=(.+)$/.exec(h);
  if (m) {
    try {
      return { page: 'session', sessionId: decodeURIComponent(m[1]) };
    } catch {
      return { page: 'list' };
    }
  }
  return { page: 'list' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'session':
      return `#session=${encodeURIComponent(route.sessionId)}`;
    case 'settings':
      return '#settings';
    case 'import':
      return '#import';
    default:
      return '#';
  }
}
