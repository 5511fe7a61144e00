import { WorkspaceCache, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { isGroup, type Group, type Model } from '../generated/ast.js';
import { buildGroupModel } from '../model/build-topology.js';
import type { GroupModel } from '../model/topology.js';
import { analyzeGroup } from './analyze-group.js';
import type { GroupAnalysis } from './types.js';

export interface AnalyzedGroup {
    readonly model: GroupModel;
    readonly analysis: GroupAnalysis;
}

/**
 * The one place that builds topology models and runs the failure analysis. Results are cached
 * until the next workspace change, so validation, hover, code actions and the preview share them.
 */
export class BizhaAnalysisService {
    private readonly cache: WorkspaceCache<Group, AnalyzedGroup>;

    constructor(shared: LangiumSharedCoreServices) {
        this.cache = new WorkspaceCache(shared);
    }

    forGroup(group: Group): AnalyzedGroup {
        return this.cache.get(group, () => {
            const model = buildGroupModel(group);
            return { model, analysis: analyzeGroup(model) };
        });
    }

    forDocument(document: LangiumDocument): AnalyzedGroup[] {
        const model = document.parseResult.value as Model;
        return (model.declarations ?? []).filter(isGroup).map(group => this.forGroup(group));
    }
}
