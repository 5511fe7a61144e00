import type { Rule } from './rule.js';
import { haGroupMinServers } from './ha-group-min-servers.js';
import { haEditionScaleout } from './ha-edition-scaleout.js';
import { haTierSeparation } from './ha-tier-separation.js';
import { haHostSpof } from './ha-host-spof.js';
import { haHostNoInstances } from './ha-host-no-instances.js';
import { haHostDupInstance } from './ha-host-dup-instance.js';
import { haHostTypeContent } from './ha-host-type-content.js';
import { haHostSeparation } from './ha-host-separation.js';
import { haHostTooMany } from './ha-host-too-many.js';
import { haHostBitness } from './ha-host-bitness.js';
import { haRecvNlb } from './ha-recv-nlb.js';
import { haNlbMembership } from './ha-nlb-membership.js';
import { haNlbOnWsfc } from './ha-nlb-on-wsfc.js';
import { haRecvMustCluster } from './ha-recv-must-cluster.js';
import { haRecvPop3 } from './ha-recv-pop3.js';
import { haMsmqCluster } from './ha-msmq-cluster.js';
import { haWcfNetmsmq } from './ha-wcf-netmsmq.js';
import { haOrderedRecv } from './ha-ordered-recv.js';
import { haOrderedSend } from './ha-ordered-send.js';
import { haRecvSqlSap } from './ha-recv-sql-sap.js';
import { haFileShare } from './ha-file-share.js';
import { haFileServerSpof } from './ha-file-server-spof.js';
import { haAdapterUnknown } from './ha-adapter-unknown.js';
import { haClhostEdition } from './ha-clhost-edition.js';
import { haClhostNodes } from './ha-clhost-nodes.js';
import { haClhostOwners } from './ha-clhost-owners.js';
import { haClhostNetname } from './ha-clhost-netname.js';
import { haClhostUnneeded } from './ha-clhost-unneeded.js';
import { haRlFaultTolerance } from './ha-rl-fault-tolerance.js';
import { haClusterMsdtc } from './ha-cluster-msdtc.js';
import { haSsoMssUndeclared } from './ha-sso-mss-undeclared.js';
import { haSsoMssSpof } from './ha-sso-mss-spof.js';
import { haSsoMssNlb } from './ha-sso-mss-nlb.js';
import { haSsoNonclusteredHostOnNode } from './ha-sso-nonclustered-host-on-node.js';
import { haSsoIisCluster } from './ha-sso-iis-cluster.js';
import { haSsoSsodbHa } from './ha-sso-ssodb-ha.js';
import { haSsoMssOnMsgboxNode } from './ha-sso-mss-on-msgbox-node.js';
import { haSsoBackup } from './ha-sso-backup.js';
import { haSsoDomain } from './ha-sso-domain.js';
import { haDbMissing } from './ha-db-missing.js';
import { haDbSpof } from './ha-db-spof.js';
import { haDbFciShape } from './ha-db-fci-shape.js';
import { haDbSqlStdNodes } from './ha-db-sql-std-nodes.js';
import { haDbActiveActiveCapacity } from './ha-db-active-active-capacity.js';
import { haDbMsgboxCount } from './ha-db-msgbox-count.js';
import { haDbBam } from './ha-db-bam.js';
import { haDbMirroring } from './ha-db-mirroring.js';
import { haDbVss } from './ha-db-vss.js';
import { haDbSqlagent } from './ha-db-sqlagent.js';
import { haAgVersion } from './ha-ag-version.js';
import { haAgSameInstance } from './ha-ag-same-instance.js';
import { haAgSync } from './ha-ag-sync.js';
import { haAgDtc } from './ha-ag-dtc.js';
import { haAgListener } from './ha-ag-listener.js';
import { haAgBamSsasSsis } from './ha-ag-bam-ssas-ssis.js';
import { haAgStdEdition } from './ha-ag-std-edition.js';
import { haAgReplicaNodes } from './ha-ag-replica-nodes.js';
import { haTrackNone } from './ha-track-none.js';
import { haTrackSpof } from './ha-track-spof.js';
import { haTrackDedicated } from './ha-track-dedicated.js';
import { haDomGroups } from './ha-dom-groups.js';
import { haDomBuiltin } from './ha-dom-builtin.js';
import { haMsdtcNetwork } from './ha-msdtc-network.js';
import { haNlbIisBam } from './ha-nlb-iis-bam.js';
import { haDrBackupjob } from './ha-dr-backupjob.js';
import { haDrBackupLocation } from './ha-dr-backup-location.js';
import { haDrLogship } from './ha-dr-logship.js';
import { haDrNativeLogship } from './ha-dr-native-logship.js';
import { haDrRecoveryModel } from './ha-dr-recovery-model.js';
import { haDrBamBackup } from './ha-dr-bam-backup.js';
import { haSiteSpof } from './ha-site-spof.js';
import { haHypervisorSpof } from './ha-hypervisor-spof.js';
import { haNettcpLease } from './ha-nettcp-lease.js';
import { haMqseries } from './ha-mqseries.js';
import { haClusterWitness } from './ha-cluster-witness.js';
import { haAgOsPrereq } from './ha-ag-os-prereq.js';
import { haAgJobsLogins } from './ha-ag-jobs-logins.js';
import { haDomLocalScope } from './ha-dom-local-scope.js';
import { haDomNameFormat } from './ha-dom-name-format.js';
import { haPerimeterNlb } from './ha-perimeter-nlb.js';
import { bizhaUnusedSuppression } from './bizha-unused-suppression.js';

