/** Parameters of `my.getLocation`. */
export interface GetLocationParams {
  /** Location cache expiry time in seconds, 30 by default. */
  cacheTimeout?: number;
  /** 0: default, get the longitude and latitude. */
  type?: number;
}
/** Success payload of `my.getLocation`: coordinates are strings, as the page documents them. */
export interface GetLocationResult {
  /** Longitude. */
  longitude: string;
  /** Latitude. */
  latitude: string;
  /** Accuracy, in m. */
  accuracy: string;
}
/** Success payload of `my.chooseLocation`: coordinates are numbers, as the page documents them. */
export interface ChooseLocationResult {
  /** Name of the selected location. */
  name: string;
  /** Detailed address of the selected location. */
  address: string;
  /** Latitude of the selected location. */
  latitude: number;
  /** Longitude of the selected location. */
  longitude: number;
}
/** Parameters of `my.openLocation`. */
export interface OpenLocationParams {
  /** Longitude of the location to display. */
  longitude: string;
  /** Latitude of the location to display. */
  latitude: string;
  /** Name of the location. */
  name?: string;
  /** Detailed address of the location. */
  address?: string;
  /** Zoom scale of the map, from 3 to 19, 15 by default. */
  scale?: number;
}
