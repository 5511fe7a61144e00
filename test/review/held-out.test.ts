import { describe, expect, test } from 'vitest';
import { describe as show, validateWorkspace } from '../helpers.js';

/**
 * Topologies written for the review, modelled on Microsoft's documented designs and their usual
 * mistakes, none of them copied from the examples or the rule tests. Each case lists the exact set
 * of rule ids the catalog (/work/shared/domain/biztalk-ha-rules.md) says should fire, with their
 * severities: a rule that fires where it should not, or stays silent where it should fire, fails.
 * Every cluster a clustered host or the master secret server uses declares its network name, every
 * two-node cluster a witness, and BizTalk 2020 groups turn receive location fault tolerance on, so
 * that only the mistake each case is about is reported.
 */
interface Case {
    readonly name: string;
    readonly files: Record<string, string>;
    /** rule id → severity of each of its diagnostics (one entry per distinct severity). */
    readonly expected: Record<string, Array<'error' | 'warning' | 'information'>>;
}

const severityNames = ['', 'error', 'warning', 'information', 'hint'];

/** The shared SQL tier of most cases: a two-node failover cluster instance holding every database, the master secret server clustered on it, a clustered file server and a standby for BizTalk log shipping. */
const sqlTier = String.raw`
    computer SQL01, SQL02, FS1, FS2, DR01
    cluster SQLCL { nodes SQL01, SQL02  storage SAN  msdtc  network-name SQLNN  witness disk }
    cluster FSCL { nodes FS1, FS2  network-name FSNN  witness disk }
    sql BTSSQL on SQLCL { edition enterprise  version 2019  databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb }
    sql DRSQL on DR01 { edition enterprise  version 2019 }
    sso { master-secret-server on SQLCL  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    backup-job { destination "\\\\FSNN\\backup"  log-shipping to DRSQL }`;

/** Receive, processing, send and a dedicated tracking host, each on BTS01 and BTS02. */
const scaledOutHosts = String.raw`
    host R { receive FILE (path "\\\\FSNN\\in")  instances on BTS01, BTS02  account CONTOSO\svc-rcv }
    host P { orchestrations  instances on BTS01, BTS02  account CONTOSO\svc-proc }
    host S { send SMTP, FILE  instances on BTS01, BTS02  account CONTOSO\svc-send }
    host T { tracking  instances on BTS01, BTS02  account CONTOSO\svc-trk }`;

