import { Ajv } from 'ajv';
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import schema from '../schemas/collector.schema.json' with { type: 'json' };
import { ImportInputError } from './xml.js';

/** The collector's output (schemas/collector.schema.json): Microsoft's property names, as read. */
export interface CollectorData {
    readonly format: 'bizha-collector';
    readonly version: 1;
    readonly collectedAt?: string;
    readonly collectedOn: string;
    readonly product?: { ProductName?: string; ProductEdition?: string; ProductVersion?: string } | null;
    readonly group: {
        Name: string; MgmtDbServerName: string; MgmtDbName: string;
        SubscriptionDBServerName?: string | null; SubscriptionDBName?: string | null;
        TrackingDBServerName?: string | null; TrackingDBName?: string | null;
        BamDBServerName?: string | null; BamDBName?: string | null;
        RuleEngineDBServerName?: string | null; RuleEngineDBName?: string | null;
    };
    readonly messageBoxes: { DBServerName: string; DBName: string; IsMasterMsgBox: boolean; DisableNewMsgPublication?: boolean }[];
    readonly hosts: { Name: string; HostType: 1 | 2; HostTracking?: boolean; IsHost32BitOnly?: boolean; NTGroupName?: string | null; ClusterResourceGroupName?: string | null }[];
    readonly hostInstances: { HostName: string; RunningServer: string; IsDisabled?: boolean; Logon?: string | null; ClusterInstanceType?: 0 | 1 | 2 | null }[];
    readonly receiveHandlers: CollectorHandler[];
    readonly sendHandlers: CollectorHandler[];
    readonly sso?: {
        SSODatabaseServer?: string | null; SSODatabase?: string | null; MasterSecretServer?: string | null;
        SSOAdminAccount?: string | null; SSOAffiliateAdminAccount?: string | null;
    } | null;
    readonly sqlServers?: CollectorSqlServer[];
}

export interface CollectorHandler { AdapterName: string; HostName: string; IsDefault?: boolean }

export interface CollectorSqlServer {
    Server: string;
    IsClustered?: boolean | null;
    Edition?: string | null;
    ProductVersion?: string | null;
    ProductLevel?: string | null;
    ProductUpdateLevel?: string | null;
    ClusterNodes?: { NodeName: string; status_description?: string | null }[];
    AvailabilityGroups?: CollectorAvailabilityGroup[];
    BackupDestination?: string | null;
    AgentRunning?: boolean | null;
}

export interface CollectorAvailabilityGroup {
    name: string;
    dtc_support?: boolean | null;
    listeners?: { dns_name: string; port?: number | null; subnets?: number | null }[];
    replicas?: { replica_server_name: string; availability_mode_desc?: string | null }[];
    databases?: string[];
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** Reads a collector file; malformed JSON or a schema violation is an ImportInputError with its position. */
export function readCollector(file: string, text: string): CollectorData {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const errors: ParseError[] = [];
    const data: unknown = parse(source, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length > 0) {
        const first = errors[0];
        const { line, column } = position(source, first.offset);
        throw new ImportInputError(file, `not valid JSON: ${describeParseError(printParseErrorCode(first.error))}`, line, column);
    }
    validate ??= new Ajv({ allErrors: false, strict: false }).compile(schema);
    if (!validate(data)) {
        const error = validate.errors![0];
        const segments = error.instancePath.split('/').slice(1).map(s => /^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~'));
        const node = findNodeAtLocation(parseTree(source)!, segments);
        const where = node ? position(source, node.offset) : undefined;
        const at = error.instancePath || 'the top level';
        const detail = error.keyword === 'additionalProperties'
            ? `unknown property "${String(error.params.additionalProperty)}"`
            : error.keyword === 'const' || error.keyword === 'enum'
                ? `${error.message} (${JSON.stringify(error.params.allowedValue ?? error.params.allowedValues)})`
                : error.message ?? 'invalid';
        throw new ImportInputError(file, `not a bizha collector file (schemas/collector.schema.json): ${at}: ${detail}`, where?.line, where?.column);
    }
    return data as CollectorData;
}

function describeParseError(code: string): string {
    return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function position(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
    }
    return { line, column: offset - lineStart + 1 };
}
