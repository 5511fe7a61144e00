import { WorkspaceCache, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { Cluster, Computer, isCluster, isComputer, isGroup, isNlb, Nlb, type Group, type Model } from '../generated/ast.js';
import { buildGroupModel, type WorkspaceInfrastructure } from '../model/build-topology.js';
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
    private readonly infrastructure: WorkspaceCache<string, WorkspaceInfrastructure>;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        this.cache = new WorkspaceCache(shared);
        this.infrastructure = new WorkspaceCache(shared);
    }

    forGroup(group: Group): AnalyzedGroup {
        return this.cache.get(group, () => {
            const model = buildGroupModel(group, this.workspaceInfrastructure());
            return { model, analysis: analyzeGroup(model) };
        });
    }

    /** Top-level clusters and load balancers of every workspace file, from the index. */
    private workspaceInfrastructure(): WorkspaceInfrastructure {
        return this.infrastructure.get('all', () => {
            const index = this.shared.workspace.IndexManager;
            return {
                clusters: index.allElements(Cluster.$type).map(d => d.node).filter(isCluster).toArray(),
                nlbs: index.allElements(Nlb.$type).map(d => d.node).filter(isNlb).toArray(),
                computers: index.allElements(Computer.$type).map(d => d.node).filter(isComputer).toArray()
            };
        });
    }

    forDocument(document: LangiumDocument): AnalyzedGroup[] {
        const model = document.parseResult.value as Model;
        return (model.declarations ?? []).filter(isGroup).map(group => this.forGroup(group));
    }
}
