/** The emulator's default profile and fixtures. */
import type { EmulatorFixtures, HostProfile } from './types.js';

/** A customer on an Android phone, English, UAT (not production). */
export const DEFAULT_PROFILE: HostProfile = {
  version: '1.30.0',
  role: 'customer',
  language: 'en',
  production: false,
  unsupported: [],
  device: { platform: 'Android', system: 'Android 15', model: 'HONOR_PGT-AN00', brand: 'HONOR' },
  appName: 'Emulated Miniapp',
};

/** Fixture data: Iraqi contacts and places, Baghdad first. */
export const DEFAULT_FIXTURES: EmulatorFixtures = {
  contacts: [
    { name: 'Ali Hassan', mobile: '07701234567' },
    { name: 'زينب كريم', mobile: '07801234567' },
    { name: 'Omar Saleh', mobile: '07501234567' },
  ],
  places: [
    { name: 'Tahrir Square', address: 'Baghdad, Iraq', latitude: 33.3333, longitude: 44.4333 },
    { name: 'Al-Mutanabbi Street', address: 'Baghdad, Iraq', latitude: 33.3387, longitude: 44.3906 },
    { name: 'Basra Corniche', address: 'Basra, Iraq', latitude: 30.5085, longitude: 47.8400 },
  ],
  scanCode: 'https://qi.iq/emulator-scan',
  images: [],
  videos: [],
  files: [],
  clipboard: '',
  battery: { level: 80, isCharging: false },
};
