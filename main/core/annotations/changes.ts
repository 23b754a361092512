/**
 * Logged writes of annotation rows. Every create, update and delete goes through here, so each one
 * lands in the operation log with its before and after, in the caller's transaction and group; and
 * undo/redo write the same rows back through the appliers registered here.
 */
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Group, OpLog } from '../history/oplog.ts';
import { newId } from '../ids.ts';
import { ENTITIES, type EntityRepository, type EntityType, type Row, type Values } from './entity-repository.ts';

const LABELS: Record<EntityType, string> = {
  source: 'Source',
  span: 'Annotation',
  claim: 'Claim',
  attribution: 'Attribution',
  claim_link: 'Link',
  tag: 'Tag',
  tagging: 'Tagging',
};

export class Changes {
  constructor(
    private readonly entities: EntityRepository,
    private readonly oplog: OpLog,
    private readonly origin: string,
  ) {
    for (const type of Object.keys(ENTITIES) as EntityType[]) {
      oplog.register(type, (id, snapshot, at) => {
        entities.write(type, id, snapshot ?? { deleted_at: at }, at);
      });
    }
  }

  create(group: Group, type: EntityType, values: Values, id: string = newId()): string {
    this.entities.insert(type, id, values, { origin: this.origin, at: group.at, analystId: group.analystId });
    this.oplog.record(group, `${type}.create`, type, id, null, this.entities.fullSnapshot(type, id));
    return id;
  }

  /** Writes changed columns only; refuses a stale revision when one is given. Returns the new row. */
  update(group: Group, type: EntityType, id: string, patch: Values, expectedRevision?: number): Row {
    const row = this.require(type, id);
    if (expectedRevision !== undefined && row.revision !== expectedRevision) throw stale(type, expectedRevision, row.revision);
    const changed = Object.keys(patch).filter((k) => !same(row[k], patch[k]));
    if (changed.length > 0) {
      const before = Object.fromEntries(changed.map((k) => [k, row[k] ?? null]));
      const after = Object.fromEntries(changed.map((k) => [k, normalise(patch[k])]));
      this.entities.write(type, id, after, group.at);
      this.oplog.record(group, `${type}.update`, type, id, before, after);
    }
    return this.require(type, id);
  }

  remove(group: Group, type: EntityType, id: string): boolean {
    const row = this.entities.live(type, id);
    if (!row) return false;
    this.entities.write(type, id, { deleted_at: group.at }, group.at);
    this.oplog.record(group, `${type}.delete`, type, id, { deleted_at: null }, { deleted_at: group.at });
    return true;
  }

  require(type: EntityType, id: string): Row {
    const row = this.entities.live(type, id);
    if (!row) throw new NotFoundError(LABELS[type], id);
    return row;
  }
}

function stale(type: EntityType, expected: number, actual: number): ConflictError {
  return new ConflictError(
    `This ${LABELS[type].toLowerCase()} was changed elsewhere (another window, or the command line) since you opened it. ` +
      'Your change was not saved; reload to see the current version, then make it again.',
    { expected, actual },
  );
}

const normalise = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);
const same = (a: unknown, b: unknown) => normalise(a) === normalise(b);
