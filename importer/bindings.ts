import { child, childrenNamed, parseXml, ImportInputError, type XmlElement } from './xml.js';

/**
 * What a BizTalk binding file (BTSTask ExportBindings; the BindingInfo schema) says about where
 * the group's work runs. Element names follow Microsoft's schema; older exports name the adapter
 * of a receive location `TransportType` instead of `ReceiveLocationTransportType`.
 */
export interface BoundHandlerUse {
    readonly direction: 'receive' | 'send';
    readonly host: string;
    readonly adapter: string;
    /** The receive location or send port that uses the handler. */
    readonly usedBy: string;
    readonly address?: string;
    readonly ordered: boolean;
    /** Where it was read: file name and element. */
    readonly file: string;
}

export interface BoundOrchestration {
    readonly name: string;
    readonly host: string;
    /** `Host/@Type`: 1 in-process, 2 isolated. */
    readonly hostType?: 'in-process' | 'isolated';
    readonly file: string;
}

export interface BindingFacts {
    readonly handlers: BoundHandlerUse[];
    readonly orchestrations: BoundOrchestration[];
}

/** Reads one binding file. Throws ImportInputError (file, line, column) on malformed input. */
export function readBindings(file: string, xml: string): BindingFacts {
    const root = parseXml(file, xml);
    if (root.name !== 'BindingInfo') throw new ImportInputError(file, `not a BizTalk binding file: the root element is <${root.name}>, expected <BindingInfo>`);
    const handlers: BoundHandlerUse[] = [];
    const orchestrations: BoundOrchestration[] = [];

    for (const port of childrenNamed(child(root, 'ReceivePortCollection'), 'ReceivePort')) {
        for (const location of childrenNamed(child(port, 'ReceiveLocations'), 'ReceiveLocation')) {
            const handler = child(location, 'ReceiveHandler');
            const host = handler?.attributes.Name?.trim();
            const adapter = (child(location, 'ReceiveLocationTransportType') ?? child(location, 'TransportType') ?? child(handler, 'TransportType'))?.attributes.Name?.trim();
            if (!host || !adapter) continue;
            handlers.push({
                direction: 'receive', host, adapter,
                usedBy: `receive location ${location.attributes.Name ?? '(unnamed)'}`,
                address: textOf(child(location, 'Address')),
                ordered: orderedReceive(location),
                file
            });
        }
    }

    for (const port of childrenNamed(child(root, 'SendPortCollection'), 'SendPort')) {
        for (const transportName of ['PrimaryTransport', 'SecondaryTransport']) {
            const transport = child(port, transportName);
            const handler = child(transport, 'SendHandler');
            const host = handler?.attributes.Name?.trim();
            const adapter = (child(transport, 'TransportType') ?? child(handler, 'TransportType'))?.attributes.Name?.trim();
            if (!host || !adapter) continue;
            handlers.push({
                direction: 'send', host, adapter,
                usedBy: `send port ${port.attributes.Name ?? '(unnamed)'}${transportName === 'SecondaryTransport' ? ' (backup transport)' : ''}`,
                address: textOf(child(transport, 'Address')),
                ordered: isTrue(textOf(child(transport, 'OrderedDelivery'))),
                file
            });
        }
    }

    for (const module of childrenNamed(child(root, 'ModuleRefCollection'), 'ModuleRef')) {
        for (const service of childrenNamed(child(module, 'Services'), 'Service')) {
            const host = child(service, 'Host');
            const name = host?.attributes.Name?.trim();
            if (!name) continue;
            const type = host?.attributes.Type?.trim();
            orchestrations.push({
                name: service.attributes.Name ?? '(unnamed)', host: name,
                hostType: type === '1' ? 'in-process' : type === '2' ? 'isolated' : undefined,
                file
            });
        }
    }
    return { handlers, orchestrations };
}

function textOf(element: XmlElement | undefined): string | undefined {
    const text = element?.text.trim();
    return text ? text : undefined;
}

function isTrue(value: string | undefined): boolean {
    return value !== undefined && ['true', '1', '-1'].includes(value.toLowerCase());
}

/**
 * Ordered delivery of a receive location: `OrderedDelivery` where an export has it, else the
 * adapter's own setting in its transport data (MSMQ `OrderedProcessing`, MQSeries `ordered`),
 * which BizTalk stores as an escaped XML string inside `ReceiveLocationTransportTypeData`.
 */
function orderedReceive(location: XmlElement): boolean {
    if (isTrue(textOf(child(location, 'OrderedDelivery')))) return true;
    const data = textOf(child(location, 'ReceiveLocationTransportTypeData'));
    if (!data?.startsWith('<')) return false;
    let properties: XmlElement;
    try {
        properties = parseXml('transport data', data);
    } catch {
        return false;
    }
    const flag = (name: string): boolean => {
        const found = findDeep(properties, name.toLowerCase());
        return isTrue(found?.text);
    };
    return flag('OrderedProcessing') || flag('Ordered') || flag('OrderedDelivery');
}

function findDeep(element: XmlElement, lowerName: string): XmlElement | undefined {
    if (element.name.toLowerCase() === lowerName) return element;
    for (const c of element.children) {
        const found = findDeep(c, lowerName);
        if (found) return found;
    }
    return undefined;
}

