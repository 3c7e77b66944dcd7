import type { ApiRow } from './row.js';
import type { GetLocationParams, GetLocationResult, ChooseLocationResult, OpenLocationParams } from '../types/location.js';
import type { HostAck, NoParams } from '../types/common.js';

/** getLocation: the current longitude, latitude and accuracy. */
export const getLocation: ApiRow<GetLocationParams, GetLocationResult> = {
  params: { cacheTimeout: 'n', type: 'n' },
};

/** chooseLocation: the user picks a place on a map. */
export const chooseLocation: ApiRow<NoParams, ChooseLocationResult> = {
  params: {},
  cancel: [13],
  ui: true,
};

/** openLocation: shows a location on a map. */
export const openLocation: ApiRow<OpenLocationParams, HostAck> = {
  params: { longitude: 'S', latitude: 'S', name: 's', address: 's', scale: 'n' },
  ui: true,
};
