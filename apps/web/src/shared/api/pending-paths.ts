/**
 * The paths the client is typed with. Every operation the storefront uses is now in the
 * generated document; when a page needs an operation that is still being added, write it here
 * in the generated `paths` format (`paths & { '/api/new': {...} }`) and delete it once
 * `npm run docs:openapi` brings it into src/api/schema.d.ts.
 */
import type { components, paths } from '../../api/schema';

export type ApiPaths = paths;

export type PaymentsConfig = components['schemas']['PaymentsClientConfigResponse'];
export type StoreInfo = components['schemas']['PublicStoreDto'];
export type Weekday = keyof StoreInfo['openingHours'];
export type Me = components['schemas']['UserResponse'];
export type SessionTokens = components['schemas']['TokenResponse'];
