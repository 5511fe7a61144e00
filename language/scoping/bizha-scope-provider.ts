import {
    AstUtils, DefaultScopeProvider, stream,
    type AstNode, type AstNodeDescription, type AstReflection, type LangiumCoreServices, type LangiumDocuments, type LocalSymbols,
    type ReferenceInfo, type Scope, type Stream
} from 'langium';
import { AvailabilityGroup, isAvailabilityGroup, isGroup, type Model } from '../generated/ast.js';

/**
 * Langium's default scope filters a container's local symbols linearly for every reference, which
 * is quadratic in the size of a group. This provider indexes each container's symbols by name once
 * per scope computation and looks references up in that index; what is visible, and which element
 * wins, are unchanged: the innermost container first, then the workspace's top-level elements.
 */
export class BizhaScopeProvider extends DefaultScopeProvider {
    private readonly symbolsByName = new WeakMap<LocalSymbols, Map<AstNode, Map<string, AstNodeDescription[]>>>();
    private readonly scopes = new WeakMap<LocalSymbols, Map<AstNode, Map<string, { global: Scope; scope: Scope }>>>();
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === AvailabilityGroup.$type && !AstUtils.getContainerOfType(context.container, isGroup)) {
            return this.availabilityGroupsOfWorkspace();
        }
        const global = this.getGlobalScope(referenceType, context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        if (!localSymbols) return global;
        let innermost: AstNode | undefined = context.container;
        while (innermost && !localSymbols.has(innermost)) innermost = innermost.$container;
        if (!innermost) return global;
        // Every reference of a type under the same innermost container sees the same scope: made
        // once per scope computation (and workspace state, which the global scope stands for).
        let containers = this.scopes.get(localSymbols);
        if (!containers) this.scopes.set(localSymbols, containers = new Map());
        let byType = containers.get(innermost);
        if (!byType) containers.set(innermost, byType = new Map());
        const known = byType.get(referenceType);
        if (known?.global === global) return known.scope;
        const chain: AstNode[] = [];
        for (let node: AstNode | undefined = innermost; node; node = node.$container) {
            if (localSymbols.has(node)) chain.push(node);
        }
        let scope = global;
        for (let i = chain.length - 1; i >= 0; i--) {
            scope = new LocalScope(this.byName(localSymbols, chain[i]), referenceType, this.reflection, scope);
        }
        byType.set(referenceType, { global, scope });
        return scope;
    }

    /**
     * Availability groups are group members, but a computer declared at the top level (an inventory
     * file) may carry `sql-alias AG1`: it names an availability group of any group in the workspace.
     */
    private availabilityGroupsOfWorkspace(): Scope {
        const descriptions = this.documents.all.flatMap(document => ((document.parseResult.value as Model).declarations ?? []).filter(isGroup)
            .flatMap(group => group.members.filter(isAvailabilityGroup).filter(ag => !!ag.name))
            .map(ag => this.descriptions.createDescription(ag, ag.name, document)));
        return this.createScope(descriptions);
    }

    private byName(localSymbols: LocalSymbols, container: AstNode): Map<string, AstNodeDescription[]> {
        let containers = this.symbolsByName.get(localSymbols);
        if (!containers) this.symbolsByName.set(localSymbols, containers = new Map());
        let names = containers.get(container);
        if (!names) {
            names = new Map();
            for (const description of localSymbols.getStream(container)) {
                const list = names.get(description.name);
                if (list) list.push(description);
                else names.set(description.name, [description]);
            }
            containers.set(container, names);
        }
        return names;
    }
}

/** One container's symbols of the reference's type, in front of the outer scope. */
class LocalScope implements Scope {
    constructor(
        private readonly names: Map<string, AstNodeDescription[]>,
        private readonly referenceType: string,
        private readonly reflection: AstReflection,
        private readonly outer: Scope
    ) { }

    private fits(description: AstNodeDescription): boolean {
        return this.reflection.isSubtype(description.type, this.referenceType);
    }

    getElement(name: string): AstNodeDescription | undefined {
        const local = this.names.get(name);
        if (local) for (const description of local) if (this.fits(description)) return description;
        return this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.names.get(name) ?? []).filter(d => this.fits(d)).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.names.values()).flatMap(list => list).filter(d => this.fits(d)).concat(this.outer.getAllElements());
    }
}
