import { describeReferenceNetwork } from './referenceNetwork.fixture.ts';

describeReferenceNetwork('default', {
  friKeys: ['fri', '6'],
  flashCentral: 'flash_dt200_central.npy',
});
