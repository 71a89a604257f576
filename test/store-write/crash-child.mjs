// Child for crash.test.ts: opens (or creates) a meeting file and adds decisions as fast as it can,
// saving after each one, and prints "saved <id>" only after save() has returned. The parent kills it
// with SIGKILL at a random moment; everything it reported must then be in the file.
import fs from 'node:fs';
import process from 'node:process';

const [, , documentUrl, file, seedText] = process.argv;
const { MeetingDocument } = await import(documentUrl);

const PROJECTS = ['PL-001', 'PL-002', 'PL-003'];
let seed = Number(seedText) >>> 0 || 1;
function random(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}

let doc;
if (fs.existsSync(file)) {
  doc = MeetingDocument.open(file);
} else {
  doc = MeetingDocument.create(file, {
    date: '2021-11-15',
    kind: '周调度',
    chair: '马占文',
    present: ['区发改局', '区自然资源局', '区住建局'],
  });
  for (const project of PROJECTS) {
    doc.addItem(project, {
      light: '红',
      reasons: ['年度投资完成率35.0%，低于序时进度（83.3%）48.3个百分点'],
    });
  }
  doc.save();
}
process.stdout.write('ready\n');

for (let n = 0; ; n++) {
  const project = PROJECTS[random(PROJECTS.length)];
  const decision = doc.addDecision(project, {
    text: `协调落实项目用地指标，第${n}次调度明确的事项`.repeat(1 + random(4)),
    unit: '区自然资源局',
    owner: random(2) ? '张三' : undefined,
    due: '2021-11-30',
  });
  if (random(5) === 0) doc.setItemNotes(project, `企业汇报：第${n}项已落实到人`);
  if (random(7) === 0) doc.moveItem(project, 0);
  if (random(6) === 0)
    doc.setFollowup(`2021-11-08-0${1 + random(9)}`, { status: '推进中', note: `第${n}次` });
  doc.save();
  process.stdout.write(`saved ${decision.id}\n`);
}