/** Every rule bizha runs, in the order of the catalog. Adding a rule: one module here and its page in docs/rules. */
export const allRules: readonly Rule[] = [
    haGroupMinServers,
    haEditionScaleout,
    haTierSeparation,
    haHostSpof,
    haHostNoInstances,
    haHostDupInstance,
    haHostTypeContent,
    haHostSeparation,
    haHostTooMany,
    haHostBitness,
    haRecvNlb,
    haNlbMembership,
    haNlbOnWsfc,
    haNettcpLease,
    haRecvMustCluster,
    haRecvPop3,
    haMsmqCluster,
    haWcfNetmsmq,
    haOrderedRecv,
    haOrderedSend,
    haMqseries,
    haRecvSqlSap,
    haFileShare,
    haFileServerSpof,
    haAdapterUnknown,
    haClhostEdition,
    haClhostNodes,
    haClhostOwners,
    haClhostNetname,
    haClhostUnneeded,
    haRlFaultTolerance,
    haClusterMsdtc,
    haClusterWitness,
    haSsoMssUndeclared,
    haSsoMssSpof,
    haSsoMssNlb,
    haSsoNonclusteredHostOnNode,
    haSsoIisCluster,
    haSsoSsodbHa,
    haSsoMssOnMsgboxNode,
    haSsoBackup,
    haSsoDomain,
    haDbMissing,
    haDbSpof,
    haDbFciShape,
    haDbSqlStdNodes,
    haDbActiveActiveCapacity,
    haDbMsgboxCount,
    haDbBam,
    haDbMirroring,
    haDbVss,
    haDbSqlagent,
    haAgVersion,
    haAgSameInstance,
    haAgSync,
    haAgDtc,
    haAgOsPrereq,
    haAgListener,
    haAgStdEdition,
    haAgReplicaNodes,
    haAgJobsLogins,
    haAgBamSsasSsis,
    haTrackNone,
    haTrackSpof,
    haTrackDedicated,
    haDomGroups,
    haDomBuiltin,
    haDomLocalScope,
    haDomNameFormat,
    haMsdtcNetwork,
    haNlbIisBam,
    haPerimeterNlb,
    haDrBackupjob,
    haDrBackupLocation,
    haDrLogship,
    haDrNativeLogship,
    haDrRecoveryModel,
    haDrBamBackup,
    haSiteSpof,
    haHypervisorSpof,
    bizhaUnusedSuppression
];

export const unusedSuppressionRuleId = 'BIZHA-UNUSED-SUPPRESSION';

export const ruleIds: ReadonlySet<string> = new Set(allRules.map(rule => rule.id));

export function findRule(id: string): Rule | undefined {
    return allRules.find(rule => rule.id === id);
}
