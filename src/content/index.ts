// Entry of the content script: wires capture, composer and sidebar host.
export {};
