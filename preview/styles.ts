/**
 * The preview's stylesheet. VS Code sets the `--vscode-*` variables in the webview (light, dark
 * and high-contrast themes); the exported report sets its own values (`reportThemeCss`), light
 * or dark after the reader's system. No inline style attributes anywhere: the CSP forbids them.
 */
export const previewCss = String.raw`
body {
    --bz-fg: var(--vscode-foreground);
    --bz-bg: var(--vscode-editor-background);
    --bz-muted: var(--vscode-descriptionForeground);
    --bz-border: var(--vscode-editorWidget-border, var(--vscode-panel-border));
    --bz-header-bg: var(--vscode-editorWidget-background, var(--vscode-sideBar-background));
    --bz-hover: var(--vscode-list-hoverBackground);
    --bz-focus: var(--vscode-focusBorder);
    --bz-highlight: var(--vscode-editor-findMatchHighlightBackground, var(--vscode-list-inactiveSelectionBackground));
    --bz-highlight-border: var(--vscode-editor-findMatchHighlightBorder, var(--vscode-contrastActiveBorder, transparent));
    --bz-error: var(--vscode-editorError-foreground, var(--vscode-errorForeground));
    --bz-warning: var(--vscode-editorWarning-foreground);
    --bz-info: var(--vscode-editorInfo-foreground);
    --bz-ok: var(--vscode-testing-iconPassed, var(--vscode-charts-green));
    --bz-failed-bg: var(--vscode-inputValidation-errorBackground, var(--vscode-diffEditor-removedTextBackground));
    --bz-failed-border: var(--vscode-inputValidation-errorBorder, var(--vscode-editorError-foreground));
    --bz-button-bg: var(--vscode-button-background);
    --bz-button-fg: var(--vscode-button-foreground);
    --bz-button-hover: var(--vscode-button-hoverBackground);
    --bz-button2-bg: var(--vscode-button-secondaryBackground);
    --bz-button2-fg: var(--vscode-button-secondaryForeground);
    --bz-button2-hover: var(--vscode-button-secondaryHoverBackground);
    --bz-badge-bg: var(--vscode-badge-background);
    --bz-badge-fg: var(--vscode-badge-foreground);
    --bz-contrast: var(--vscode-contrastBorder, transparent);
    --bz-contrast-active: var(--vscode-contrastActiveBorder, var(--vscode-focusBorder));
    margin: 0;
    padding: 0 20px 24px;
    color: var(--bz-fg);
    background: var(--bz-bg);
    font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
    font-size: var(--vscode-font-size, 13px);
    line-height: 1.4;
}
.visually-hidden {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.icon { width: 16px; height: 16px; flex: none; vertical-align: text-bottom; }
.icon .knockout { stroke: var(--bz-bg); }
bdi { unicode-bidi: isolate; }
code { font-family: var(--vscode-editor-font-family, monospace); }

.page-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px; padding: 12px 0 4px; border-bottom: 1px solid var(--bz-border); }
.page-header h1 { font-size: 1.25em; font-weight: 600; margin: 0; flex: 1 1 auto; }
.page-header .file { font-weight: normal; color: var(--bz-muted); }
.page-status { color: var(--bz-muted); margin: 0; min-height: 1.4em; }
.empty { color: var(--bz-muted); }

.group { margin-top: 16px; }
.group-header h2 { font-size: 1.15em; font-weight: 600; margin: 0; }
.group-meta { color: var(--bz-muted); margin: 2px 0 8px; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 4px 0; }
.toolbar-label { color: var(--bz-muted); margin-left: 8px; }
/* The failure summary is running text above the matrix: one paragraph per finding, the icon inline. */
.summary { display: block; margin: 6px 0 10px; min-height: 1.4em; max-width: 80em; }
.summary > span { display: block; margin: 2px 0; }
.summary .icon { margin-right: 6px; }
.summary > span > span { display: inline; }
.summary .icon-error { color: var(--bz-error); }
.summary .icon-pass { color: var(--bz-ok); }
.summary .icon-info { color: var(--bz-info); }
.summary .already-down { color: var(--bz-muted); }

button { font: inherit; color: inherit; }
.button {
    display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px; border-radius: 2px; cursor: pointer;
    border: 1px solid var(--bz-contrast); background: var(--bz-button-bg); color: var(--bz-button-fg);
}
.button:hover:not(:disabled) { background: var(--bz-button-hover); }
.button.secondary { background: var(--bz-button2-bg); color: var(--bz-button2-fg); }
.button.secondary:hover:not(:disabled) { background: var(--bz-button2-hover); }
.button:disabled { opacity: 0.5; cursor: default; }
:focus { outline: none; }
:focus-visible { outline: 1px solid var(--bz-focus); outline-offset: -1px; }
body.vscode-high-contrast :focus-visible { outline: 2px dashed var(--bz-contrast-active); outline-offset: -2px; }

.matrix { border-collapse: separate; border-spacing: 0; margin-bottom: 8px; }
.matrix th, .matrix td { border-bottom: 1px solid var(--bz-border); padding: 0; text-align: left; vertical-align: middle; white-space: nowrap; }
.matrix thead th, .matrix thead td { background: var(--bz-header-bg); position: sticky; top: 0; z-index: 2; }
.matrix .tier-row th, .matrix .tier-row td { top: 0; }
.matrix .component-row th { top: 1.9em; }
.matrix .tier { text-align: center; padding: 4px 8px; font-weight: 600; border-left: 1px solid var(--bz-border); }
.matrix .status-head { padding: 4px 10px; font-weight: 600; border-left: 1px solid var(--bz-border); }
.matrix .corner { left: 0; z-index: 3; }
.component-head { border-left: 1px solid var(--bz-border); }
.component-head.tier-biztalk + .component-head.tier-sql, .cell.tier-biztalk + .cell.tier-sql,
.component-head.tier-sql + .component-head.tier-other, .cell.tier-sql + .cell.tier-other { border-left-width: 2px; }

.component {
    display: inline-flex; flex-direction: column; align-items: center; gap: 1px; min-width: 56px; width: 100%;
    padding: 4px 6px; border: 1px solid transparent; background: transparent; cursor: pointer; border-radius: 0;
}
.component .icon { color: var(--bz-muted); }
.component-name { font-weight: 600; }
.component-site, .component-status { font-size: 0.85em; color: var(--bz-muted); }
.component:hover { background: var(--bz-hover); }
.component.failed { background: var(--bz-failed-bg); border-color: var(--bz-failed-border); }
.component.failed .icon, .component.failed .component-status { color: var(--bz-error); }
.component.failed .component-name { text-decoration: line-through; }
.toolbar .component { flex-direction: row; width: auto; min-width: 0; border: 1px solid var(--bz-border); border-radius: 2px; padding: 2px 8px; gap: 6px; }

.kind-row th { padding: 10px 8px 3px; font-weight: 600; color: var(--bz-muted); text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.04em; background: var(--bz-bg); position: sticky; left: 0; }
.kind-row .count { text-transform: none; font-weight: normal; }
.fn-head { font-weight: normal; position: sticky; left: 0; background: var(--bz-bg); z-index: 1; border-right: 1px solid var(--bz-border); }
.fn-label { display: block; width: 100%; min-width: 9em; max-width: 22em; text-align: left; padding: 4px 10px 4px 8px; border: 0; background: transparent; cursor: pointer; white-space: normal; overflow-wrap: break-word; }
.fn-mechanism { display: block; font-size: 0.85em; color: var(--bz-muted); }
.fn:hover td, .fn:hover .fn-head { background: var(--bz-hover); }
.cell { border-left: 1px solid var(--bz-border); text-align: center; }
.cell .placement { display: inline-flex; flex-wrap: wrap; justify-content: center; gap: 2px 8px; width: 100%; padding: 4px 3px; border: 0; background: transparent; cursor: pointer; white-space: normal; }
.role { display: inline-flex; align-items: center; gap: 3px; }
.role-active .icon-circle-filled, .role-standby .icon-circle-half { color: var(--bz-ok); }
.role-sql-node .icon-database, .role-replica .icon-copy, .role-nlb-member .icon-split { color: var(--bz-info); }
.role-disabled .role, .cell .role .icon-dash { color: var(--bz-muted); }
.cell.failed { background: var(--bz-failed-bg); }
.cell .role-down, .cell .role-down .icon { color: var(--bz-error); font-weight: 600; }

/* State, redundancy and rules share a column: side by side and aligned across rows when there is room, stacked when not. */
.status { padding: 3px 8px; border-left: 1px solid var(--bz-border); }
.status-grid { display: grid; grid-template-columns: 6.5em 12.5em minmax(8em, auto); gap: 2px 10px; align-items: center; }
.rules { display: flex; flex-wrap: wrap; gap: 2px 0; }
.badge { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px 1px 5px; border-radius: 10px; border: 1px solid var(--bz-contrast); }
.redundancy-missing, .redundancy-spof { color: var(--bz-error); border-color: var(--bz-error); }
.redundancy-one { color: var(--bz-ok); }
.redundancy-two { color: var(--bz-ok); }
.state { font-weight: 600; }
.state > span, .state { white-space: nowrap; }
.state .icon { margin-right: 4px; }
.fn.state-up .state .icon { color: var(--bz-ok); }
.fn.state-degraded .state, .fn.state-degraded .state .icon { color: var(--bz-warning); }
.fn.state-down .state, .fn.state-down .state .icon { color: var(--bz-error); }
.fn.state-down .fn-head { box-shadow: inset 3px 0 0 var(--bz-error); }
.fn.state-degraded .fn-head { box-shadow: inset 3px 0 0 var(--bz-warning); }

.rule { display: inline-flex; align-items: center; gap: 4px; margin: 1px 6px 1px 0; padding: 0 6px 0 3px; border: 1px solid var(--bz-border); border-radius: 2px; background: transparent; cursor: pointer; font-family: var(--vscode-editor-font-family, monospace); font-size: 0.9em; }
.rule { white-space: nowrap; flex: none; }
.rule:hover { background: var(--bz-hover); }
.rule-count { color: var(--bz-muted); font-family: var(--vscode-font-family, sans-serif); }
.rule.severity-error .icon { color: var(--bz-error); }
.rule.severity-warning .icon { color: var(--bz-warning); }
.rule.severity-information .icon, .rule.severity-hint .icon { color: var(--bz-info); }

.fn.cursor td, .fn.cursor .fn-head, .matrix .cursor-col { background: var(--bz-highlight); }
.fn.cursor .fn-head { outline: 1px solid var(--bz-highlight-border); outline-offset: -1px; }
.component-head.cursor-col .component { box-shadow: inset 0 -3px 0 var(--bz-focus); }

.group-findings h3 { font-size: 1em; margin: 12px 0 4px; }
.group-findings ul { list-style: none; margin: 0; padding: 0; }
.group-findings li { display: flex; gap: 8px; align-items: baseline; margin: 3px 0; }
.group-findings .message { color: var(--bz-fg); white-space: normal; }

.legend { margin-top: 20px; color: var(--bz-muted); }
.legend summary { cursor: pointer; }
.legend-columns { display: flex; flex-wrap: wrap; gap: 8px 32px; }
.legend ul { list-style: none; padding: 0; margin: 6px 0; }
.legend li { display: flex; align-items: center; gap: 6px; margin: 3px 0; }
.legend .badge { margin-right: 4px; }
.report-footer { margin-top: 16px; color: var(--bz-muted); font-size: 0.9em; }

/* Matrix / Diagram tabs */
.view-tabs { display: flex; gap: 2px; margin: 6px 0 8px; border-bottom: 1px solid var(--bz-border); }
.view-tab { display: inline-flex; align-items: center; gap: 6px; padding: 4px 12px; border: 0; border-bottom: 2px solid transparent; background: transparent; cursor: pointer; color: var(--bz-muted); }
.view-tab[aria-selected="true"] { color: var(--bz-fg); border-bottom-color: var(--bz-focus); font-weight: 600; }
.view-tab:hover { background: var(--bz-hover); }
.view[hidden] { display: none; }

/* The topology diagram: SVG coloured by the editor's theme; text says every state. */
.diagram { overflow: auto; max-width: 100%; margin-bottom: 8px; }
.diagram-svg { display: block; }
.diagram-pending { color: var(--bz-muted); }
.dg-frame { fill: var(--bz-bg); stroke: var(--bz-muted); stroke-width: 1; }
.dg-tier > .dg-frame, .dg-region > .dg-frame { fill: var(--bz-header-bg); stroke: var(--bz-border); stroke-dasharray: 4 3; }
.dg-region > .dg-frame { stroke: var(--bz-muted); }
.dg-cluster > .dg-frame { fill: var(--bz-header-bg); stroke: var(--bz-info); stroke-width: 1.5; }
.dg-load-balancer > .dg-frame, .dg-availability-group > .dg-frame { stroke: var(--bz-info); }
.dg-title { font-weight: 600; fill: var(--bz-fg); }
.dg-subtitle, .dg-status, .dg-edge-label { fill: var(--bz-muted); font-size: 11px; }
.dg-line { fill: var(--bz-fg); }
.dg-line-down, .dg-failed > .dg-status, .dg-failed > .dg-title { fill: var(--bz-error); }
.dg-failed > .dg-status, .dg-failed > .dg-title { font-weight: 600; }
.dg-failed > .dg-frame { fill: var(--bz-failed-bg); stroke: var(--bz-error); stroke-width: 2; }
.dg-stopping > .dg-frame { stroke: var(--bz-error); stroke-dasharray: 5 3; }
.dg-edge { fill: none; stroke: var(--bz-muted); }
.dg-arrow { fill: var(--bz-muted); }
[data-dg-item] { cursor: pointer; }
[data-dg-item]:hover > .dg-frame { stroke: var(--bz-focus); }
[data-dg-item]:focus-visible { outline: none; }
[data-dg-item]:focus-visible > .dg-frame { stroke: var(--bz-focus); stroke-width: 3; }
body.vscode-high-contrast .dg-frame { stroke: var(--bz-contrast-active); }

/* A side panel (~600 px) or half a screen: compact columns, a single stacked status column. */
.group { container-type: inline-size; container-name: group; }
@container group (max-width: 1040px) {
    .status-grid { grid-template-columns: auto; }
    .status-head .status-grid > span + span { display: none; }
    .badge { white-space: normal; border-radius: 8px; }
    .fn-label { max-width: 12em; }
}
@container group (max-width: 700px) {
    .fn-label { min-width: 8em; max-width: 10em; padding-right: 4px; }
    .component { min-width: 48px; padding: 3px 2px; }
    .status { padding: 3px 4px; }
    .rule { flex: 0 1 auto; min-width: 0; white-space: normal; text-align: left; }
}
@media (max-width: 700px) {
    body { padding: 0 8px 16px; }
}

@media (forced-colors: active) {
    .component.failed, .cell.failed { border: 2px solid CanvasText; }
    .dg-frame { stroke: CanvasText; }
    .dg-title, .dg-line, .dg-subtitle, .dg-status { fill: CanvasText; }
    .badge { border-color: CanvasText; }
}
`;

