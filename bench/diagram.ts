/**
 * The topology diagram of one large group: ELK (elkjs, the engine the webview and the report use)
 * lays out the boxes of a 1,000-computer group, then the SVG is drawn, as when the Diagram view
 * opens or a report is written.
 */
import { URI } from 'langium';
import { diagramModel, drawDiagram, layoutDiagram } from '../preview/diagram.js';
import { createLayoutEngine } from '../preview/layout-engine.js';
import { previewGroups } from '../server/preview-request.js';
import { generateScalingGroup } from './generate.js';
import { newServices } from './inprocess.js';
import { repeat, type Stats } from './stats.js';

export interface DiagramResult {
    readonly computers: number;
    readonly boxes: number;
    readonly edges: number;
    readonly reps: number;
    /** ELK layout plus SVG drawing, from the preview data. */
    readonly layoutAndDraw: { wall: Stats; cpu: Stats };
    readonly draw: { wall: Stats; cpu: Stats };
    readonly svgKB: number;
}

export async function measureDiagram(computers: number, instancesPerComputer: number, reps: number): Promise<DiagramResult> {
    const services = newServices();
    const text = generateScalingGroup(computers, Math.round(computers * instancesPerComputer));
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///bench/diagram.bizha'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const group = previewGroups(services, document)[0];
    const found = group.components.filter(c => c.kind === 'computer').length;
    if (found !== computers) throw new Error(`diagram bench: expected ${computers} computers, the analysis has ${found}`);
    const model = diagramModel(group);
    const count = (boxes: typeof model.boxes): number => boxes.reduce((n, box) => n + 1 + count(box.children), 0);
    // One engine, as the webview keeps one; the first layout (warm-up) also compiles ELK's code.
    const engine = createLayoutEngine();
    let svg = '';
    const layoutAndDraw = await repeat(reps, 1, async () => {
        svg = drawDiagram(group, await layoutDiagram(group, engine));
    });
    const layout = await layoutDiagram(group, engine);
    const failed = { [`${group.source.uri}#${group.group}`]: [group.components[0].id] };
    const draw = await repeat(reps, 1, () => drawDiagram(group, layout, failed, { interactive: true }));
    return { computers, boxes: count(model.boxes), edges: model.edges.length, reps, layoutAndDraw, draw, svgKB: Math.round(svg.length / 1024) };
}
