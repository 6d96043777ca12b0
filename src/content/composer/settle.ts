// Gives the page's editor time to react to an event (selection sync, state
// update, re-render) before the composer reads the result.
export function settle(ms = 40): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
