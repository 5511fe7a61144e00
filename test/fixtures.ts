/**
 * A small, highly available group that bizha reports nothing on: rule tests start from it and
 * change one thing, so each case shows exactly what triggers (or does not trigger) a rule.
 */
export const cleanGroup = `group Prod {
    version 2020 cu 6
    edition enterprise

    computer BTS01, BTS02
    computer SQL01, SQL02

    cluster SQLCL {
        nodes SQL01, SQL02
        storage SAN01
        msdtc
    }

    sql BTSSQL on SQLCL {
        edition enterprise
        version 2019
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }

    sso {
        master-secret-server on SQLCL
        backup "\\\\\\\\fs01\\\\sso"
        administrators CONTOSO\\SSOAdmins
    }

    host ReceiveHost { receive FILE (path "\\\\\\\\fs-cluster\\\\in")  instances on BTS01, BTS02  account CONTOSO\\svc-bts }
    host ProcessingHost { orchestrations  instances on BTS01, BTS02 }
    host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }
    host TrackingHost { tracking  instances on BTS01, BTS02 }
    host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }

    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }

    backup-job {
        destination "\\\\\\\\fs01\\\\btsbackup"
        log-shipping to DRSQL
    }

    computer DR01
    sql DRSQL on DR01
}
`;

/** The clean group with one textual change; fails loudly if the text to replace is not there. */
export function variant(replacements: Array<[string, string]>, base: string = cleanGroup): string {
    let text = base;
    for (const [from, to] of replacements) {
        if (!text.includes(from)) throw new Error(`fixture does not contain: ${from}`);
        text = text.replace(from, to);
    }
    return text;
}
