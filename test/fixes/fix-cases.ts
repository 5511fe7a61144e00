import { bamGroup, cleanGroup, exampleFiles, variant } from '../fixtures.js';

/** Topologies on which quick fixes are exercised: every example and one case per fixable rule. */
export function fixCorpus(): Array<{ name: string; text: string }> {
    const examples = exampleFiles()
        .filter(file => !file.path.startsWith('multi-file/'))
        .map(file => ({ name: `examples/${file.path}`, text: file.text }));
    const cases: Array<[string, Array<[string, string]>]> = [
        ['HA-HOST-SPOF', [['host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }', 'host SendHost { send FILE, SMTP  instances on BTS01 }']]],
        ['HA-HOST-NO-INSTANCES', [['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', 'host ProcessingHost { orchestrations }']]],
        ['HA-HOST-DUP-INSTANCE', [['host ProcessingHost { orchestrations  instances on BTS01, BTS02 }', 'host ProcessingHost { orchestrations  instances on BTS01, BTS02, BTS01 }']]],
        ['HA-HOST-BITNESS and HA-RECV-MUST-CLUSTER', [['receive FILE (path', 'receive FTP, FILE (path']]],
        ['HA-RECV-MUST-CLUSTER with a BizTalk cluster', [['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03, BTS04\n    cluster BTSCL { nodes BTS03, BTS04  msdtc }\n    host Spare { send SMTP  clustered on BTSCL  instances on BTS03, BTS04 }'], ['receive FILE (path', 'receive SFTP, FILE (path']]],
        ['HA-MSMQ-CLUSTER', [['host SendHost { send FILE, SMTP', 'host SendHost { send FILE, SMTP, MSMQ']]],
        ['HA-ORDERED-RECV', [['receive FILE (path', 'receive MQSeries (ordered), FILE (path']]],
        ['HA-RECV-SQL-SAP', [['receive FILE (path', 'receive SAP, FILE (path']]],
        ['HA-WCF-NETMSMQ', [['receive FILE (path', 'receive WCF-NetMsmq, FILE (path']]],
        ['HA-RECV-POP3', [['receive FILE (path', 'receive POP3 (shared-mailbox), FILE (path']]],
        ['HA-RECV-NLB', [['    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }\n', '']]],
        ['HA-NLB-MEMBERSHIP', [['nlb WebFarm { members BTS01, BTS02', 'nlb WebFarm { members BTS01']]],
        ['HA-NLB-ON-WSFC', [['computer SQL01, SQL02', 'computer SQL01, SQL02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc }']]],
        ['HA-CLHOST-OWNERS and HA-CLUSTER-MSDTC', [['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03, BTS04\n    cluster BTSCL { nodes BTS03, BTS04 }\n    host FtpHost { receive FTP  bitness 32  clustered on BTSCL  instances on BTS03 }']]],
        ['HA-SSO-MSS-SPOF', [['master-secret-server on SQLCL', 'master-secret-server on SQL01']]],
        ['HA-SSO-IIS-CLUSTER', [['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  msdtc }\n'], ['nlb WebFarm {', 'nlb WebFarm { kind hardware '], ['master-secret-server on SQLCL', 'master-secret-server on BTSCL']]],
        ['HA-SSO-BACKUP', [['        backup "\\\\\\\\fs01\\\\sso"\n', '']]],
        ['HA-EDITION-SCALEOUT and HA-CLHOST-EDITION', [['edition enterprise\n', 'edition standard\n']]],
        ['HA-TRACK-NONE', [['    host TrackingHost { tracking  instances on BTS01, BTS02 }\n', '']]],
        ['HA-TRACK-SPOF', [['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  instances on BTS01 }']]],
        ['HA-TRACK-DEDICATED', [['    host TrackingHost { tracking  instances on BTS01, BTS02 }\n', ''], ['host SendHost { send FILE, SMTP', 'host SendHost { tracking  send FILE, SMTP']]],
        ['HA-HOST-SEPARATION', [['host SendHost { send FILE, SMTP', 'host SendHost { orchestrations  send FILE, SMTP']]],
        ['HA-DR-BACKUPJOB', [['    backup-job {\n        destination "\\\\\\\\fs01\\\\btsbackup"\n        log-shipping to DRSQL\n    }\n', '']]],
        ['HA-DOM-GROUPS', [['account CONTOSO\\svc-bts', 'account BTS01\\svc-bts']]],
        ['HA-MSDTC-NETWORK', [['computer BTS01, BTS02', 'computer BTS01 { msdtc off }, BTS02']]],
        ['HA-SSO-MSS-UNDECLARED', [['        master-secret-server on SQLCL\n', '']]],
        ['HA-DB-MISSING', [['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkRuleEngineDb']]],
        ['BIZHA-UNUSED-SUPPRESSION', [['    host ProcessingHost', '    // bizha-ignore HA-HOST-SPOF -- nothing to silence here\n    host ProcessingHost']]],
        ['HA-RL-FAULT-TOLERANCE (not written)', [['    receive-location-fault-tolerance on\n', '']]],
        ['HA-RL-FAULT-TOLERANCE (off)', [['receive-location-fault-tolerance on', 'receive-location-fault-tolerance off']]],
        ['HA-CLHOST-NETNAME', [['        network-name SQLCLSSO\n', '']]],
        ['HA-SSO-MSS-ON-MSGBOX-NODE', [['        version 2019\n', '        version 2019\n        preferred-owner SQL01\n'], ['master-secret-server on SQLCL', 'master-secret-server on SQLCL preferred-owner SQL01']]],
        ['HA-DB-SQLAGENT', [['        version 2019\n', '        version 2019\n        agent stopped\n']]],
        ['HA-DB-MSGBOX-COUNT publication', [['computer BTS01, BTS02\n', 'computer BTS01, BTS02, BTS03, BTS04\n'], ['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  instances on BTS01, BTS02, BTS03, BTS04 }'], ['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb, messagebox BizTalkMsgBoxDb2, messagebox BizTalkMsgBoxDb3']]],
        ['HA-DB-MIRRORING, HA-DB-VSS and HA-DR-RECOVERY-MODEL on one database', [['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb, BizTalkMsgBoxDb (mirrored, vss, recovery simple), BizTalkDTADb, SSODB, BizTalkRuleEngineDb']]],
        ['HA-DB-MIRRORING and HA-DR-NATIVE-LOGSHIP alone', [['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb (sql-log-shipping), BizTalkMsgBoxDb (mirrored), BizTalkDTADb, SSODB, BizTalkRuleEngineDb']]],
        ['HA-AG-SAME-INSTANCE', [['version 2020 cu 6', 'version 2016 cu 5'], ['    computer DR01\n', '    computer DR01\n    sql AGA on SQL01 { version 2016 sp 1 }\n    sql AGB on SQL02 { version 2016 sp 1 }\n    availability-group AG1 { replicas AGA, AGB  listener AGL  dtc-support per-database  databases BAMPrimaryImport, EsbExceptionDb }\n']]],
        ['HA-TIER-SEPARATION', [['sql BTSSQL on SQLCL', 'sql BTSSQL on BTS01']]],
        ['HA-DB-SPOF on a SQL computer', [['sql BTSSQL on SQLCL', 'sql BTSSQL on SQL01']]],
        ['HA-DB-SPOF with a highly available instance to move to', [['sql BTSSQL on SQLCL {', 'sql OTHER on SQLCL { databases BAMPrimaryImport }\n    sql BTSSQL on SQL01 {']]],
        ['HA-DB-ACTIVE-ACTIVE-CAPACITY', [['sql BTSSQL on SQLCL {', 'sql BAMSQL on SQLCL { databases BAMPrimaryImport }\n    sql BTSSQL on SQLCL {'], ['edition enterprise\n        version 2019', 'edition standard\n        version 2019']]],
        ['HA-DB-SQL-STD-NODES', [['nodes SQL01, SQL02', 'nodes SQL01, SQL02, SQL03'], ['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03'], ['edition enterprise\n        version 2019', 'edition standard\n        version 2019']]],
        ['HA-DB-FCI-SHAPE', [['        storage SAN01\n', '']]],
        ['HA-CLHOST-NODES', [['computer BTS01, BTS02', 'computer BTS01, BTS02, BTS03\n    cluster BTSCL { nodes BTS03  msdtc }\n    host Clustered { send SMTP  clustered on BTSCL  instances on BTS03 }']]],
        ['HA-FILE-SHARE', [['receive FILE (path "\\\\\\\\fs-cluster\\\\in")', 'receive FILE (path "D:\\\\Drop\\\\In")']]],
        ['HA-DR-LOGSHIP', [['        log-shipping to DRSQL\n', '']]],
        ['HA-SSO-MSS-NLB', [['master-secret-server on SQLCL', 'master-secret-server on BTS01'], ['nlb WebFarm { members BTS01, BTS02', 'nlb WebFarm { kind windows  members BTS01, BTS02']]],
        ['HA-AG-SYNC and HA-AG-DTC', [['    computer DR01\n', '    computer DR01\n    sql AGA on SQL01 { version 2019 }\n    sql AGB on SQL02 { version 2019 }\n    availability-group AG1 { replicas AGA, AGB asynchronous  databases BAMPrimaryImport }\n']]]
    ];
    const singleComputer = cleanGroup.replace('computer BTS01, BTS02', 'computer BTS01').replaceAll('BTS01, BTS02', 'BTS01');
    return [
        ...examples,
        ...cases.map(([name, replacements]) => ({ name, text: variant(replacements, cleanGroup) })),
        { name: 'HA-HOST-SPOF without candidates', text: singleComputer },
        // Standard edition allows one BizTalk computer: the fixes that add one must also change the edition.
        { name: 'HA-GROUP-MIN-SERVERS and HA-HOST-SPOF in Standard edition', text: singleComputer.replace('edition enterprise\n', 'edition standard\n    availability standard\n') },
        { name: 'HA-NLB-IIS-BAM (a load balancer of the portal computers exists)', text: variant([['fronts WebReceive, bam-portal', 'fronts WebReceive']], bamGroup) },
        { name: 'HA-NLB-IIS-BAM (no load balancer of the portal computers)', text: variant([['fronts WebReceive, bam-portal', 'fronts WebReceive'], ['members BTS01, BTS02', 'members BTS01']], bamGroup) },
        { name: 'HA-DR-BAM-BACKUP (bam block)', text: variant([['        backup "\\\\\\\\fs01\\\\bam"\n', '']], bamGroup) },
        { name: 'HA-DR-BAM-BACKUP (BAM databases only)', text: variant([['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb, BAMPrimaryImport, BAMStarSchema']]) }
    ];
}
