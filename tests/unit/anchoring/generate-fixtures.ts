/**
 * Writes the changed documents of tests/fixtures/anchoring from the corpus and the edit script.
 * Run after changing the script: `npx tsx tests/unit/anchoring/generate-fixtures.ts`. The tests check
 * that the saved files are exactly what the script produces, so the two cannot drift apart.
 */
import fs from 'node:fs';
import { CHANGED_DIR, CORPUS_DIR, readText } from './corpus.ts';
import { EDIT_SCRIPTS, applyEdits } from './edit-script.ts';

fs.mkdirSync(CHANGED_DIR, { recursive: true });
for (const script of EDIT_SCRIPTS) {
  const { text } = applyEdits(readText(CORPUS_DIR + script.source), script.edits);
  fs.writeFileSync(CHANGED_DIR + script.fixture, text, 'utf8');
  console.log(`wrote ${script.fixture} (${text.length} UTF-16 units, ${script.edits.length} edits)`);
}
