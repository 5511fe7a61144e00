/**
 * Small inline SVG icons drawn after VS Code's codicons (no font, no remote resource, allowed by
 * a strict Content-Security-Policy). Always decorative: the text next to an icon says the same.
 */

export type IconName =
    | 'pass' | 'pass-filled' | 'warning' | 'error' | 'info' | 'circle-slash'
    | 'circle-filled' | 'circle-half' | 'database' | 'copy' | 'dash' | 'split'
    | 'server' | 'globe' | 'debug-disconnect' | 'discard' | 'zap' | 'export' | 'arrow-down' | 'table' | 'type-hierarchy';

const shapes: Record<IconName, string> = {
    pass: '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor"/><path d="M5 8.2l2 2 4-4.4" fill="none" stroke="currentColor" stroke-width="1.4"/>',
    'pass-filled': '<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.6 8.2l2.2 2.2 4.6-4.8" class="knockout" fill="none" stroke="#fff" stroke-width="1.6"/>',
    warning: '<path d="M8 1.8l6.6 12H1.4z" fill="none" stroke="currentColor" stroke-linejoin="round"/><path d="M8 6v4M8 11.4v1.2" stroke="currentColor" stroke-width="1.4"/>',
    error: '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor"/><path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="currentColor" stroke-width="1.4"/>',
    info: '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor"/><path d="M8 7v4.5M8 4.6v1.2" stroke="currentColor" stroke-width="1.4"/>',
    'circle-slash': '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor"/><path d="M3.4 12.6l9.2-9.2" stroke="currentColor" stroke-width="1.3"/>',
    'circle-filled': '<circle cx="8" cy="8" r="4.5" fill="currentColor"/>',
    'circle-half': '<circle cx="8" cy="8" r="4.5" fill="none" stroke="currentColor"/><path d="M8 3.5a4.5 4.5 0 0 1 0 9z" fill="currentColor"/>',
    database: '<ellipse cx="8" cy="4" rx="5" ry="2" fill="none" stroke="currentColor"/><path d="M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" fill="none" stroke="currentColor"/>',
    copy: '<rect x="5" y="5" width="8" height="9" rx="1" fill="none" stroke="currentColor"/><path d="M3 11V3a1 1 0 0 1 1-1h6" fill="none" stroke="currentColor"/>',
    dash: '<path d="M4 8h8" stroke="currentColor" stroke-width="1.4"/>',
    split: '<path d="M2 8h4l3-4h5M6 8l3 4h5" fill="none" stroke="currentColor"/><circle cx="2.5" cy="8" r="1.5" fill="currentColor"/>',
    server: '<rect x="3" y="2" width="10" height="5" rx="1" fill="none" stroke="currentColor"/><rect x="3" y="9" width="10" height="5" rx="1" fill="none" stroke="currentColor"/><circle cx="5.5" cy="4.5" r=".8" fill="currentColor"/><circle cx="5.5" cy="11.5" r=".8" fill="currentColor"/>',
    globe: '<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor"/><path d="M1.5 8h13M8 1.5c-2.4 2.6-2.4 10.4 0 13M8 1.5c2.4 2.6 2.4 10.4 0 13" fill="none" stroke="currentColor"/>',
    'debug-disconnect': '<path d="M2 14L14 2" stroke="currentColor" stroke-width="1.4"/><path d="M4.5 8.5l-1 1a2.5 2.5 0 0 0 3.5 3.5l1-1M11.5 7.5l1-1A2.5 2.5 0 0 0 9 3l-1 1" fill="none" stroke="currentColor" stroke-width="1.3"/>',
    discard: '<path d="M3.5 6.5A5 5 0 1 1 3 9" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M2.5 2.5v4h4" fill="none" stroke="currentColor" stroke-width="1.3"/>',
    zap: '<path d="M9.5 1.5L3.5 9h4l-1 5.5 6-7.5h-4z" fill="none" stroke="currentColor" stroke-linejoin="round"/>',
    export: '<path d="M8 10V2M5 5l3-3 3 3" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M3 9v4.5h10V9" fill="none" stroke="currentColor" stroke-width="1.3"/>',
    'arrow-down': '<path d="M8 2v11M4 9l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.4"/>',
    table: '<rect x="2" y="3" width="12" height="10" rx="1" fill="none" stroke="currentColor"/><path d="M2 6.5h12M2 9.8h12M6 6.5V13" fill="none" stroke="currentColor"/>',
    'type-hierarchy': '<rect x="5.5" y="1.5" width="5" height="3.5" fill="none" stroke="currentColor"/><rect x="1.5" y="11" width="5" height="3.5" fill="none" stroke="currentColor"/><rect x="9.5" y="11" width="5" height="3.5" fill="none" stroke="currentColor"/><path d="M8 5v3M4 11V8h8v3" fill="none" stroke="currentColor"/>'
};

export function icon(name: IconName, extraClass = ''): string {
    return `<svg class="icon icon-${name}${extraClass ? ` ${extraClass}` : ''}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${shapes[name]}</svg>`;
}
