import { describe, expect, test } from 'vitest';
import { lineOf, startLine, variant, withHost } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-MQSERIES';
const mq = (managerOn: string) => variant([['computer DR01', `computer DR01, MQ01, MQ02\n    cluster MQCL { nodes MQ01, MQ02  witness disk }\n    queue-manager QM1 on ${managerOn}`]],
    withHost('host MqHost { receive MQSeries (queue-manager QM1)  send MQSeries (queue-manager QM1)  instances on BTS01, BTS02 }'));

describe(ID, () => {
    test('a queue manager on one computer is a warning on its declaration, naming the handlers that use it', async () => {
        const text = mq('MQ01');
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(startLine(hits[0])).toBe(lineOf(text, 'queue-manager QM1 on MQ01'));
        expect(hits[0].message).toContain('Queue manager QM1 runs only on MQ01, and receive MQSeries on MqHost and send MQSeries on MqHost use it');
        expect(hits[0].message).toContain('MQSAgent');
    });

    test('does not fire on a clustered queue manager, nor on one no handler uses', async () => {
        expect(withCode((await validate(mq('MQCL'))).diagnostics, ID)).toEqual([]);
        const unused = variant([['computer DR01', 'computer DR01, MQ01\n    queue-manager QM9 on MQ01']]);
        expect(withCode((await validate(unused)).diagnostics, ID)).toEqual([]);
    });
});
