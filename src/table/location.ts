import type { ApiRow } from './row.js';
import type { GetLocationParams, GetLocationResult, ChooseLocationResult, OpenLocationParams } from '../types/location.js';
import type { HostAck, NoParams } from '../types/common.js';

/** getLocation: the current longitude, latitude and accuracy. */
export const getLocation: ApiRow<GetLocationParams, GetLocationResult> = {
  group: 'location',
  doc: '35-getLocation',
  params: { cacheTimeout: 'n', type: 'n' },
  errors: {
    11: 'Make sure the location related right has been enabled.',
    12: 'Network abnormity, try again later.',
    13: 'Location failure, try again later.',
    14: 'Service location timeout.',
  },
  defaults: { cacheTimeout: 30, type: 0 },
};

/** chooseLocation: the user picks a place on a map. */
export const chooseLocation: ApiRow<NoParams, ChooseLocationResult> = {
  group: 'location',
  doc: '36-chooseLocation',
  params: {},
  errors: {
    11: 'Location permission not enabled.',
    12: 'Network abnormity, try again later.',
    13: 'User cancelled the selection.',
  },
  cancel: [13],
  ui: true,
};

/** openLocation: shows a location on a map. */
export const openLocation: ApiRow<OpenLocationParams, HostAck> = {
  group: 'location',
  doc: '37-openLocation',
  params: { longitude: 'S', latitude: 'S', name: 's', address: 's', scale: 'n' },
  errors: {
    11: 'Invalid coordinates provided.',
    12: 'Network abnormity, try again later.',
    13: 'Failed to open map application.',
  },
  defaults: { scale: 15 },
  limits: { minScale: 3, maxScale: 19 },
  ui: true,
};
