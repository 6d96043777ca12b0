// Entry of the service worker: wires listeners to handlers.
export {};
