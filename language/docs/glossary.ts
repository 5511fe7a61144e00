/**
 * The BizTalk and clustering concepts behind the .bizha keywords, in bizha's own words: hovers show
 * `text` with its source pages, completion shows `summary`. Facts follow the domain notes
 * (Microsoft's BizTalk documentation); every entry names the page it comes from.
 */

export interface GlossaryEntry {
    /** Heading shown in the hover. */
    readonly term: string;
    /** One line, for completion items. */
    readonly summary: string;
    /** One to three sentences. */
    readonly text: string;
    /** Further paragraphs (caveats the reference wants shown). */
    readonly notes?: readonly string[];
    /** Microsoft Learn pages, as paths under learn.microsoft.com/en-us/biztalk/. */
    readonly sources: readonly string[];
}

/** The Microsoft Learn address of a BizTalk documentation page (`core/hosts` → https://...). */
export function docUrl(path: string): string {
    return `https://learn.microsoft.com/en-us/biztalk/${path}`;
}

/** A page's last path segment, readable as a link title: `core/hosts` → "hosts". */
export function docTitle(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1).replace(/\d+$/, '').replace(/-/g, ' ');
}

export const glossary = {
    'group': {
        term: 'BizTalk group',
        summary: 'A BizTalk group: computers sharing one Management database, MessageBox(es) and SSO',
        text: 'The BizTalk Server computers that share one Management database, one or more MessageBox databases and one Enterprise SSO system. It is the unit you administer and scale out; it is highly available only when every tier in it has a redundant partner.',
        sources: ['core/creating-a-highly-available-biztalk-server-environment', 'technical-guides/planning-for-high-availability-and-disaster-recovery']
    },
    'biztalk-version': {
        term: 'BizTalk Server version',
        summary: 'BizTalk Server release (2013, 2013 r2, 2016, 2020) and cumulative update',
        text: 'The BizTalk Server release of the group, with its cumulative update. Some high-availability options depend on it: availability groups need BizTalk 2016 with CU5 or BizTalk 2020, and receive location fault tolerance exists from 2020. bizha assumes 2020 when it is not set.',
        sources: ['install-and-config-guides/hardware-and-software-requirements-for-biztalk-server-2020', 'core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'biztalk-edition': {
        term: 'BizTalk Server edition',
        summary: 'BizTalk edition: only Enterprise (and Developer) scale out and cluster',
        text: 'Only Enterprise edition (and Developer, which is not for production) allows more than one BizTalk computer in a group, clustered hosts and several MessageBoxes. Standard and Branch editions run on one computer, so they cannot be made highly available. bizha assumes enterprise when it is not set.',
        sources: ['technical-guides/planning-the-environment-for-biztalk-server', 'core/use-windows-cluster-to-provide-high-availability-for-biztalk-hosts']
    },
    'availability': {
        term: 'Availability intent',
        summary: 'Whether the group is meant to be highly available (high) or not (standard)',
        text: 'bizha\'s own setting: `availability high` (the default) treats every single point of failure as an error; `availability standard` declares that the group is not meant to be highly available and lowers every finding by one severity level. Microsoft calls clustering and load balancing high availability, and log shipping for disaster recovery increased availability.',
        sources: ['technical-guides/increasing-availability-for-biztalk-server']
    },
    'computer': {
        term: 'Computer',
        summary: 'A Windows server: BizTalk runtime, SQL Server node or both, by what runs on it',
        text: 'A physical or virtual Windows server. bizha infers its role: it is a BizTalk computer when a host instance runs on it, and a SQL computer when a SQL instance runs on it or it is a node of a cluster holding one. High availability needs every function on at least two computers.',
        sources: ['install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment', 'core/providing-high-availability-for-biztalk-hosts']
    },
    'site': {
        term: 'Site (failure domain)',
        summary: 'A failure domain larger than one computer (rack, data centre)',
        text: 'Names something larger than one computer that can fail as a whole, such as a rack, a power feed or a data centre. The analysis treats each site as a component: a function whose providers all sit in one site has that site as a single point of failure.',
        sources: ['core/planning-your-platform-for-fault-tolerance']
    },
    'msdtc-network': {
        term: 'Network DTC access',
        summary: 'Network access of the Distributed Transaction Coordinator on this computer',
        text: 'BizTalk runs distributed transactions across its databases and with SSO, through MSDTC. Network DTC access must be enabled on every BizTalk and SQL computer (with the same RPC authentication level, and its ports open); `msdtc off` records that it is disabled.',
        notes: [
            'BizTalk calls SQL Server and the master secret server through MSDTC, so MSDTC on those computers is as critical as they are: its failure there stops the whole group, while on a BizTalk-only computer it stops that computer (HA-MSDTC-SCOPE).'
        ],
        sources: ['core/considerations-for-installing-biztalk-server-on-a-windows-server-cluster2', 'install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment', 'technical-guides/planning-for-high-availability2']
    },
    'cluster': {
        term: 'Windows Server failover cluster',
        summary: 'A Windows Server failover cluster (WSFC): roles fail over between its nodes',
        text: 'A set of Windows nodes that own cluster groups (roles) of resources, which move to another node when their node fails. BizTalk uses it for SQL Server, the SSO master secret server, MSDTC, MSMQ, IIS and clustered hosts; in bizha a cluster stands for one cluster group, except that each SQL failover cluster instance is a role of its own.',
        sources: ['core/use-windows-cluster-to-provide-high-availability-for-biztalk-hosts', 'core/clustering-the-biztalk-server-databases1']
    },
    'nodes': {
        term: 'Cluster nodes (possible owners)',
        summary: 'The computers that are nodes of the cluster (the possible owners of its roles)',
        text: 'The computers a clustered role can run on. Every possible owner of a clustered BizTalk host needs an instance of that host, or failover to it fails; a failover cluster instance needs at least two nodes.',
        sources: ['core/how-to-configure-a-biztalk-host-as-a-cluster-resource1', 'core/clustering-the-biztalk-server-databases1']
    },
    'storage': {
        term: 'Shared storage',
        summary: 'The shared disk (SAN, RAID array) every node of the cluster reaches',
        text: 'The disk array, SAN or shared disk that all nodes of a SQL failover cluster instance reach; RAID 1+0 is recommended for the BizTalk databases. bizha assumes it is internally redundant, as Microsoft\'s guidance does, so it is not a failure component.',
        notes: [
            'Put the databases on a SAN with RAID 1+0, the MessageBox and BAMPrimaryImport above all, with separate disks per database (HA-DB-STORAGE).'
        ],
        sources: ['core/clustering-the-biztalk-server-databases1', 'technical-guides/planning-for-database-availability']
    },
    'msdtc-clustered': {
        term: 'Clustered MSDTC',
        summary: 'MSDTC is a clustered resource on this cluster',
        text: 'The Distributed Transaction Coordinator as a clustered resource. It must exist before BizTalk is installed on a cluster and is recommended wherever SQL Server, SSO or hosts are clustered: MSDTC on the SQL or master secret server computers is as critical as they are.',
        notes: [
            'BizTalk calls SQL Server and the master secret server through MSDTC, so MSDTC on those computers is as critical as they are: its failure there stops the whole group, while on a BizTalk-only computer it stops that computer (HA-MSDTC-SCOPE).'
        ],
        sources: ['core/considerations-for-installing-biztalk-server-on-a-windows-server-cluster2', 'technical-guides/planning-for-high-availability2', 'technical-guides/planning-for-high-availability2']
    },
    'msmq-clustered': {
        term: 'Clustered MSMQ',
        summary: 'Message Queuing is a clustered resource on this cluster',
        text: 'Message Queuing as a clustered resource. MSMQ send handlers and receive handlers that read local transactional queues belong in a clustered host in the same cluster group as this resource; a local MSMQ service must still run on every node.',
        sources: ['core/considerations-for-running-adapter-handlers-within-a-clustered-host1', 'core/transaction-handling-with-the-msmq-adapter']
    },
    'iis-clustered': {
        term: 'Clustered IIS',
        summary: 'The IIS web service is a clustered resource on this cluster',
        text: 'The IIS web service (W3SVC) as a clustered resource. When SSO is clustered on BizTalk computers that also run isolated hosts, IIS must be clustered in the same group, so isolated host instances always run on the node that owns SSO.',
        sources: ['core/how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1']
    },
    'nlb': {
        term: 'Network load balancer',
        summary: 'A load balancer (Windows NLB or hardware) in front of isolated hosts',
        text: 'Spreads incoming TCP/IP connections over several computers behind one virtual address and stops sending to members that fail. BizTalk cannot spread inbound HTTP, SOAP and isolated WCF calls itself, so isolated receive hosts are scaled out behind one.',
        sources: ['core/scaled-out-receiving-hosts', 'core/scaling-out-the-biztalk-server-tier']
    },
    'nlb-kind': {
        term: 'Load balancer kind',
        summary: 'windows (Windows NLB, the default) or hardware (an appliance)',
        text: 'Windows Network Load Balancing runs on the member computers and fails with them; a hardware load balancer is assumed to be a redundant pair of appliances. Windows NLB is not supported on failover-cluster nodes, so cluster nodes need a hardware load balancer.',
        sources: ['core/migrating-from-the-msmqt-adapter-to-the-msmq-adapter', 'core/scaled-out-receiving-hosts']
    },
    'nlb-members': {
        term: 'Load balancer members',
        summary: 'The computers the load balancer sends requests to',
        text: 'The computers that receive the balanced traffic. Each member must run an instance of the host it fronts (and IIS); a member without one gets requests it cannot serve, and a host computer outside the list adds no availability.',
        sources: ['core/scaled-out-receiving-hosts']
    },
    'nlb-fronts': {
        term: 'Fronted hosts',
        summary: 'The isolated hosts whose receive handlers sit behind this load balancer',
        text: 'The isolated hosts (HTTP, SOAP, isolated WCF receive handlers in IIS) reached through this load balancer. Their entry point stays up while one member with a host instance is up.',
        sources: ['core/scaled-out-receiving-hosts', 'core/sample-architecture-http-and-soap-adapters']
    },
    'sql': {
        term: 'SQL Server instance',
        summary: 'A SQL Server instance: standalone on a computer, or a failover cluster instance on a cluster',
        text: 'A SQL Server instance that can hold BizTalk databases. `sql X on <computer>` is standalone and fails with its computer; `sql X on <cluster>` is a failover cluster instance that moves to another node. BizTalk stops when its databases are unavailable, so each should be on a failover cluster instance or in an availability group.',
        notes: [
            'Build the platform first: the SQL Server failover cluster (and a clustered master secret server) are set up and highly available before BizTalk is installed and its hosts configured (HA-PLATFORM-FIRST).',
            'During a SQL Server failover (failover cluster instance or availability group alike), in-process host instances recycle until the databases are back and then carry on; isolated host instances pause, disable their receive locations with an event-log entry and enable them again when the MessageBox and Management database return. The BAM WCF interceptor does not retry, and the WF interceptor retries only reading its configuration, so BAM writes during the failover are for the application to compensate.',
            'A SQL Server outage stops the whole group, not one computer: every BizTalk computer needs the MessageBox and Management database.'
        ],
        sources: ['core/providing-high-availability-for-biztalk-server-databases', 'core/clustering-the-biztalk-server-databases1', 'core/creating-a-highly-available-biztalk-server-environment', 'core/behavior-of-biztalk-server-host-instances-during-sql-server-failover', 'core/bam-interceptors-in-a-high-availability-environment']
    },
    'sql-edition': {
        term: 'SQL Server edition',
        summary: 'SQL Server edition: Standard clusters have at most two nodes',
        text: 'Standard edition failover clusters have at most two nodes, so active/active/passive layouts need Enterprise; Standard basic availability groups hold a single database each, too few for BizTalk.',
        sources: ['technical-guides/clustering-the-biztalk-server-databases2', 'core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'sql-version': {
        term: 'SQL Server version',
        summary: 'SQL Server release, service pack and cumulative update',
        text: 'The SQL Server release with its service pack and cumulative update. Availability groups for BizTalk need SQL Server 2016 or later (2016 SP2 CU7 or later with BizTalk 2020); earlier releases lack the MSDTC support BizTalk needs.',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups', 'install-and-config-guides/hardware-and-software-requirements-for-biztalk-server-2020']
    },
    'databases': {
        term: 'Database placement',
        summary: 'Which BizTalk databases live on this SQL instance or availability group',
        text: 'Places BizTalk databases on a SQL instance or availability group. A database belongs to exactly one placement, and its availability is that of the instance or group holding it; BizTalk\'s well-known names (BizTalkMgmtDb, BizTalkMsgBoxDb, ...) imply their kind.',
        notes: [
            'For performance rather than availability, the busy runtime databases (Management, MessageBox, Tracking, SSO) can go on separate SQL instances as load requires; Microsoft\'s large sample gives each MessageBox its own SQL Server (HA-DB-SPLIT-HINT).',
            'Options after a name describe how the database is run: `recovery full|simple|bulk-logged`, `publication on|off`, `mirrored`, `sql-log-shipping`, `vss`.'
        ],
        sources: ['core/databases-in-biztalk-server', 'core/providing-high-availability-for-biztalk-server-databases', 'technical-guides/high-availability-for-databases']
    },
    'db-messagebox': {
        term: 'MessageBox database',
        summary: 'Database kind: a MessageBox (the first one declared is the master)',
        text: 'The publish/subscribe engine: routing, queues and orchestration state. With several MessageBoxes the first is the master that holds subscriptions; each one holds unique state, so every MessageBox must be highly available.',
        sources: ['core/scaled-out-databases', 'core/databases-in-biztalk-server']
    },
    'db-management': {
        term: 'Management database',
        summary: 'Database kind: the group\'s Management (configuration) database',
        text: 'The central configuration store of the group (BizTalkMgmtDb). It carries little traffic but every BizTalk function needs it at run time.',
        sources: ['core/databases-in-biztalk-server']
    },
    'db-tracking': {
        term: 'Tracking database',
        summary: 'Database kind: the tracking database (BizTalkDTADb)',
        text: 'Tracked events and message bodies (BizTalkDTADb), written by the tracking host. It is write-heavy and can grow quickly.',
        sources: ['core/databases-in-biztalk-server', 'technical-guides/configuring-a-dedicated-tracking-host']
    },
    'db-sso': {
        term: 'SSO database',
        summary: 'Database kind: the Enterprise SSO database (SSODB)',
        text: 'The encrypted credentials and adapter configuration of Enterprise SSO (SSODB). The master secret server depends on it, so SSO is only as available as this database.',
        sources: ['core/databases-in-biztalk-server', 'technical-guides/clustering-the-master-secret-server']
    },
    'db-rules': {
        term: 'Rule Engine database',
        summary: 'Database kind: the Business Rules Engine database',
        text: 'Business Rules Engine policies and vocabularies (BizTalkRuleEngineDb). Traffic is low; the Rule Engine Update Service on each server reads it.',
        sources: ['core/databases-in-biztalk-server']
    },
    'db-bam': {
        term: 'BAM database',
        summary: 'Database kind: a Business Activity Monitoring database',
        text: 'Business Activity Monitoring data. BAMPrimaryImport holds raw activity data that cannot be regenerated, so it should be clustered; BAMArchive, BAMStarSchema and BAMAnalysis are backed up by the BAM procedures rather than the Backup BizTalk Server job.',
        sources: ['core/scaled-out-databases', 'core/backing-up-and-restoring-biztalk-server-databases']
    },
    'availability-group': {
        term: 'Always On availability group',
        summary: 'A SQL Server Always On availability group: databases replicated to other replicas',
        text: 'Databases replicated from a primary SQL instance to secondary replicas on other nodes of one failover cluster; BizTalk connects through the listener. BizTalk supports it from SQL Server 2016 (with BizTalk 2016 CU5 or 2020), with synchronous commit and per-database DTC support only.',
        notes: [
            'On Azure virtual machines with shared disks, Microsoft describes a failover cluster instance (with SQL Server and MSDTC clustered) as the more available choice: an availability group over Storage Spaces Direct pays synchronous disk overhead and fails over more slowly; on Azure also fix the MSDTC port (above 20000) (HA-AG-VS-FCI).'
        ],
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'replicas': {
        term: 'Availability replicas',
        summary: 'The SQL instances that hold copies of the group\'s databases',
        text: 'The SQL instances holding a copy of the availability group\'s databases, each on a different node of the same failover cluster. A database stays available while one synchronous replica is up.',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'commit-mode': {
        term: 'Commit mode',
        summary: 'synchronous (the default; BizTalk\'s only supported mode) or asynchronous',
        text: 'BizTalk supports synchronous-commit replicas only. For a remote disaster-recovery copy use the Backup BizTalk Server job with BizTalk log shipping, not an asynchronous replica; bizha does not count asynchronous replicas as redundancy.',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'listener': {
        term: 'Availability group listener',
        summary: 'The virtual network name (and port) BizTalk connects to',
        text: 'The virtual network name, and port, that BizTalk uses instead of a server name. A port other than 1433 needs a SQL alias on every BizTalk server, and BizTalk does not set MultiSubnetFailover, so keep the listener in one subnet.',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'dtc-support': {
        term: 'Per-database DTC support',
        summary: 'DTC support of the availability group: BizTalk needs per-database',
        text: 'BizTalk uses distributed transactions across its databases, so its availability groups must be created with per-database DTC support; an older revision of Microsoft\'s page warns that it cannot be changed later.',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'sso': {
        term: 'Enterprise Single Sign-On',
        summary: 'Enterprise SSO: the master secret server, its backup and administrators',
        text: 'The Enterprise SSO service runs on every BizTalk computer and encrypts and decrypts adapter and port configuration kept in SSODB; host instances need a running local SSO service. One master secret server holds the encryption key for the whole group.',
        sources: ['core/high-availability-for-enterprise-single-sign-on']
    },
    'master-secret-server': {
        term: 'Master secret server',
        summary: 'The single SSO server that holds the master secret (cluster it)',
        text: 'The one SSO server that keeps the master secret and hands it to every SSO service. Microsoft recommends an active/passive failover cluster for it, either on the SQL cluster or a dedicated one, never on an NLB cluster.',
        notes: [
            'When it is down, running host instances keep working from the secret cached by each SSO service (re-checked about every 60 seconds); but a restarted SSO service or host instance cannot get the secret, and changes that need encryption fail. The Operations Guide rates the outage as system-wide for that reason (HA-SSO-MSS-SPOF).',
            'On a clustered master secret server, the backed-up master secret must be restored on every node of the cluster. bizha version 1 cannot express that: a `backup` satisfies the backup rule, so check the restore yourself.',
            'The clustered ENTSSO Generic Service resource must depend on the cluster group\'s Network Name with "Use Network Name for computer name" ticked (otherwise clients fail with 0x800706D9), and the master secret server name kept in SSODB must be changed to that network name; it needs no disk resource (HA-SSO-GENERIC-SERVICE).',
            'Without a cluster, the cheaper alternative is to monitor the master secret server and, when it fails, promote another SSO server by hand and restore the secret on it; until then no design-time change that needs encryption is possible (HA-SSO-MANUAL-PROMOTION).',
            '`preferred-owner` names the node the master secret server\'s cluster group prefers; keep it off the node that actively runs the MessageBox (HA-SSO-MSS-ON-MSGBOX-NODE).'
        ],
        sources: ['core/high-availability-for-enterprise-single-sign-on', 'technical-guides/high-availability-for-the-master-secret-server', 'core/how-to-cluster-the-master-secret-server1', 'technical-guides/designating-a-new-master-secret-server-manually']
    },
    'sso-backup': {
        term: 'Master secret backup',
        summary: 'Where the master secret is backed up',
        text: 'Back up the master secret as soon as it is created: without it, a lost master secret makes all SSO-encrypted data unreadable. Keep the file on a share or offline medium, not only on the master secret server.',
        sources: ['core/high-availability-for-enterprise-single-sign-on', 'technical-guides/high-availability-for-the-master-secret-server']
    },
    'sso-administrators': {
        term: 'SSO Administrators',
        summary: 'The Windows group that administers SSO (a domain group)',
        text: 'The Windows group with full control over SSO. In multi-computer and clustered setups it, like SSO Affiliate Administrators, must be a domain group, and the SSO service account must be a member.',
        sources: ['core/how-to-cluster-the-master-secret-server1', 'core/domain-groups']
    },
    'host': {
        term: 'Host',
        summary: 'A BizTalk host: a container for handlers, orchestrations and tracking',
        text: 'A logical container for receive handlers, send handlers, orchestrations and tracking, with its own Windows group as a security boundary. A host does nothing by itself: its host instances, one per computer, do the work, so a host is highly available with instances on two or more computers.',
        sources: ['core/hosts', 'core/providing-high-availability-for-biztalk-hosts']
    },
    'in-process': {
        term: 'In-process host',
        summary: 'Host type: instances run in the BizTalk service (the default)',
        text: 'Its instances run inside the BizTalk service process (BTSNTSvc.exe or BTSNTSvc64.exe). It can hold orchestrations, send handlers, tracking and every receive handler except the isolated ones, and it can be clustered.',
        sources: ['core/hosts']
    },
    'isolated': {
        term: 'Isolated host',
        summary: 'Host type: receive handlers run outside BizTalk, in IIS',
        text: 'Its receive handlers (HTTP, SOAP, WCF-BasicHttp, WCF-WSHttp, WCF-CustomIsolated) run outside the BizTalk service, usually in an IIS worker process. It cannot run orchestrations, send handlers or tracking, and is made highly available by scaling it out behind a load balancer.',
        notes: [
            'Stopping an isolated receive host does not stop its receive locations: they live in IIS and keep accepting messages until IIS (or the application pool) is stopped too (HA-ISOLATED-STOP).'
        ],
        sources: ['core/hosts', 'core/publishing-wcf-services']
    },
    'receive': {
        term: 'Receive handler',
        summary: 'Receive handlers: adapters this host receives with',
        text: 'Binds an adapter\'s receive side to this host: the receive locations using it run on the host\'s instances, and received messages are persisted in the MessageBox. How to make it highly available depends on the adapter: scale out, a load balancer, or a clustered host.',
        sources: ['core/scaled-out-receiving-hosts', 'technical-guides/scaling-out-receiving-hosts']
    },
    'send': {
        term: 'Send handler',
        summary: 'Send handlers: adapters this host sends with',
        text: 'Binds an adapter\'s send side to this host: send ports using it run on the host\'s instances. Any instance can pick up outgoing messages from the MessageBox, so send hosts are scaled out like processing hosts (MSMQ send is the exception: clustered host).',
        sources: ['core/scaled-out-sending-hosts']
    },
    'orchestrations': {
        term: 'Processing (orchestrations)',
        summary: 'This host runs orchestrations (the processing function)',
        text: 'The host runs orchestrations. Their state is persisted in the MessageBox, so any instance of the host can resume the work from the last persistence point, provided there is a second instance on another computer.',
        sources: ['core/scaled-out-processing-hosts', 'technical-guides/scaling-out-processing-hosts']
    },
    'tracking-host': {
        term: 'Tracking host',
        summary: '"Allow host tracking": this host moves tracking data out of the MessageBox',
        text: 'Its instances run the tracking data decode service, which moves tracking and BAM data from each MessageBox to the tracking and BAM databases; without it the MessageBox grows. Use a dedicated tracking host with N+1 instances (N MessageBoxes) on at least two computers.',
        sources: ['technical-guides/configuring-a-dedicated-tracking-host', 'core/scaled-out-databases']
    },
    'bitness': {
        term: '32-bit only',
        summary: 'bitness 32 sets "32-bit only" on the host',
        text: 'Makes every instance of the host run as a 32-bit process. Some components, such as the FTP and POP3 adapters in the releases covered by Microsoft\'s 64-bit notes, are not supported in 64-bit host instances.',
        sources: ['core/biztalk-server-64-bit-support2', 'technical-guides/considerations-while-using-biztalk-server-on-a-64-bit-windows-operating-system']
    },
    'clustered': {
        term: 'Clustered host',
        summary: 'The host is a cluster resource: one active instance, failover to the other nodes',
        text: 'An in-process host configured as a failover-cluster resource (Enterprise edition): exactly one instance is active and the cluster moves it when its node fails. Use it only for handlers that must not run in several instances at once (FTP, SFTP, MSMQ, ordered receives, POP3 on shared mailboxes, SAP); it needs an instance on every node.',
        notes: [
            'A clustered host resource follows the cluster\'s default policy unless you change it: it restarts on its current node (one restart per 15 minutes), then the whole cluster group fails over, is retried after an hour, and a start pending for more than 3 minutes counts as failed. A resource left in the Failed state must be brought online by hand (HA-CLHOST-DEFAULTS).'
        ],
        sources: ['core/use-windows-cluster-to-provide-high-availability-for-biztalk-hosts', 'core/considerations-for-running-adapter-handlers-within-a-clustered-host1', 'core/how-to-configure-a-biztalk-host-as-a-cluster-resource1']
    },
    'instances': {
        term: 'Host instances',
        summary: 'The computers that run an instance of this host',
        text: 'A host instance is the copy of a host that runs on one computer, as a Windows service. A computer runs at most one instance of a given host, so a host is highly available only with instances on two or more computers.',
        sources: ['core/host-instances', 'core/providing-high-availability-for-biztalk-hosts']
    },
    'disabled': {
        term: 'Disabled host instance',
        summary: '"Disable host instance from starting": the instance never runs',
        text: 'The instance exists but is prevented from starting, so it adds no redundancy; a clustered host cannot fail over to it.',
        sources: ['core/how-to-configure-a-biztalk-host-as-a-cluster-resource1']
    },
    'account': {
        term: 'Service account',
        summary: 'The account the host\'s instances log on as (a domain account)',
        text: 'The Windows account the host\'s instances run as. Multi-computer and clustered BizTalk supports only domain accounts, never local or built-in ones; instances of one host normally share one account.',
        notes: [
            'Host instances may share a service account when they share trust settings; give all instances of one host the same domain account, since the host maps to one Windows group and the SQL logins are granted per group (HA-DOM-SHARED-ACCOUNT). `instances on BTS01 (account CONTOSO\\svc1)` records an instance that logs on with another account.'
        ],
        sources: ['core/windows-groups-and-user-accounts-in-biztalk-server', 'install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment', 'core/hosts']
    },
    'windows-group': {
        term: 'Host Windows group',
        summary: 'The Windows group of the host (a domain group)',
        text: 'The Windows group that the host\'s service accounts belong to; BizTalk grants database access per group. With more than one computer it must be a domain group created before configuration.',
        sources: ['core/domain-groups', 'core/windows-groups-and-user-accounts-in-biztalk-server']
    },
    'ordered': {
        term: 'Ordered delivery',
        summary: 'Ordered delivery: a single active handler, so a clustered host for receives',
        text: 'Messages are processed strictly in sequence, which allows only one active handler. An ordered MSMQ or MQSeries receive is therefore made highly available with a clustered host; an ordered send port can stay in a scaled-out host.',
        sources: ['core/ordered-delivery-of-messages', 'core/considerations-for-running-adapter-handlers-within-a-clustered-host1']
    },
    'remote-queue': {
        term: 'Remote queues only',
        summary: 'The MSMQ receive reads only remote queues (may be scaled out)',
        text: 'The receive reads only queues on another server. Then it may be scaled out over several instances, provided that MSMQ server is itself clustered (and runs MSMQ 4.0 or later for transactional queues).',
        sources: ['core/considerations-for-running-adapter-handlers-within-a-clustered-host1', 'core/scaled-out-receiving-hosts']
    },
    'non-transactional': {
        term: 'Non-transactional queue',
        summary: 'The MSMQ receive is non-transactional (scale out behind a load balancer)',
        text: 'A non-transactional, unordered MSMQ receive does not need a clustered host: several instances behind a load balancer are acceptable.',
        sources: ['core/migrating-from-the-msmqt-adapter-to-the-msmq-adapter']
    },
    'shared-mailbox': {
        term: 'Shared mailbox',
        summary: 'The POP3 server lets several sessions open the mailbox at once',
        text: 'The mail server allows concurrent sessions on the mailbox, so two POP3 instances could download the same mail: run the handler in a clustered host. When the server locks the mailbox to one session, scaling out is fine.',
        sources: ['core/considerations-for-running-adapter-handlers-within-a-clustered-host1', 'core/what-is-the-pop3-adapter']
    },
    'path': {
        term: 'Receive path',
        summary: 'The folder a FILE receive location watches (a UNC share)',
        text: 'Every instance of a scaled-out FILE receive host must watch the same folder, so use a UNC path on a highly available share (for example a clustered file server); a local drive gives each instance its own folder.',
        sources: ['core/scaled-out-receiving-hosts', 'core/sample-architecture-file-adapter']
    },
    'backup-job': {
        term: 'Backup BizTalk Server job',
        summary: 'The Backup BizTalk Server job (log-marked backups of every BizTalk database)',
        text: 'A SQL Server Agent job that backs up all the BizTalk databases in it as one consistent, log-marked set; it is the only supported way to back them up. Microsoft calls this disaster recovery layer increased availability, next to high availability.',
        notes: [
            'Practise failover regularly and give someone the job: losing one server, failing a cluster node over, and restoring from the log-shipped standby (HA-DR-TESTING).'
        ],
        sources: ['core/how-to-configure-the-backup-biztalk-server-job', 'core/backing-up-and-restoring-biztalk-server-databases', 'technical-guides/performing-availability-testing']
    },
    'backup-destination': {
        term: 'Backup destination',
        summary: 'Where the backup job writes (off the database computer)',
        text: 'Write the backups to another computer, or at least another disk, than the data and log files, on a share that is itself highly available.',
        sources: ['core/how-to-configure-the-backup-biztalk-server-job', 'core/best-practices-for-backing-up-and-restoring-databases']
    },
    'log-shipping': {
        term: 'BizTalk log shipping',
        summary: 'Restore the backup job\'s backups on a standby SQL instance',
        text: 'Restores the backups of the Backup BizTalk Server job on standby SQL instances (the destination system) for disaster recovery; size the standby like production. SQL Server\'s own log shipping is not supported for the databases in the job.',
        sources: ['technical-guides/what-is-biztalk-server-log-shipping', 'core/log-shipping']
    },
    'fault-tolerance': {
        term: 'Receive location fault tolerance',
        summary: 'BizTalk 2020+: a receive location keeps running when one host instance fails',
        text: 'A group setting of BizTalk Server 2020 and later: when a receive location fails in one host instance, the other instances keep it running instead of the location becoming unavailable for the whole group. Worth enabling on every group whose receive hosts have several instances. bizha treats it as off when it is not written.',
        sources: ['core/how-to-enable-receive-location-fault-tolerance']
    },
    'os': {
        term: 'Windows Server version',
        summary: 'The Windows Server release on this computer (2012 r2, 2016, 2019, 2022, 2025)',
        text: 'The operating system of the computer, with the updates installed on it in parentheses when they matter: `os 2016 (KB3182294)`. It matters for availability groups: MSDTC with availability groups needs hotfix KB3090973 on Windows Server 2012 R2 and the RemoteAccessEnabled setting of KB3182294 on Windows Server 2016 (HA-AG-OS-PREREQ).',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'zone': {
        term: 'Network zone',
        summary: 'zone perimeter: the computer sits in the perimeter network (DMZ)',
        text: 'Marks an Internet-facing computer in the perimeter network (DMZ). Perimeter servers should be load-balanced like the BizTalk web tier behind them (HA-PERIMETER-NLB).',
        sources: ['technical-guides/planning-for-high-availability-and-disaster-recovery']
    },
    'hypervisor': {
        term: 'Hypervisor (physical host)',
        summary: 'The physical host this virtual machine runs on: a failure component',
        text: 'The physical server that runs this virtual machine. Two virtual machines on one hypervisor fail together, so the analysis treats a hypervisor like a site: a function whose providers all run on one hypervisor still has a single point of failure.',
        sources: ['core/planning-your-platform-for-fault-tolerance']
    },
    'sql-alias': {
        term: 'SQL Server alias',
        summary: 'This computer reaches the availability group through a SQL client alias',
        text: 'A SQL Server client alias on this computer that maps the availability group listener name to its port. BizTalk cannot be given a port, so a listener on a port other than 1433 needs an alias on every BizTalk computer (HA-AG-LISTENER).',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'network-name': {
        term: 'Cluster network name',
        summary: 'The client access point (Network Name) of the cluster group',
        text: 'The Network Name (with its IP address) of the cluster group that clustered hosts and the clustered master secret server use. Without it a clustered host does not work correctly: the host resource depends on it (HA-CLHOST-NETNAME).',
        sources: ['core/how-to-configure-a-biztalk-host-as-a-cluster-resource1', 'core/how-to-cluster-the-master-secret-server1']
    },
    'witness': {
        term: 'Quorum witness',
        summary: 'The quorum witness of the cluster: disk, file-share or cloud',
        text: 'A witness gives the cluster a tie-breaking vote. A cluster with an even number of nodes and no witness can lose quorum, and stop every role, when half of its nodes fail (HA-CLUSTER-WITNESS).',
        sources: ['core/clustering-the-biztalk-server-databases1']
    },
    'sql-agent': {
        term: 'SQL Server Agent',
        summary: 'State of SQL Server Agent, which runs the BizTalk jobs (default running)',
        text: 'SQL Server Agent runs the BizTalk jobs: tracked message copy, MessageBox cleanup, the backup job. It must run on every instance that holds a MessageBox (HA-DB-SQLAGENT). bizha assumes `running` when it is not written.',
        sources: ['install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment', 'technical-guides/configuring-a-dedicated-tracking-host']
    },
    'preferred-owner': {
        term: 'Preferred owner',
        summary: 'The cluster node this clustered role prefers to run on',
        text: 'The node a clustered role (a failover cluster instance, or the master secret server\'s cluster group) runs on when it can. Spreading the busiest roles over different preferred owners uses both nodes: keep the master secret server off the node that runs the MessageBox (HA-SSO-MSS-ON-MSGBOX-NODE).',
        sources: ['technical-guides/clustering-the-master-secret-server']
    },
    'server-name': {
        term: 'SQL network name',
        summary: 'The server name BizTalk connects to, e.g. "SRV\\\\INST,1533"',
        text: 'The name BizTalk is configured with to reach this instance: a computer or virtual network name, an instance name and a port, or an availability group listener. It is written as a string because it holds backslashes and commas.',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'recovery': {
        term: 'Recovery model',
        summary: 'The database recovery model: full (required), simple or bulk-logged',
        text: 'The SQL Server recovery model of the database. BizTalk log shipping restores transaction log backups, so the simple recovery model is not supported for BizTalk databases (HA-DR-RECOVERY-MODEL).',
        sources: ['core/log-shipping']
    },
    'publication': {
        term: 'Replication publication',
        summary: 'The database is published for SQL Server replication (on) or not (off)',
        text: 'Whether the database is published for SQL Server replication.',
        sources: ['core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson']
    },
    'mirrored': {
        term: 'Database mirroring',
        summary: 'The database is mirrored: not supported for BizTalk databases',
        text: 'SQL Server database mirroring keeps each database consistent on its own, not the transactions BizTalk runs across its databases, so it is not a supported high-availability option for them (HA-DB-MIRRORING). Use a failover cluster instance or an availability group, and BizTalk log shipping for disaster recovery.',
        sources: ['core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson', 'technical-guides/high-availability-for-databases']
    },
    'sql-log-shipping': {
        term: 'SQL Server log shipping',
        summary: 'SQL Server\'s own log shipping: not supported for the backup job\'s databases',
        text: 'SQL Server\'s native log shipping does not keep the log marks that make BizTalk\'s databases restorable to one consistent point; only BizTalk log shipping (the backup job and `log-shipping to`) is supported for them (HA-DR-NATIVE-LOGSHIP).',
        sources: ['core/log-shipping', 'technical-guides/what-is-biztalk-server-log-shipping']
    },
    'vss': {
        term: 'Volume Shadow Copy',
        summary: 'The database is protected by VSS snapshots: not supported',
        text: 'Volume Shadow Copy Service snapshots are not a supported high-availability or backup mechanism for BizTalk databases (HA-DB-VSS): use the Backup BizTalk Server job.',
        sources: ['core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson']
    },
    'subnets': {
        term: 'Listener subnets',
        summary: 'The number of subnets the listener spans (BizTalk supports one)',
        text: 'BizTalk does not set MultiSubnetFailover in its connection strings, so a listener spread over several subnets gives connection failures after a failover (HA-AG-LISTENER).',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'jobs-and-logins': {
        term: 'Jobs and logins on every replica',
        summary: 'jobs-and-logins replicated: BizTalk jobs and logins exist on every replica',
        text: 'An availability group does not carry logins, SQL Server Agent jobs or the Database Mail profile of BAM alerts: they are created by hand on every replica, with each job step checking that its database is primary there. `jobs-and-logins replicated` records that this was done (HA-AG-JOBS-LOGINS).',
        sources: ['core/high-availability-using-sql-server-always-on-availability-groups']
    },
    'bam': {
        term: 'Business Activity Monitoring',
        summary: 'BAM: the portal web servers, the event bus computers and the BAM backup',
        text: 'Where BAM runs: `portal on` names the IIS computers of the BAM portal, `event-bus on` the computers whose BAM Event Bus service (TDDS of a tracking host) moves BAM data, and `backup` the location of the BAM databases\' own backup. The portal is made highly available with a load balancer (`fronts bam-portal`), the event bus by running on several computers.',
        sources: ['core/bam-interceptors-in-a-high-availability-environment', 'core/backing-up-and-restoring-biztalk-server-databases']
    },
    'bam-portal': {
        term: 'BAM portal',
        summary: 'The BAM portal web site (IIS) on these computers',
        text: 'The BAM portal is an IIS application. It is configured once and its web.config and virtual directories copied to the other web servers, which a load balancer then fronts (HA-NLB-IIS-BAM).',
        sources: ['core/scaled-out-receiving-hosts']
    },
    'bam-event-bus': {
        term: 'BAM Event Bus service',
        summary: 'The computers that run the BAM Event Bus service',
        text: 'The BAM Event Bus service moves BAM data from the MessageBox into BAMPrimaryImport. Run it on several computers so BAM data keeps flowing when one fails (HA-DB-BAM).',
        sources: ['technical-guides/configuring-a-dedicated-tracking-host']
    },
    'bam-backup': {
        term: 'BAM backup',
        summary: 'Where the BAM databases outside the backup job are backed up',
        text: 'BAMStarSchema, BAMAnalysis, BAMArchive and BizTalkAnalysisDb are not in the Backup BizTalk Server job: they are backed up by BAM\'s own procedures (HA-DR-BAM-BACKUP).',
        sources: ['core/backing-up-and-restoring-biztalk-server-databases']
    },
    'queue-manager': {
        term: 'IBM MQ queue manager',
        summary: 'An IBM MQ (WebSphere MQ) queue manager and the computer or cluster it runs on',
        text: 'The queue manager MQSeries handlers read and write. For high availability, cluster the queue managers and MQSeries Server for Windows, run the MQSeries host on several instances, and install the MQSAgent COM+ component on every node (HA-MQSERIES). A handler names its queue manager with `(queue-manager QM1)`.',
        sources: ['core/mqseries-adapter-high-availability']
    },
    'lease-timeout': {
        term: 'Lease timeout',
        summary: 'WCF-NetTcp connection lease timeout in seconds (about 30 behind a load balancer)',
        text: 'NetTcp connection pooling keeps a client on one server; a lower lease timeout lets a load balancer spread connections again. About 30 seconds is a reasonable start (HA-NETTCP-LEASE).',
        sources: ['core/scaled-out-receiving-hosts']
    },
    'domain-local': {
        term: 'Domain local group',
        summary: 'The Windows group is a domain local group (not recommended)',
        text: 'Domain local groups are not recommended for BizTalk: every server, SQL Server included, must then be in one domain. Use global groups (HA-DOM-LOCAL-SCOPE).',
        sources: ['install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment']
    }
} satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof glossary;

/**
 * Keywords whose meaning depends on where they stand, by the AST type or grammar rule around
 * them (the hover sees AST types, completion sees rule names).
 */
const byContext: Record<string, Record<string, GlossaryKey>> = {
    'tracking': { Tracking: 'tracking-host', Database: 'db-tracking', DatabaseKind: 'db-tracking' },
    'sso': { Sso: 'sso', Database: 'db-sso', DatabaseKind: 'db-sso' },
    'msdtc': { ComputerMsdtc: 'msdtc-network', ClusterResource: 'msdtc-clustered' },
    'edition': { EditionSetting: 'biztalk-edition', SqlEdition: 'sql-edition' },
    'enterprise': { EditionSetting: 'biztalk-edition', SqlEdition: 'sql-edition' },
    'standard': { EditionSetting: 'biztalk-edition', SqlEdition: 'sql-edition', AvailabilitySetting: 'availability' },
    'version': { VersionSetting: 'biztalk-version', SqlVersion: 'sql-version' },
    'cu': { VersionSetting: 'biztalk-version', SqlVersion: 'sql-version' },
    'databases': { DatabaseList: 'databases', DatabasePlacement: 'databases' },
    'backup': { SsoBackup: 'sso-backup', BamBackup: 'bam-backup' },
    'bam': { Bam: 'bam', Database: 'db-bam', DatabaseKind: 'db-bam' },
    'agent': { SqlAgent: 'sql-agent' },
    'disabled': { SqlAgent: 'sql-agent' },
    'on': { ComputerMsdtc: 'msdtc-network', FaultToleranceSetting: 'fault-tolerance', DatabaseOption: 'publication' },
    'off': { ComputerMsdtc: 'msdtc-network', FaultToleranceSetting: 'fault-tolerance', DatabaseOption: 'publication' },
    'portal': { BamPortal: 'bam-portal' },
    'event-bus': { BamEventBus: 'bam-event-bus' },
    'queue-manager': { QueueManager: 'queue-manager', HandlerOption: 'queue-manager' }
};

const byKeyword: Record<string, GlossaryKey> = {
    'group': 'group',
    'r2': 'biztalk-version',
    'sp': 'sql-version',
    'branch': 'biztalk-edition',
    'developer': 'biztalk-edition',
    'availability': 'availability',
    'high': 'availability',
    'computer': 'computer',
    'site': 'site',
    'cluster': 'cluster',
    'nodes': 'nodes',
    'storage': 'storage',
    'msmq': 'msmq-clustered',
    'iis': 'iis-clustered',
    'nlb': 'nlb',
    'kind': 'nlb-kind',
    'windows': 'nlb-kind',
    'hardware': 'nlb-kind',
    'members': 'nlb-members',
    'fronts': 'nlb-fronts',
    'sql': 'sql',
    'messagebox': 'db-messagebox',
    'management': 'db-management',
    'rules': 'db-rules',
    'availability-group': 'availability-group',
    'replicas': 'replicas',
    'synchronous': 'commit-mode',
    'asynchronous': 'commit-mode',
    'listener': 'listener',
    'port': 'listener',
    'dtc-support': 'dtc-support',
    'per-database': 'dtc-support',
    'none': 'dtc-support',
    'master-secret-server': 'master-secret-server',
    'administrators': 'sso-administrators',
    'host': 'host',
    'in-process': 'in-process',
    'isolated': 'isolated',
    'receive': 'receive',
    'send': 'send',
    'orchestrations': 'orchestrations',
    'bitness': 'bitness',
    'clustered': 'clustered',
    'instances': 'instances',
    'disabled': 'disabled',
    'account': 'account',
    'windows-group': 'windows-group',
    'ordered': 'ordered',
    'remote-queue': 'remote-queue',
    'non-transactional': 'non-transactional',
    'shared-mailbox': 'shared-mailbox',
    'path': 'path',
    'backup-job': 'backup-job',
    'destination': 'backup-destination',
    'log-shipping': 'log-shipping',
    // Version 2.
    'receive-location-fault-tolerance': 'fault-tolerance',
    'os': 'os',
    'zone': 'zone',
    'perimeter': 'zone',
    'hypervisor': 'hypervisor',
    'sql-alias': 'sql-alias',
    'network-name': 'network-name',
    'witness': 'witness',
    'disk': 'witness',
    'file-share': 'witness',
    'cloud': 'witness',
    'running': 'sql-agent',
    'stopped': 'sql-agent',
    'preferred-owner': 'preferred-owner',
    'server-name': 'server-name',
    'recovery': 'recovery',
    'full': 'recovery',
    'simple': 'recovery',
    'bulk-logged': 'recovery',
    'publication': 'publication',
    'mirrored': 'mirrored',
    'sql-log-shipping': 'sql-log-shipping',
    'vss': 'vss',
    'subnets': 'subnets',
    'jobs-and-logins': 'jobs-and-logins',
    'replicated': 'jobs-and-logins',
    'bam-portal': 'bam-portal',
    'lease-timeout': 'lease-timeout',
    'domain-local': 'domain-local'
};

/**
 * The glossary entry for a keyword, given the AST type (hover) or grammar rule (completion)
 * it belongs to. Undefined for punctuation and keywords that name no concept (`on`, `to`).
 */
export function glossaryFor(keyword: string, context?: string): GlossaryEntry | undefined {
    const key = (context ? byContext[keyword]?.[context] : undefined) ?? byKeyword[keyword];
    return key ? glossary[key] : undefined;
}

/** Short descriptions of keywords that name no concept of their own, for completion. */
export const keywordSummaries: Record<string, string> = {
    'on': 'Names the computer, cluster, SQL instance or availability group',
    'to': 'Names the standby SQL instance',
    'off': 'Network DTC access is disabled on this computer',
    'LocalSystem': 'Built-in identity (not supported with more than one computer)',
    'NetworkService': 'Built-in identity (not supported with more than one computer)',
    'LocalService': 'Built-in identity (not supported with more than one computer)'
};
