import type { Module } from 'langium';
import type { BizhaServices } from '../language/bizha-module.js';

/** The editor features bizha adds on top of Langium's defaults. */
export const BizhaLspModule: Module<BizhaServices, Partial<BizhaServices>> = {
};