const cases: Case[] = [
    {
        // Microsoft's small sample (two BizTalk computers, active/passive SQL cluster with the MSS),
        // with BAM: portal load-balanced with the isolated host, event bus on both computers.
        name: 'small sample with BAM behind the web farm: clean',
        files: {
            'small.bizha': String.raw`group Small {
    version 2020 cu 6
    receive-location-fault-tolerance on
    computer BTS01 { os 2019 }
    computer BTS02 { os 2019 }
    ${sqlTier}
    ${scaledOutHosts}
    host Web isolated { receive WCF-BasicHttp  instances on BTS01, BTS02  account CONTOSO\svc-iso }
    nlb WebFarm { kind windows  members BTS01, BTS02  fronts Web, bam-portal }
    bam { portal on BTS01, BTS02  event-bus on BTS01, BTS02  backup "\\\\FSNN\\bam" }
    databases BAMPrimaryImport, BAMStarSchema, BAMArchive on BTSSQL
}` },
        expected: {}
    },
    {
        // "How to cluster SSO and a BizTalk host in the same cluster group": the MSS is clustered on
        // the BizTalk nodes, every in-process host there is clustered in that group, and IIS is
        // clustered with it, so the isolated host is fine.
        name: 'SSO and BizTalk hosts in the same cluster group, with clustered IIS: clean',
        files: {
            'sso-host.bizha': String.raw`group SsoHost {
    version 2020 cu 6
    receive-location-fault-tolerance on
    computer BTS01, BTS02, SQL01, SQL02, DR01
    cluster BTSCL { nodes BTS01, BTS02  msdtc  iis  network-name BTSNN  witness file-share }
    cluster SQLCL { nodes SQL01, SQL02  storage SAN  msdtc  network-name SQLNN  witness disk }
    sql BTSSQL on SQLCL { edition enterprise  databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb }
    sql DRSQL on DR01 { edition enterprise }
    sso { master-secret-server on BTSCL  backup "\\\\SQLNN\\sso"  administrators CONTOSO\SSOAdmins }
    host Ftp { receive FTP  bitness 32  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\svc1 }
    host Proc { orchestrations  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\svc2 }
    host Snd { send FILE, SMTP  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\svc3 }
    host Trk { tracking  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\svc4 }
    host Web isolated { receive HTTP  instances on BTS01, BTS02  account CONTOSO\svc5 }
    backup-job { destination "\\\\DR01\\backup"  log-shipping to DRSQL }
}` },
        // The backups go to the standby's computer, which holds no production database: issue 10
        // narrows HA-DR-BACKUP-LOCATION to computers holding BizTalk databases and local drives.
        expected: {}
    },
    {
        // Active/active/passive SQL: the MessageBox instance and the other databases on two FCIs of
        // a three-node cluster; the MSS on that cluster, preferring the node that does not hold the
        // MessageBox (HA-SSO-MSS-ON-MSGBOX-NODE is satisfied); one standby per production instance.
        name: 'MSS on the SQL cluster, away from the MessageBox node: clean',
        files: {
            'mss-sql.bizha': String.raw`group MssSql {
    receive-location-fault-tolerance on
    computer BTS01, BTS02, SQL01, SQL02, SQL03, DR01, FS1, FS2
    cluster SQLCL { nodes SQL01, SQL02, SQL03  storage SAN  msdtc  network-name SQLNN }
    cluster FSCL { nodes FS1, FS2  network-name FSNN  witness disk }
    sql MsgSql on SQLCL { edition enterprise  preferred-owner SQL01  databases BizTalkMsgBoxDb }
    sql CfgSql on SQLCL { edition enterprise  preferred-owner SQL02  databases BizTalkMgmtDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb }
    sql DRMsg on DR01 { edition enterprise }
    sql DRCfg on DR01 { edition enterprise }
    sso { master-secret-server on SQLCL preferred-owner SQL02  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    ${scaledOutHosts}
    backup-job { destination "\\\\FSNN\\backup"  log-shipping to DRMsg  log-shipping to DRCfg }
}` },
        expected: {}
    },
    {
        // BizTalk 2020 on a SQL Server 2022 availability group (one instance per replica, listener
        // on 1533 with a SQL alias on every BizTalk computer, SSISDB in the group), an inventory
        // file for the hardware, MQ through a clustered queue manager, hypervisors kept apart.
        name: 'availability group design with a multi-file inventory: clean',
        files: {
            'inventory.bizha': String.raw`
computer BTS01 { os 2022  hypervisor HVA  sql-alias BTSAG }
computer BTS02 { os 2022  hypervisor HVB  sql-alias BTSAG }
computer SQL01 { os 2022  hypervisor HVA }
computer SQL02 { os 2022  hypervisor HVB }
computer MQ01, MQ02, FS1, FS2, DR01
cluster SQLCL { nodes SQL01, SQL02  witness cloud  msdtc  network-name SQLNN }
cluster MQCL { nodes MQ01, MQ02  witness cloud }
sql SQLA on SQL01 { edition enterprise  version 2022 cu 10 }
sql SQLB on SQL02 { edition enterprise  version 2022 cu 10 }
sql DRSQL on DR01 { edition enterprise  version 2022 }
queue-manager QMPROD on MQCL
`,
            'group.bizha': String.raw`group Multi {
    version 2020 cu 6
    receive-location-fault-tolerance on
    computer FS1, FS2
    cluster FSCL { nodes FS1, FS2  witness cloud  network-name FSNN }
    availability-group BTSAG {
        replicas SQLA synchronous, SQLB synchronous
        listener BTSAGL port 1533 subnets 1
        dtc-support per-database
        jobs-and-logins replicated
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb, BAMPrimaryImport, BAMStarSchema, BAMArchive, SSISDB
    }
    sso { master-secret-server on SQLCL  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    host R { receive MQSeries (queue-manager QMPROD), FILE (path "\\\\FSNN\\in")  instances on BTS01, BTS02  account CONTOSO\a }
    host P { orchestrations  instances on BTS01, BTS02  account CONTOSO\a }
    host S { send MQSeries (queue-manager QMPROD)  instances on BTS01, BTS02  account CONTOSO\a }
    host T { tracking  instances on BTS01, BTS02  account CONTOSO\a }
    bam { portal on BTS01, BTS02  event-bus on BTS01, BTS02  backup "\\\\FSNN\\bam" }
    nlb BamNlb { kind hardware  members BTS01, BTS02  fronts bam-portal }
    backup-job { destination "\\\\FSNN\\backup"  log-shipping to DRSQL }
}` },
        expected: {}
    },
    {
        // The pre-SP2 mistake: SQL Server 2016 SP1 replicas holding SSODB and BizTalkMgmtDb (and the
        // other transaction partners) on one instance. Catalog: HA-AG-SAME-INSTANCE, error.
        name: 'availability group on SQL 2016 SP1 with every database on one instance pair',
        files: {
            'ag-old.bizha': String.raw`group AgOld {
    version 2016 cu 5
    computer BTS01 { os 2019 }
    computer BTS02 { os 2019 }
    computer SQL01 { os 2019 }
    computer SQL02 { os 2019 }
    computer FS1, FS2, DR01
    cluster FSCL { nodes FS1, FS2  network-name FSNN  witness disk }
    cluster SQLCL { nodes SQL01, SQL02  msdtc  witness file-share  network-name SQLNN }
    sql SQLA on SQL01 { edition enterprise  version 2016 sp 1 }
    sql SQLB on SQL02 { edition enterprise  version 2016 sp 1 }
    sql DRSQL on DR01 { edition enterprise  version 2016 sp 1 }
    availability-group Ag1 { replicas SQLA, SQLB  listener L1  dtc-support per-database  jobs-and-logins replicated
        databases SSODB, BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, BizTalkRuleEngineDb }
    sso { master-secret-server on SQLCL  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    ${scaledOutHosts}
    backup-job { destination "\\\\FSNN\\backup"  log-shipping to DRSQL }
}` },
        expected: { 'HA-AG-SAME-INSTANCE': ['error'] }
    },
    {
        // Clustered FTP and MSMQ hosts on BizTalk 2016 with two mistakes (FTP host not 32-bit only;
        // MSMQ host on a cluster without clustered Message Queuing) and an ordered send port put in
        // a clustered host only for ordering.
        name: 'clustered FTP/MSMQ hosts: bitness, missing clustered MSMQ, needless clustering of an ordered send',
        files: {
            'queues.bizha': String.raw`group Queues {
    version 2016 cu 9
    computer BTS01, BTS02, BTS03, BTS04
    cluster BTSCL { nodes BTS01, BTS02  msdtc  network-name BTSNN  witness disk }
    ${sqlTier}
    host FtpHost { receive FTP  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\a }
    host MsmqHost { receive MSMQ (ordered)  send MSMQ  bitness 32  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\a }
    host OrderedSend { send WCF-NetTcp (ordered)  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\a }
    host R { receive FILE (path "\\\\FSNN\\in")  instances on BTS03, BTS04  account CONTOSO\a }
    host P { orchestrations  instances on BTS03, BTS04  account CONTOSO\a }
    host S { send SMTP  instances on BTS03, BTS04  account CONTOSO\a }
    host T { tracking  instances on BTS03, BTS04  account CONTOSO\a }
}` },
        expected: { 'HA-HOST-BITNESS': ['error'], 'HA-MSMQ-CLUSTER': ['error'], 'HA-ORDERED-SEND': ['information'] }
    },
    {
        // Both BizTalk virtual machines on one hypervisor: every host function stops with it.
        name: 'both BizTalk virtual machines on one hypervisor',
        files: {
            'hv.bizha': String.raw`group Hv {
    receive-location-fault-tolerance on
    computer BTS01 { hypervisor HV1 }
    computer BTS02 { hypervisor HV1 }
    ${sqlTier}
    ${scaledOutHosts}
}` },
        expected: { 'HA-HYPERVISOR-SPOF': ['error'] }
    },
    {
        // File shares: one on a single file server (error), one on a clustered file server reached
        // by its network name (fine), a local drive on a scaled-out host, the backup on a SQL node.
        name: 'file shares on a single server, on a clustered file server, on a local drive; backups on a SQL node',
        files: {
            'files.bizha': String.raw`group Files {
    receive-location-fault-tolerance on
    computer BTS01, BTS02, SQL01, SQL02, DR01, FS01, FS1, FS2
    cluster SQLCL { nodes SQL01, SQL02  storage SAN  msdtc  network-name SQLNN  witness disk }
    cluster FSCL { nodes FS1, FS2  witness disk  network-name FSNN }
    sql BTSSQL on SQLCL { edition enterprise  databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb }
    sql DRSQL on DR01 { edition enterprise }
    sso { master-secret-server on SQLCL  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    host R1 { receive FILE (path "\\\\FS01\\in")  instances on BTS01, BTS02  account CONTOSO\a }
    host R2 { receive FILE (path "\\\\FSNN\\in")  instances on BTS01, BTS02  account CONTOSO\a }
    host R3 { receive FILE (path "D:\\in")  instances on BTS01, BTS02  account CONTOSO\a }
    host P { orchestrations  instances on BTS01, BTS02  account CONTOSO\a }
    host S { send SMTP  instances on BTS01, BTS02  account CONTOSO\a }
    host T { tracking  instances on BTS01, BTS02  account CONTOSO\a }
    backup-job { destination "\\\\SQL01\\backup"  log-shipping to DRSQL }
}` },
        expected: { 'HA-FILE-SERVER-SPOF': ['error'], 'HA-FILE-SHARE': ['warning'], 'HA-DR-BACKUP-LOCATION': ['warning'] }
    },
    {
        // Production in site A, BizTalk log shipping to a standby in site B: the databases and the
        // MSS are covered for site loss; the BizTalk servers are not (information).
        name: 'log shipping to a standby in another site',
        files: {
            'dr.bizha': String.raw`group LsDr {
    receive-location-fault-tolerance on
    computer BTS01 { site A }
    computer BTS02 { site A }
    computer SQL01 { site A }
    computer SQL02 { site A }
    computer DR01 { site B }
    computer FS1 { site A }
    computer FS2 { site B }
    cluster SQLCL { nodes SQL01, SQL02  storage SAN  msdtc  network-name SQLNN  witness disk }
    cluster FSCL { nodes FS1, FS2  network-name FSNN  witness disk }
    sql BTSSQL on SQLCL { edition enterprise  databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb }
    sql DRSQL on DR01 { edition enterprise }
    sso { master-secret-server on SQLCL  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    ${scaledOutHosts}
    backup-job { destination "\\\\FSNN\\backup"  log-shipping to DRSQL }
}` },
        expected: { 'HA-SITE-SPOF': ['information'] }
    },
    {
        // The same with the standby in the production site: no DR copy for a site loss.
        name: 'log shipping to a standby in the production site',
        files: {
            'dr-same.bizha': String.raw`group LsSame {
    receive-location-fault-tolerance on
    computer BTS01 { site A }
    computer BTS02 { site A }
    computer SQL01 { site A }
    computer SQL02 { site A }
    computer DR01 { site A }
    computer FS1 { site A }
    computer FS2 { site B }
    cluster SQLCL { nodes SQL01, SQL02  storage SAN  msdtc  network-name SQLNN  witness disk }
    cluster FSCL { nodes FS1, FS2  network-name FSNN  witness disk }
    sql BTSSQL on SQLCL { edition enterprise  databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb }
    sql DRSQL on DR01 { edition enterprise }
    sso { master-secret-server on SQLCL  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    ${scaledOutHosts}
    backup-job { destination "\\\\FSNN\\backup"  log-shipping to DRSQL }
}` },
        expected: { 'HA-SITE-SPOF': ['information'], 'HA-DR-LOGSHIP': ['warning'] }
    },
    {
        // Standard edition on one BizTalk computer, declared `availability standard`: no error (no
        // HA intent, nothing Standard edition forbids), every single point of failure a warning.
        name: 'Standard edition, one BizTalk computer, availability standard',
        files: {
            'std.bizha': String.raw`group Std {
    edition standard
    availability standard
    receive-location-fault-tolerance on
    computer BTS01
    ${sqlTier.replace(/edition enterprise/g, 'edition standard')}
    host R { receive FILE (path "\\\\FSNN\\in")  instances on BTS01  account CONTOSO\a }
    host P { orchestrations  instances on BTS01  account CONTOSO\a }
    host S { send SMTP  instances on BTS01  account CONTOSO\a }
    host T { tracking  instances on BTS01  account CONTOSO\a }
}` },
        expected: { 'HA-GROUP-MIN-SERVERS': ['warning'], 'HA-HOST-SPOF': ['warning'], 'HA-TRACK-SPOF': ['warning'] }
    },
    {
        // Standard edition with a second BizTalk computer: Standard allows one per group.
        name: 'Standard edition with two BizTalk computers',
        files: {
            'std2.bizha': String.raw`group Std2 {
    edition standard
    receive-location-fault-tolerance on
    computer BTS01, BTS02
    ${sqlTier.replace(/edition enterprise/g, 'edition standard')}
    ${scaledOutHosts}
}` },
        expected: { 'HA-EDITION-SCALEOUT': ['error'] }
    },
    {
        // Microsoft's minimal two-computer layout ("not highly available"): SQL Server active/active
        // and every BizTalk host on the same two cluster nodes, the MSS clustered there too.
        name: 'two computers running SQL active/active, the MSS and every host',
        files: {
            'two-box.bizha': String.raw`group TwoBox {
    receive-location-fault-tolerance on
    computer N1, N2, FS1, FS2
    cluster CL { nodes N1, N2  storage SAN  msdtc  network-name CLNN  witness disk }
    cluster FSCL { nodes FS1, FS2  network-name FSNN  witness disk }
    sql SQLA on CL { edition enterprise  databases BizTalkMsgBoxDb }
    sql SQLB on CL { edition enterprise  databases BizTalkMgmtDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb }
    sso { master-secret-server on CL  backup "\\\\FSNN\\sso"  administrators CONTOSO\SSOAdmins }
    host R { receive FILE (path "\\\\FSNN\\in")  instances on N1, N2  account CONTOSO\a }
    host P { orchestrations  instances on N1, N2  account CONTOSO\a }
    host S { send SMTP  instances on N1, N2  account CONTOSO\a }
    host T { tracking  instances on N1, N2  account CONTOSO\a }
    backup-job { destination "\\\\FSNN\\backup" }
}` },
        expected: {
            'HA-SSO-NONCLUSTERED-HOST-ON-NODE': ['error'], 'HA-TIER-SEPARATION': ['error'],
            'HA-DB-ACTIVE-ACTIVE-CAPACITY': ['warning'], 'HA-DR-LOGSHIP': ['information']
        }
    },
    {
        // The SSO-and-host design done wrong: an unclustered processing host on the SSO nodes and
        // isolated receive there without clustered IIS. The clustered FILE receive and send hosts
        // are clustered because of SSO: HA-CLHOST-UNNEEDED must not ask to uncluster them.
        name: 'SSO clustered on BizTalk nodes with an unclustered host and no clustered IIS',
        files: {
            'sso-bad.bizha': String.raw`group SsoBad {
    receive-location-fault-tolerance on
    computer BTS01, BTS02
    cluster BTSCL { nodes BTS01, BTS02  msdtc  network-name BTSNN  witness disk }
    ${sqlTier.replace('master-secret-server on SQLCL', 'master-secret-server on BTSCL')}
    host Rcv { receive FILE (path "\\\\FSNN\\in")  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\a }
    host P { orchestrations  instances on BTS01, BTS02  account CONTOSO\a }
    host S { send SMTP  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\a }
    host T { tracking  clustered on BTSCL  instances on BTS01, BTS02  account CONTOSO\a }
    host Web isolated { receive WCF-BasicHttp  instances on BTS01, BTS02  account CONTOSO\a }
    nlb WebNlb { kind hardware  members BTS01, BTS02  fronts Web }
}` },
        expected: { 'HA-SSO-NONCLUSTERED-HOST-ON-NODE': ['error'], 'HA-SSO-IIS-CLUSTER': ['error'] }
    },
    {
        // MQSeries: one queue manager clustered (fine, scaled-out hosts), one on a single computer
        // (HA-MQSERIES, a warning in the catalog); an ordered MQSeries receive in a clustered host.
        name: 'MQSeries with a clustered and an unclustered queue manager',
        files: {
            'mq.bizha': String.raw`group Mq {
    receive-location-fault-tolerance on
    computer BTS01, BTS02, BTS03, BTS04, MQ01, MQ02, MQ03
    cluster MQCL { nodes MQ01, MQ03  network-name MQNN  witness disk }
    cluster BTSCL { nodes BTS03, BTS04  msdtc  network-name BTSNN  witness disk }
    queue-manager QM1 on MQCL
    queue-manager QM2 on MQ02
    ${sqlTier}
    host MqA { receive MQSeries (queue-manager QM1)  send MQSeries (queue-manager QM1)  instances on BTS01, BTS02  account CONTOSO\a }
    host MqB { receive MQSeries (queue-manager QM2)  instances on BTS01, BTS02  account CONTOSO\a }
    host MqOrdered { receive MQSeries (ordered, queue-manager QM1)  clustered on BTSCL  instances on BTS03, BTS04  account CONTOSO\a }
    host P { orchestrations  instances on BTS01, BTS02  account CONTOSO\a }
    host T { tracking  instances on BTS01, BTS02  account CONTOSO\a }
}` },
        expected: { 'HA-MQSERIES': ['warning'] }
    },
    {
        // Perimeter network: two DMZ servers behind a hardware load balancer (fine) and a third
        // alone running its own isolated host.
        name: 'perimeter-network receive servers, one of them alone',
        files: {
            'dmz.bizha': String.raw`group Dmz {
    receive-location-fault-tolerance on
    computer BTS01, BTS02
    computer WEB01 { zone perimeter }
    computer WEB02 { zone perimeter }
    computer WEB03 { zone perimeter }
    ${sqlTier}
    ${scaledOutHosts}
    host WebRcv isolated { receive WCF-WSHttp, SOAP  instances on WEB01, WEB02  account CONTOSO\a }
    host PartnerRcv isolated { receive HTTP  instances on WEB03  account CONTOSO\a }
    nlb DmzFarm { kind hardware  members WEB01, WEB02  fronts WebRcv }
}` },
        expected: { 'HA-HOST-SPOF': ['error'], 'HA-PERIMETER-NLB': ['information'] }
    },
    {
        // Account and adapter details: a UPN service account, a domain local group (one domain),
        // WCF-NetTcp behind a load balancer with the default lease.
        name: 'UPN account, domain local group, WCF-NetTcp behind a load balancer without a lease timeout',
        files: {
            'accounts.bizha': String.raw`group Accounts {
    receive-location-fault-tolerance on
    computer BTS01, BTS02
    ${sqlTier}
    ${scaledOutHosts}
    host Tcp { receive WCF-NetTcp  instances on BTS01, BTS02  account svc-tcp@contoso.com  windows-group CONTOSO\BizTalkUsers (domain-local) }
    nlb TcpNlb { kind windows  members BTS01, BTS02  fronts Tcp }
}` },
        expected: { 'HA-DOM-NAME-FORMAT': ['warning'], 'HA-DOM-LOCAL-SCOPE': ['information'], 'HA-NETTCP-LEASE': ['information'] }
    }
];

describe('held-out review topologies', () => {
    test.each(cases.map(c => [c.name, c] as const))('%s', async (_name, { files, expected }) => {
        const diagnostics = [...(await validateWorkspace(files)).values()].flat();
        const found: Record<string, Set<string>> = {};
        for (const diagnostic of diagnostics) (found[String(diagnostic.code)] ??= new Set()).add(severityNames[diagnostic.severity ?? 1]);
        const actual = Object.fromEntries(Object.entries(found).map(([id, severities]) => [id, [...severities].sort()]));
        const want = Object.fromEntries(Object.entries(expected).map(([id, severities]) => [id, [...severities].sort()]));
        expect(actual, diagnostics.map(show).join('\n')).toEqual(want);
    });
});
