/**
 * Words the simulator names things with: people, departments, topics, projects, committees, bots and
 * mailing lists. All invented or generic; none identifies a real organisation.
 *
 * @module
 */

export const FIRST_NAMES: readonly string[] = Object.freeze(
  (
    'ada alan amara ana andre anna arjun ayla bea ben bianca bo carla chen chidi cleo dana dario dev diego ' +
    'elif ella emeka emil erin eva farah felix fatima gil grace hana hugo ian ines ivan jae jana javier ' +
    'jin joao jonas kai kaito karin kemal kofi lara lea leon lina luca lucia maya mei mia milan nadia ' +
    'nia nico nina noor olga omar oscar paula pedro priya quinn rafael rania ravi rosa ruth sam sara ' +
    'selin sofia sven tara theo tomas uma vera vik wen yara yusuf zoe'
  ).split(' '),
);

export const LAST_NAMES: readonly string[] = Object.freeze(
  (
    'abbott adeyemi alvarez andersen baker bauer becker bianchi brown castro chen costa cruz dubois ' +
    'eriksen evans fischer garcia gomez gupta haddad hansen hoffmann ibrahim ito jansen jensen kaur ' +
    'khan kim kowalski kumar larsen lee lopez martin meyer moreau murphy nakamura nguyen novak ' +
    'okafor olsen park patel perez petrov quinn ramos rossi sato schmidt silva singh smith tanaka ' +
    'torres vogel wagner walker wang weber wright yilmaz young zhang'
  ).split(' '),
);

export const DEPARTMENTS: readonly string[] = Object.freeze([
  'engineering',
  'sales',
  'operations',
  'marketing',
  'finance',
  'support',
  'research',
  'product',
  'design',
  'legal',
  'people',
  'data',
  'security',
  'procurement',
  'logistics',
  'quality',
]);

/** Practice topics for communities of practice and social-learning groups. */
export const TOPICS: readonly string[] = Object.freeze([
  'frontend',
  'testing',
  'kubernetes',
  'data-science',
  'security',
  'accessibility',
  'sql',
  'design-systems',
  'observability',
  'spreadsheets',
  'negotiation',
  'writing',
  'machine-learning',
  'mobile',
  'cloud-costs',
  'localization',
  'research-methods',
  'devops',
  'public-speaking',
  'privacy',
]);

/** Code names of project teams (hybrid groups). */
export const PROJECTS: readonly string[] = Object.freeze(
  'atlas borealis cobalt delta ember falcon granite harbor iris juniper kestrel lumen meridian nimbus onyx'.split(' '),
);

/** Committees that exist on paper (not-a-unit groups). */
export const COMMITTEES: readonly string[] = Object.freeze(
  'wellbeing sustainability events safety diversity charity budget-review facilities ethics archive'.split(' '),
);

/** Local parts of bot accounts, in the order they are used. */
export const BOTS: readonly string[] = Object.freeze(['ci-bot', 'tickets', 'calendar', 'monitoring']);

/** Local parts of mailing lists, in the order they are used. */
export const LISTS: readonly string[] = Object.freeze(['all', 'social', 'it-status', 'events']);
