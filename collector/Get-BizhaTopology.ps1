<#
.SYNOPSIS
    Reads a BizTalk group's topology and writes it as one JSON file for `bizha import`.

.DESCRIPTION
    Read-only. Run it as a BizTalk administrator on one BizTalk server of the group. It reads:
      - the BizTalk WMI classes of root\MicrosoftBizTalkServer (MSBTS_GroupSetting,
        MSBTS_MsgBoxSetting, MSBTS_HostSetting, MSBTS_HostInstance, MSBTS_ReceiveHandler,
        MSBTS_SendHandler2);
      - the output of `ssomanage -displaydb` (SSO database, master secret server, SSO
        administrators);
      - the product name and edition from HKLM:\SOFTWARE\Microsoft\BizTalk Server\3.0;
      - with -SqlServer, for each SQL Server named: SERVERPROPERTY values, sys.dm_os_cluster_nodes,
        the availability groups (sys.availability_groups, sys.availability_replicas,
        sys.availability_group_listeners, sys.availability_databases_cluster), whether SQL Server
        Agent runs (sys.dm_server_services), and the destination of the Backup BizTalk Server job
        (msdb.dbo.sysjobsteps; -SqlServer for the management database's server).
    It changes nothing, and it never reads or writes a password: the host instances' Logon
    property is the account name only. The JSON follows schemas/collector.schema.json (version 1);
    property names are Microsoft's, so each value can be traced to where it was read.

.PARAMETER OutFile
    Where to write the JSON. Default: bizha-collector.json in the current folder.

.PARAMETER SqlServer
    SQL Server names to query (as BizTalk uses them, e.g. SQLCL\BTS,1533 or an availability
    group listener). Uses Windows authentication. Without it, the SQL side is not collected and
    `bizha import` declares every SQL Server standalone (the pessimistic choice).

.EXAMPLE
    .\Get-BizhaTopology.ps1 -OutFile contoso.json -SqlServer 'SQLMSGCL\MSG,1533','BTSAGL'
#>
[CmdletBinding()]
param(
    [string] $OutFile = 'bizha-collector.json',
    [string[]] $SqlServer = @()
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$namespace = 'root\MicrosoftBizTalkServer'

# One WMI class, only the named properties: nothing else leaves the machine.
function Get-BizTalkRecords([string] $class, [string[]] $properties) {
    @(Get-CimInstance -Namespace $namespace -ClassName $class | ForEach-Object {
        $record = [ordered]@{}
        foreach ($name in $properties) {
            # A property an older BizTalk version lacks is written as null, not an error.
            $property = $_.CimInstanceProperties[$name]
            $record[$name] = if ($property) { $property.Value } else { $null }
        }
        [pscustomobject] $record
    })
}

# "Label: value" lines of `ssomanage -displaydb`, by label.
function Get-SsoSettings {
    $ssomanage = Join-Path ${env:CommonProgramFiles} 'Enterprise Single Sign-On\ssomanage.exe'
    if (-not (Test-Path $ssomanage)) { return $null }
    $values = @{}
    foreach ($line in & $ssomanage -displaydb) {
        if ($line -match '^\s*([^:]+?)\s*:\s*(.*?)\s*$') { $values[$Matches[1].ToLowerInvariant()] = $Matches[2] }
    }
    [ordered]@{
        SSODatabaseServer        = $values['sso database server']
        SSODatabase              = $values['sso database name']
        MasterSecretServer       = $values['master secret server name']
        SSOAdminAccount          = $values['sso admin account name']
        SSOAffiliateAdminAccount = $values['sso affiliate admin account name']
    }
}

function Get-Product {
    $key = 'HKLM:\SOFTWARE\Microsoft\BizTalk Server\3.0'
    if (-not (Test-Path $key)) { return $null }
    $item = Get-ItemProperty $key
    [ordered]@{ ProductName = $item.ProductName; ProductEdition = $item.ProductEdition; ProductVersion = $item.ProductVersion }
}

# One read-only query on one server (Windows authentication), as rows of objects.
function Invoke-Query([string] $server, [string] $query) {
    $connection = New-Object System.Data.SqlClient.SqlConnection "Server=$server;Database=master;Integrated Security=SSPI;Application Name=bizha-collector;ApplicationIntent=ReadOnly"
    $connection.Open()
    try {
        $command = $connection.CreateCommand()
        $command.CommandText = $query
        $table = New-Object System.Data.DataTable
        $table.Load($command.ExecuteReader())
        @($table.Rows)
    } finally { $connection.Close() }
}

function Get-SqlServerFacts([string] $server) {
    $properties = Invoke-Query $server "SELECT CAST(SERVERPROPERTY('IsClustered') AS int) AS IsClustered, CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS Edition, CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS ProductVersion, CAST(SERVERPROPERTY('ProductLevel') AS nvarchar(128)) AS ProductLevel, CAST(SERVERPROPERTY('ProductUpdateLevel') AS nvarchar(128)) AS ProductUpdateLevel"
    $p = $properties[0]
    $nodes = @(Invoke-Query $server 'SELECT NodeName, status_description FROM sys.dm_os_cluster_nodes' | ForEach-Object {
        [ordered]@{ NodeName = [string] $_.NodeName; status_description = [string] $_.status_description } })
    $groups = @()
    # Availability groups exist from SQL Server 2012 on; dtc_support from 2016 on.
    $hasAg = (Invoke-Query $server "SELECT COUNT(*) AS n FROM sys.all_objects WHERE name = 'availability_groups'")[0].n -gt 0
    if ($hasAg) {
        $hasDtc = (Invoke-Query $server "SELECT COUNT(*) AS n FROM sys.all_columns WHERE object_id = OBJECT_ID('sys.availability_groups') AND name = 'dtc_support'")[0].n -gt 0
        $dtcColumn = if ($hasDtc) { 'CAST(dtc_support AS int)' } else { 'NULL' }
        foreach ($ag in Invoke-Query $server "SELECT group_id, name, $dtcColumn AS dtc_support FROM sys.availability_groups") {
            $id = $ag.group_id
            $groups += [ordered]@{
                name        = [string] $ag.name
                dtc_support = if ($ag.dtc_support -is [DBNull]) { $null } else { [bool] $ag.dtc_support }
                listeners   = @(Invoke-Query $server "SELECT l.dns_name, l.port, (SELECT COUNT(DISTINCT ip_subnet_mask + network_subnet_ip) FROM sys.availability_group_listener_ip_addresses a WHERE a.listener_id = l.listener_id) AS subnets FROM sys.availability_group_listeners l WHERE l.group_id = '$id'" | ForEach-Object {
                    [ordered]@{ dns_name = [string] $_.dns_name; port = [int] $_.port; subnets = [int] $_.subnets } })
                replicas    = @(Invoke-Query $server "SELECT replica_server_name, availability_mode_desc FROM sys.availability_replicas WHERE group_id = '$id'" | ForEach-Object {
                    [ordered]@{ replica_server_name = [string] $_.replica_server_name; availability_mode_desc = [string] $_.availability_mode_desc } })
                databases   = @(Invoke-Query $server "SELECT database_name FROM sys.availability_databases_cluster WHERE group_id = '$id'" | ForEach-Object { [string] $_.database_name })
            }
        }
    }
    # The job's full-backup step calls sp_BackupAllFull_Schedule 'frequency', 'mark name', 'destination'
    # (each argument may be followed by a /* comment */): the third quoted argument is the folder.
    $step = Invoke-Query $server "SELECT TOP 1 s.command FROM msdb.dbo.sysjobs j JOIN msdb.dbo.sysjobsteps s ON s.job_id = j.job_id WHERE j.name LIKE 'Backup BizTalk Server%' AND s.command LIKE '%sp_BackupAllFull_Schedule%'"
    $destination = $null
    if ($step.Count -gt 0 -and $step[0].command -match "sp_BackupAllFull_Schedule[^']*'[^']*'[^']*'[^']*'[^']*'([^']+)'") { $destination = $Matches[1] }
    $agent = Invoke-Query $server "SELECT status_desc FROM sys.dm_server_services WHERE servicename LIKE 'SQL Server Agent%'"
    [ordered]@{
        Server             = $server
        IsClustered        = [bool] $p.IsClustered
        Edition            = [string] $p.Edition
        ProductVersion     = [string] $p.ProductVersion
        ProductLevel       = [string] $p.ProductLevel
        ProductUpdateLevel = if ($p.ProductUpdateLevel -is [DBNull]) { $null } else { [string] $p.ProductUpdateLevel }
        ClusterNodes       = $nodes
        AvailabilityGroups = $groups
        BackupDestination  = $destination
        AgentRunning       = if ($agent.Count -gt 0) { $agent[0].status_desc -eq 'Running' } else { $null }
    }
}

$group = (Get-BizTalkRecords 'MSBTS_GroupSetting' @('Name', 'MgmtDbServerName', 'MgmtDbName', 'SubscriptionDBServerName', 'SubscriptionDBName', 'TrackingDBServerName', 'TrackingDBName', 'BamDBServerName', 'BamDBName', 'RuleEngineDBServerName', 'RuleEngineDBName'))[0]

$result = [ordered]@{
    format          = 'bizha-collector'
    version         = 1
    collectedAt     = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    collectedOn     = $env:COMPUTERNAME
    product         = Get-Product
    group           = $group
    messageBoxes    = Get-BizTalkRecords 'MSBTS_MsgBoxSetting' @('DBServerName', 'DBName', 'IsMasterMsgBox', 'DisableNewMsgPublication')
    hosts           = Get-BizTalkRecords 'MSBTS_HostSetting' @('Name', 'HostType', 'HostTracking', 'IsHost32BitOnly', 'NTGroupName', 'ClusterResourceGroupName')
    hostInstances   = Get-BizTalkRecords 'MSBTS_HostInstance' @('HostName', 'RunningServer', 'IsDisabled', 'Logon', 'ClusterInstanceType')
    receiveHandlers = Get-BizTalkRecords 'MSBTS_ReceiveHandler' @('AdapterName', 'HostName')
    sendHandlers    = Get-BizTalkRecords 'MSBTS_SendHandler2' @('AdapterName', 'HostName', 'IsDefault')
    sso             = Get-SsoSettings
    sqlServers      = @($SqlServer | ForEach-Object { Get-SqlServerFacts $_ })
}

# UTF-8 without a byte order mark, the same on Windows PowerShell 5.1 and PowerShell 7.
$json = $result | ConvertTo-Json -Depth 8
$path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
[System.IO.File]::WriteAllText($path, $json, (New-Object System.Text.UTF8Encoding $false))
Write-Host "Wrote $OutFile. Next: bizha import --collector $OutFile --bindings <exported bindings>.xml -o topology.bizha"
