import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAR_REDO_SQL, NEXT_APPLIED_SQL, OpLog } from '../../../main/core/history/oplog.ts';
import { ensureIdentity } from '../../../main/core/project/project-repository.ts';
import { openDatabase, type Db } from '../../../main/core/store/database.ts';
import { tempDir } from '../core/helpers.ts';

function setup() {
  const db = openDatabase(path.join(tempDir(), 'p.claimdesk'));
  const identity = ensureIdentity(db, 'Rana');
  const oplog = new OpLog(db, identity.projectId);
  const applied: string[] = [];
  oplog.register('note', (id, snapshot) => applied.push(`${id}=${snapshot === null ? 'gone' : String(snapshot.text)}`));
  const act = (label: string) =>
    db.transaction(() => {
      const group = oplog.begin(label, identity.analystId);
      oplog.record(group, 'note.create', 'note', label, null, { text: label });
      return group;
    })();
  return { db, oplog, analyst: identity.analystId, act, applied };
}

/** What the next position was before it was read through the partial indexes: a scan of every group. */
const nextByScan = (db: Db) => db.prepare(`SELECT coalesce(max(applied_seq), 0) + 1 FROM op_groups`).pluck().get() as number;
const appliedOf = (db: Db, id: string) => db.prepare(`SELECT applied_seq FROM op_groups WHERE id = ?`).pluck().get(id) as number;
const targetOfLast = (db: Db) =>
  db.prepare(`SELECT target_id FROM op_groups ORDER BY seq DESC LIMIT 1`).pluck().get() as string;

describe('the undo order', () => {
  it('gives every action, undo and redo the position a scan of the whole log would, strictly increasing', () => {
    const { db, oplog, analyst, act } = setup();
    const positions: number[] = [];
    const step = (what: 'do' | 'undo' | 'redo', label = '') => {
      const expected = nextByScan(db);
      if (what === 'do') {
        const group = act(label);
        positions.push(appliedOf(db, group.id));
      } else {
        const done = what === 'undo' ? oplog.undo(analyst) : oplog.redo(analyst);
        expect(done).not.toBeNull();
        positions.push(appliedOf(db, targetOfLast(db)));
      }
      expect(positions.at(-1)).toBe(expected);
    };
    step('do', 'a');
    step('do', 'b');
    step('do', 'c');
    step('undo');
    step('undo');
    step('redo');
    // A new action after an undo: the undone group stops being redoable, and the new one still
    // comes after it.
    step('do', 'd');
    expect(oplog.canRedo()).toBeNull();
    step('undo');
    step('undo');
    step('undo');
    step('redo');
    step('do', 'e');
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
    expect(oplog.canUndo()).toBe('e');
    db.close();
  });

  it('undoes and redoes in the right order after redo was cleared', () => {
    const { db, oplog, analyst, act, applied } = setup();
    act('a');
    act('b');
    oplog.undo(analyst); // b undone
    act('c'); // clears the redo of b
    expect(oplog.undo(analyst)).toBe('c');
    expect(oplog.undo(analyst)).toBe('a');
    expect(oplog.undo(analyst)).toBeNull();
    expect(oplog.redo(analyst)).toBe('a');
    expect(oplog.redo(analyst)).toBe('c');
    expect(oplog.redo(analyst)).toBeNull();
    expect(applied).toEqual(['b=gone', 'c=gone', 'a=gone', 'a=a', 'c=c']);
    db.close();
  });

  it('reads the next position and clears redo through indexes, never a scan of the log', () => {
    const { db, act } = setup();
    for (let i = 0; i < 50; i++) act(`n${i}`);
    db.exec('ANALYZE');
    for (const sql of [NEXT_APPLIED_SQL, CLEAR_REDO_SQL]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail);
      const onGroups = plan.filter((d) => d.includes('op_groups'));
      expect(onGroups.length).toBeGreaterThan(0);
      for (const d of onGroups) expect(d).toMatch(/USING (COVERING )?INDEX op_groups_(undo|redo)/);
    }
    db.close();
  });
});

describe('bulk operations', () => {
  it('undoes and redoes each entity of a bulk operation, and finds it in each one\'s history, across a reopen', () => {
    const file = path.join(tempDir(), 'p.claimdesk');
    let db = openDatabase(file);
    const identity = ensureIdentity(db, 'Rana');
    const open = (d: Db) => {
      const oplog = new OpLog(d, identity.projectId);
      const applied: string[] = [];
      oplog.register('note', (id, snapshot) => applied.push(`${id}=${snapshot === null ? 'gone' : JSON.stringify(snapshot)}`));
      return { oplog, applied };
    };
    let { oplog, applied } = open(db);
    db.transaction(() => {
      const single = oplog.begin('single', identity.analystId);
      oplog.record(single, 'note.create', 'note', 'n0', null, { text: 'n0' });
    })();
    db.transaction(() => {
      const group = oplog.begin('bulk', identity.analystId);
      oplog.record(group, 'note.create', 'note', 'n1', null, { text: 'n1' });
      oplog.recordBulk(group, 'note.create', 'note', ['n2', 'n3', 'n4'], null, { deleted_at: null });
      oplog.recordBulk(group, 'note.create', 'note', [], null, { deleted_at: null });
    })();
    expect(db.prepare(`SELECT count(*) FROM operations`).pluck().get()).toBe(3);
    expect(db.prepare(`SELECT count(*) FROM operation_entities`).pluck().get()).toBe(3);
    db.close();

    db = openDatabase(file);
    ({ oplog, applied } = open(db));
    expect(oplog.history('note', 'n3').map((e) => [e.label, e.kind, e.action, e.before, e.after])).toEqual([['bulk', 'do', 'note.create', null, { deleted_at: null }]]);
    expect(oplog.history('other', 'n3')).toEqual([]);
    expect(oplog.undo(identity.analystId)).toBe('bulk');
    // In reverse: the bulk operation's entities last to first, then the single one.
    expect(applied).toEqual(['n4=gone', 'n3=gone', 'n2=gone', 'n1=gone']);
    db.close();

    db = openDatabase(file);
    ({ oplog, applied } = open(db));
    expect(oplog.redo(identity.analystId)).toBe('bulk');
    expect(applied).toEqual(['n1={"text":"n1"}', 'n2={"deleted_at":null}', 'n3={"deleted_at":null}', 'n4={"deleted_at":null}']);
    expect(oplog.history('note', 'n2').map((e) => [e.kind, e.action, e.after])).toEqual([
      ['do', 'note.create', { deleted_at: null }],
      ['undo', 'undo:note.create', null],
      ['redo', 'redo:note.create', { deleted_at: null }],
    ]);
    // Entries logged one by one read as before.
    expect(oplog.history('note', 'n0').map((e) => [e.label, e.action, e.after])).toEqual([['single', 'note.create', { text: 'n0' }]]);
    expect(oplog.undo(identity.analystId)).toBe('bulk');
    expect(oplog.undo(identity.analystId)).toBe('single');
    expect(applied.slice(-5)).toEqual(['n4=gone', 'n3=gone', 'n2=gone', 'n1=gone', 'n0=gone']);
    db.close();
  });
});
