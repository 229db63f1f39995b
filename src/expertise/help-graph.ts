/**
 * The help graph: who turns to whom. A directed graph asker → answerer built from thread summaries, in
 * which an **answer** is a reply by someone other than the person who started the thread (Zhang, Ackerman
 * & Adamic 2007). The same rule serves every medium:
 *
 * - forum / Q&A threads (Stack Exchange, Discourse): the question's author asks, every other poster in the
 *   thread answers them (comments count when the reader makes them replies);
 * - e-mail reply chains: the author of the first message of the chain asks, everyone who replies in the
 *   chain answers (a reply to a reply still answers the chain's starter, as in Zhang et al.);
 * - chat threads (Slack `thread_ts`, inferred reply chains): the thread starter asks, the repliers answer.
 *
 * Threads whose root is not in the log are left out (counted): nobody can be named as the asker.
 *
 * Tie attributes: `weight` = answers (replies) from the answerer to that asker (or distinct threads with
 * `weightBy: 'threads'`), `distance` = 1 / weight, `answers`, `threads`. Person attributes: `answers` (a),
 * `questions` (q: threads started that got at least one answer), `started`, `threadsAnswered`,
 * `askersServed` (distinct people answered). People are added in id order, so the graph does not depend on
 * the order of the threads.
 *
 * @module
 */

import { DirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { optionChecker, resolveOptions } from '../options.js';
import { compareIds } from './rank.js';
import { type ExpertiseScope, resolveScope, type ThreadsInput, threadList } from './scope.js';

const check = optionChecker('expertise/help-graph');

/** Per-person attributes of the help graph. */
export interface HelperAttributes {
  /** Replies in threads started by someone else (a). */
  answers: number;
  /** Threads this person started that got at least one answer (q). */
  questions: number;
  /** Threads this person started (answered or not). */
  started: number;
  /** Distinct threads started by others this person replied in. */
  threadsAnswered: number;
  /** Distinct people this person answered (in-degree of the help graph). */
  askersServed: number;
  /** Distinct people who answered this person (out-degree). */
  helpersAsked: number;
  [key: string]: number;
}

/** Attributes of a tie asker → answerer. */
export interface HelpTieAttributes {
  /** Strength read by ExpertiseRank and HITS: answers, or threads with `weightBy: 'threads'`. */
  weight: number;
  /** 1 / weight, for shortest paths. */
  distance: number;
  /** Replies by the answerer in threads the asker started. */
  answers: number;
  /** Distinct threads of the asker the answerer replied in. */
  threads: number;
  [key: string]: number;
}

/** Accounting of the threads behind a help graph: `threads = used + outOfScope + withoutRoot`. */
export interface HelpGraphStats {
  threads: number;
  /** Threads inside the scope with a known root. */
  used: number;
  outOfScope: number;
  withoutRoot: number;
  /** Used threads that received no answer. */
  unanswered: number;
  /** Replies by non-members left out in a people scope. */
  repliesOutsideScope: number;
  /** Σ answers = Σ tie `answers`. */
  answers: number;
}

/** Graph-level attributes of the help graph. */
export interface HelpGraphAttributes {
  method: 'help-graph';
  params: { weightBy: 'answers' | 'threads'; scope: Record<string, unknown>; exclude: string[] };
  stats: HelpGraphStats;
  [key: string]: unknown;
}

/** The help graph (directed, asker → answerer). */
export type HelpGraph = AbstractGraph<HelperAttributes, HelpTieAttributes, HelpGraphAttributes>;

/** Options of {@link buildHelpGraph}. */
export interface HelpGraphOptions {
  /** Restrict to a group of people and/or a topic. */
  scope?: ExpertiseScope;
  /** Tie strength: `'answers'` (replies, default) or `'threads'` (distinct threads answered). */
  weightBy?: 'answers' | 'threads';
  /** People left out entirely (bots, list addresses): their threads and replies are ignored. */
  exclude?: Iterable<string>;
}

/** Defaults of {@link HelpGraphOptions}. */
export const HELP_GRAPH_DEFAULTS = Object.freeze({ weightBy: 'answers' as 'answers' | 'threads' });

/**
 * Builds the directed asker → answerer graph from thread summaries.
 *
 * @param threads - `summarizeThreads(...)` (or `ingest(...).threads`), or an array of thread summaries.
 * @example
 * const help = buildHelpGraph(await summarizeThreads(log));
 * help.getNodeAttribute('bob', 'answers'); // replies bob wrote in threads others started
 */
export function buildHelpGraph(threads: ThreadsInput, options: HelpGraphOptions = {}): HelpGraph {
  const o = resolveOptions(HELP_GRAPH_DEFAULTS, options);
  const weightBy = check.oneOf('weightBy', o.weightBy, ['answers', 'threads'] as const);
  const scope = resolveScope(options.scope);
  const exclude = new Set(options.exclude ?? []);
  const stats: HelpGraphStats = {
    threads: 0,
    used: 0,
    outOfScope: 0,
    withoutRoot: 0,
    unanswered: 0,
    repliesOutsideScope: 0,
    answers: 0,
  };
  const people = new Map<string, HelperAttributes>();
  const person = (id: string): HelperAttributes => {
    let p = people.get(id);
    if (!p) {
      p = { answers: 0, questions: 0, started: 0, threadsAnswered: 0, askersServed: 0, helpersAsked: 0 };
      people.set(id, p);
    }
    return p;
  };
  const ties = new Map<string, Map<string, { answers: number; threads: number }>>();
  for (const t of threadList(threads)) {
    stats.threads++;
    if (t.root === undefined) {
      stats.withoutRoot++;
      continue;
    }
    if (exclude.has(t.root) || !scope.thread(t)) {
      stats.outOfScope++;
      continue;
    }
    stats.used++;
    const asker = t.root;
    const starter = person(asker);
    starter.started++;
    let answered = false;
    for (const r of t.repliers) {
      if (r.person === asker || exclude.has(r.person) || r.replies <= 0) continue;
      if (scope.member && !scope.member(r.person)) {
        stats.repliesOutsideScope += r.replies;
        continue;
      }
      answered = true;
      const answerer = person(r.person);
      answerer.answers += r.replies;
      answerer.threadsAnswered++;
      stats.answers += r.replies;
      let row = ties.get(asker);
      if (!row) {
        row = new Map();
        ties.set(asker, row);
      }
      const tie = row.get(r.person);
      if (tie) {
        tie.answers += r.replies;
        tie.threads++;
      } else row.set(r.person, { answers: r.replies, threads: 1 });
    }
    if (answered) starter.questions++;
    else stats.unanswered++;
  }

  const graph: HelpGraph = new DirectedGraph<HelperAttributes, HelpTieAttributes, HelpGraphAttributes>();
  graph.replaceAttributes({
    method: 'help-graph',
    params: { weightBy, scope: scope.description, exclude: [...exclude].sort(compareIds) },
    stats,
  });
  const askers = [...ties.keys()].sort(compareIds);
  for (const asker of askers) {
    const row = ties.get(asker) as Map<string, { answers: number; threads: number }>;
    (people.get(asker) as HelperAttributes).helpersAsked = row.size;
    for (const answerer of row.keys()) (people.get(answerer) as HelperAttributes).askersServed++;
  }
  for (const id of [...people.keys()].sort(compareIds)) graph.addNode(id, people.get(id) as HelperAttributes);
  for (const asker of askers) {
    const row = ties.get(asker) as Map<string, { answers: number; threads: number }>;
    for (const answerer of [...row.keys()].sort(compareIds)) {
      const tie = row.get(answerer) as { answers: number; threads: number };
      const weight = weightBy === 'answers' ? tie.answers : tie.threads;
      graph.addDirectedEdge(asker, answerer, {
        weight,
        distance: 1 / weight,
        answers: tie.answers,
        threads: tie.threads,
      });
    }
  }
  return graph;
}