/** Theme values for the standalone report (outside VS Code no `--vscode-*` variable is set). */
export const reportThemeCss = String.raw`
:root {
    color-scheme: light dark;
    --vscode-font-family: system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif;
    --vscode-font-size: 13px;
    --vscode-editor-font-family: ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace;
    --vscode-foreground: #3b3b3b;
    --vscode-editor-background: #ffffff;
    --vscode-descriptionForeground: #6b6b6b;
    --vscode-editorWidget-border: #d4d4d4;
    --vscode-editorWidget-background: #f3f3f3;
    --vscode-list-hoverBackground: #ebebeb;
    --vscode-focusBorder: #005fb8;
    --vscode-editor-findMatchHighlightBackground: rgba(234, 92, 0, 0.22);
    --vscode-editorError-foreground: #c72e0f;
    --vscode-editorWarning-foreground: #8a6100;
    --vscode-editorInfo-foreground: #1a6fc7;
    --vscode-testing-iconPassed: #2a7a28;
    --vscode-inputValidation-errorBackground: #fbe3e0;
    --vscode-inputValidation-errorBorder: #c72e0f;
    --vscode-button-background: #005fb8;
    --vscode-button-foreground: #ffffff;
    --vscode-button-hoverBackground: #0258a8;
    --vscode-button-secondaryBackground: #e5e5e5;
    --vscode-button-secondaryForeground: #3b3b3b;
    --vscode-button-secondaryHoverBackground: #cccccc;
}
@media (prefers-color-scheme: dark) {
    :root {
        --vscode-foreground: #cccccc;
        --vscode-editor-background: #1f1f1f;
        --vscode-descriptionForeground: #9d9d9d;
        --vscode-editorWidget-border: #454545;
        --vscode-editorWidget-background: #252526;
        --vscode-list-hoverBackground: #2a2d2e;
        --vscode-focusBorder: #0078d4;
        --vscode-editor-findMatchHighlightBackground: rgba(234, 92, 0, 0.33);
        --vscode-editorError-foreground: #f48771;
        --vscode-editorWarning-foreground: #cca700;
        --vscode-editorInfo-foreground: #3794ff;
        --vscode-testing-iconPassed: #73c991;
        --vscode-inputValidation-errorBackground: #5a1d1d;
        --vscode-inputValidation-errorBorder: #be1100;
        --vscode-button-background: #0078d4;
        --vscode-button-foreground: #ffffff;
        --vscode-button-hoverBackground: #026ec1;
        --vscode-button-secondaryBackground: #313131;
        --vscode-button-secondaryForeground: #cccccc;
        --vscode-button-secondaryHoverBackground: #3c3c3c;
    }
}
`;
