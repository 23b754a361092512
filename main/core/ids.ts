/** Global ids: UUIDv7 (time-ordered, so ids sort by creation and index well). */
import { v7 } from 'uuid';

export const newId = (): string => v7();

/** The `urn:uuid:` form used in exports. */
export const toUrn = (id: string): string => `urn:uuid:${id}`;
export const fromUrn = (urn: string): string => urn.replace(/^urn:uuid:/, '');
