// Types for make-icons.mjs (the icon generator).
export const ICONS: Record<string, [number, 'normal' | 'rec']>;
export function renderIcon(size: number, variant: 'normal' | 'rec'): Uint8Array;
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export function writeIcons(dir?: string): Promise<string[]>;
