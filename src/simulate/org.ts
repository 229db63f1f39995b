/**
 * The formal organisation: people with roster attributes (department, team, manager, location, hire and
 * leave dates), newcomers hired during the period and leavers who go before its end.
 *
 * Structure: person 0 is the chief executive and heads the first department; each department is split
 * into teams of about `teamSize`; the first member of a team leads it and the lead of a department's first
 * team heads the department. Managers: member → team lead → department head → chief executive. Teams
 * sit mostly in one location (85 % of members). Activity (a per-person multiplier of every volume) is
 * log-normal, so a few people write much more than most, as in real mail logs.
 *
 * @module
 */

import { createRng, deriveSeed, type Rng } from '../random.js';
import { type Calendar, DAY, LOCATIONS } from './calendar.js';
import type { ResolvedSimulateOptions } from './options.js';
import { between, normal, sample, weightedIndex } from './sampling.js';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES } from './vocabulary.js';

/** A roster row of the simulated organisation. */
export interface SimulatedPerson {
  /** Person id (an e-mail address). */
  id: string;
  department: string;
  team: string;
  /** Id of the manager; absent for the chief executive. */
  manager?: string;
  location: string;
  /** ISO date the person was hired (inside the period for newcomers). */
  hireDate: string;
  /** ISO date of the first day the person is gone, for leavers. */
  leaveDate?: string;
}

/** Internal state of one person. */
export interface PersonState {
  index: number;
  id: string;
  department: number;
  team: number;
  location: number;
  offset: number;
  manager: number;
  /** Multiplier of every volume this person writes. */
  activity: number;
  /** Period day of hire (negative for people hired before the period). */
  hireDay: number;
  /** Period day the person is gone from (Infinity for people who stay). */
  leaveDay: number;
  /** UTC ms bounds of employment. */
  from: number;
  until: number;
  newcomer: boolean;
  leaver: boolean;
}

/** A department and its teams. */
export interface DepartmentState {
  name: string;
  head: number;
  members: number[];
  teams: number[];
}

/** A team. */
export interface TeamState {
  name: string;
  department: number;
  lead: number;
  members: number[];
}

/** The whole formal organisation. */
export interface Organisation {
  people: PersonState[];
  departments: DepartmentState[];
  teams: TeamState[];
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function splitSizes(rng: Rng, total: number, parts: number, minEach: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.6 + 0.8 * rng());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(minEach, Math.floor((w / sum) * total)));
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % parts) {
    if (diff > 0) {
      sizes[i] = (sizes[i] as number) + 1;
      diff--;
    } else if ((sizes[i] as number) > minEach) {
      sizes[i] = (sizes[i] as number) - 1;
      diff++;
    }
  }
  return sizes;
}

function makeIds(rng: Rng, n: number, domain: string): string[] {
  const used = new Map<string, number>();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST_NAMES[Math.floor(rng() * FIRST_NAMES.length)] as string;
    const last = LAST_NAMES[Math.floor(rng() * LAST_NAMES.length)] as string;
    const base = `${first}.${last}`;
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    ids.push(`${k === 1 ? base : `${base}${k}`}@${domain}`);
  }
  return ids;
}

/** Builds the formal organisation (deterministic given the options' seed). */
export function buildOrganisation(options: ResolvedSimulateOptions, calendar: Calendar): Organisation {
  const rng = createRng(deriveSeed(options.seed, 'organisation'));
  const n = options.people;
  const ids = makeIds(rng, n, options.domain);
  const deptCount = options.departments;
  const deptSizes = splitSizes(rng, n, deptCount, 3);
  const locWeights = Array.from({ length: options.locations }, (_, i) => 1 / (1 + 0.35 * i));
  const people: PersonState[] = [];
  const departments: DepartmentState[] = [];
  const teams: TeamState[] = [];
  let next = 0;
  deptSizes.forEach((size, d) => {
    const base = DEPARTMENTS[d % DEPARTMENTS.length] as string;
    const name = d < DEPARTMENTS.length ? base : `${base}-${Math.floor(d / DEPARTMENTS.length) + 1}`;
    const dept: DepartmentState = { name, head: next, members: [], teams: [] };
    const teamCount = Math.max(1, Math.round(size / options.teamSize));
    const teamSizes = splitSizes(rng, size, teamCount, 1);
    teamSizes.forEach((teamSize, t) => {
      const team: TeamState = { name: `${name}-${t + 1}`, department: d, lead: next, members: [] };
      const location = weightedIndex(rng, locWeights);
      for (let k = 0; k < teamSize; k++) {
        const index = next++;
        const loc = rng() < 0.85 ? location : weightedIndex(rng, locWeights);
        const manager = k > 0 ? team.lead : t > 0 ? dept.head : index === 0 ? -1 : 0;
        const activity = Math.min(3, Math.max(0.3, Math.exp(0.45 * normal(rng))));
        const hireDay = -between(rng, 30, 3650);
        people.push({
          index,
          id: ids[index] as string,
          department: d,
          team: teams.length,
          location: loc,
          offset: (LOCATIONS[loc] as { offsetMinutes: number }).offsetMinutes,
          manager,
          activity,
          hireDay,
          leaveDay: Number.POSITIVE_INFINITY,
          from: 0,
          until: Number.POSITIVE_INFINITY,
          newcomer: false,
          leaver: false,
        });
        team.members.push(index);
        dept.members.push(index);
      }
      dept.teams.push(teams.length);
      teams.push(team);
    });
    departments.push(dept);
  });

  // newcomers and leavers: never a team lead (so the org chart stays whole)
  const leads = new Set(teams.map((t) => t.lead));
  const ordinary = people.filter((p) => !leads.has(p.index)).map((p) => p.index);
  const newcomerCount = Math.min(ordinary.length, Math.round(options.newcomerShare * n));
  const chosen = sample(rng, ordinary, newcomerCount + Math.round(options.leaverShare * n));
  const lastHireDay = Math.max(0, Math.floor(0.8 * calendar.days) - 1);
  chosen.forEach((index, i) => {
    const p = people[index] as PersonState;
    if (i < newcomerCount) {
      p.newcomer = true;
      p.hireDay = between(rng, 0, lastHireDay);
    } else {
      p.leaver = true;
      p.leaveDay = between(rng, Math.ceil(0.15 * calendar.days), Math.max(1, calendar.days - 1));
    }
  });
  for (const p of people) {
    p.from = calendar.start + p.hireDay * DAY;
    p.until = Number.isFinite(p.leaveDay) ? calendar.start + p.leaveDay * DAY : Number.POSITIVE_INFINITY;
  }
  return { people, departments, teams };
}

/** The roster rows of an organisation, in person order. */
export function rosterRows(org: Organisation, calendar: Calendar): SimulatedPerson[] {
  return org.people.map((p) => {
    const row: SimulatedPerson = {
      id: p.id,
      department: (org.departments[p.department] as DepartmentState).name,
      team: (org.teams[p.team] as TeamState).name,
      location: (LOCATIONS[p.location] as { name: string }).name,
      hireDate: isoDate(calendar.start + p.hireDay * DAY),
    };
    if (p.manager >= 0) row.manager = (org.people[p.manager] as PersonState).id;
    if (p.leaver) row.leaveDate = isoDate(p.until);
    return row;
  });
}
