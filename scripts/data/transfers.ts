/**
 * What Beijing and Tianjin actually paid their Hebei neighbours for air-pollution control in
 * 2015: the reference line beside the model's payments in Who pays.
 */
import type { ObservedTransfers, Reference } from '../../src/model/types';

export const transferReferences: Record<string, Reference> = {
  'transfers-2015': {
    kind: 'published',
    text:
      'Beijing-Tianjin-Hebei air-pollution cooperation agreements, 2015: Beijing funds Langfang and Baoding with about 460 M yuan (about 230 M each, mainly to replace small coal boilers), Tianjin funds Tangshan and Cangzhou with 400 M yuan (200 M each); 860 M yuan in all. China News Service, 22 July 2015 (Beijing Environmental Protection Bureau); Hebei Daily, 16 October 2015 (Tianjin\'s agreements with Cangzhou and Tangshan).',
    url: 'http://cneb.gov.cn/2015/07/22/ARTI1437569694565621.shtml',
  },
};

export const observedTransfers: ObservedTransfers = {
  year: 2015,
  flows: [
    { from: 'beijing', to: 'langfang', amount: 2.3e8 },
    { from: 'beijing', to: 'baoding', amount: 2.3e8 },
    { from: 'tianjin', to: 'tangshan', amount: 2e8 },
    { from: 'tianjin', to: 'cangzhou', amount: 2e8 },
  ],
  ref: 'transfers-2015',
};
