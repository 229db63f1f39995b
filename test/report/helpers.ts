// A small synthetic organisation for report tests: three teams (6, 6 and 3 people) with e-mail ids, work
// threads inside teams, a #help channel where people ask two experts, and a roster with a manager column.
import type { Message } from '../../src/log/message.js';

export const TEAMS = {
  alpha: ['ada@acme.test', 'bo@acme.test', 'cy@acme.test', 'di@acme.test', 'ed@acme.test', 'flo@acme.test'],
  beta: ['gus@acme.test', 'hal@acme.test', 'ivy@acme.test', 'jo@acme.test', 'kai@acme.test', 'lu@acme.test'],
  gamma: ['mo@acme.test', 'ned@acme.test', 'oz@acme.test'],
} as const;

export const EVERYONE: string[] = Object.values(TEAMS).flat();

/** Deterministic messages: each team member writes to the next two teammates; replies close threads. */
export function syntheticMessages(): Message[] {
  const out: Message[] = [];
  let t = Date.UTC(2024, 0, 1, 9);
  const tick = () => {
    t += 60_000;
    return t;
  };
  let id = 0;
  for (let day = 0; day < 20; day++) {
    for (const members of Object.values(TEAMS)) {
      members.forEach((sender, i) => {
        const to = [members[(i + 1) % members.length] as string, members[(i + 2) % members.length] as string];
        const mid = `m${id++}`;
        out.push({
          id: mid,
          timestamp: tick(),
          sender,
          recipients: to,
          cc: [],
          mentions: [],
          threadId: mid,
          text: 'secret body text',
        });
        out.push({
          id: `m${id++}`,
          timestamp: tick(),
          sender: to[0] as string,
          recipients: [sender],
          cc: [],
          mentions: [],
          threadId: mid,
          replyTo: mid,
          subject: 'Re: confidential subject',
        });
      });
    }
    // the help channel: a gamma member asks, an alpha expert answers
    const asker = TEAMS.gamma[day % 3] as string;
    const q = `m${id++}`;
    out.push({
      id: q,
      timestamp: tick(),
      sender: asker,
      recipients: [],
      cc: [],
      mentions: [],
      channel: '#help',
      threadId: q,
    });
    out.push({
      id: `m${id++}`,
      timestamp: tick(),
      sender: day % 2 ? 'ada@acme.test' : 'gus@acme.test',
      recipients: [],
      cc: [],
      mentions: [asker],
      channel: '#help',
      threadId: q,
      replyTo: q,
    });
    t += 86_400_000;
  }
  return out;
}

/** Roster CSV text: team, manager (a person id) and the identifying columns `name` and `email`. */
export function syntheticRosterCsv(): string {
  const lines = ['person,team,manager,name,email'];
  for (const [team, members] of Object.entries(TEAMS)) {
    members.forEach((p, i) => {
      lines.push(`${p},${team},${i === 0 ? '' : members[0]},Name of ${p.split('@')[0]},${p}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
