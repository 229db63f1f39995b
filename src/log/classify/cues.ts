/**
 * Cue lists of the message classifier, one {@link CueSet} per language. English ships; another language is
 * added by writing its `CueSet` and registering it in {@link CUE_SETS} (or passing it as `cues`). Phrases
 * are matched case-insensitively on word boundaries, after quotes and signatures are stripped.
 *
 * @module
 */

/** The phrases the classifier looks for, in one language. */
export interface CueSet {
  /** BCP 47 tag (`en`, `fr`, ...). */
  language: string;
  /** Words that open a question sentence (`how`, `why`, `is there`, ...). */
  interrogatives: readonly string[];
  /** Asking for help or information (`does anyone know`, `I'm trying to`, `any idea`). */
  requests: readonly string[];
  /** Giving help (`you can`, `try`, `you need to`, `the problem is`). */
  answers: readonly string[];
  /** Offering something unprompted (`released`, `announce`, `FYI`, `sharing`). */
  shares: readonly string[];
  /** Subject tags that mark a share (`[PATCH`, `[ANNOUNCE]`, `released`). */
  shareSubjects: readonly string[];
  /** Closing a thread (`thanks, that worked`, `solved`, `that fixed it`). */
  closures: readonly string[];
  /** Acknowledging or reviewing (`patch applied`, `reviewed-by:`, `thanks`, `agreed`). */
  acknowledgements: readonly string[];
}

/** English cues. */
export const ENGLISH_CUES: CueSet = Object.freeze({
  language: 'en',
  interrogatives: [
    'how',
    'what',
    'why',
    'where',
    'when',
    'which',
    'who',
    'is there',
    'are there',
    'is it',
    'is this',
    'does',
    'do',
    'did',
    'can',
    'could',
    'would',
    'should',
    'will',
    'has anyone',
    'have you',
    'am i',
    'any',
  ],
  requests: [
    'does anyone',
    'does anybody',
    'has anyone',
    'has anybody',
    'can anyone',
    'can someone',
    'could someone',
    'could anyone',
    'anyone know',
    'any idea',
    'any ideas',
    'any suggestion',
    'any suggestions',
    'any help',
    'any hint',
    'any hints',
    'any update',
    'any advice',
    'any pointers',
    'i am trying to',
    "i'm trying to",
    'i am having',
    "i'm having",
    'i have a problem',
    'i have a question',
    'i have an issue',
    'i get an error',
    'i got an error',
    'i am getting',
    "i'm getting",
    'i was wondering',
    'i wonder',
    'how can i',
    'how do i',
    'how to',
    'is it possible',
    'please help',
    'need help',
    'not working',
    "doesn't work",
    'does not work',
    "can't get",
    'cannot get',
    'what am i doing wrong',
    'what am i missing',
    "i don't understand",
    'i do not understand',
    'i am confused',
    "i'm confused",
    'please advise',
    'is this a known',
    'thanks in advance',
    'thank you in advance',
  ],
  answers: [
    'you can',
    'you could',
    'you need',
    'you should',
    'you have to',
    'you must',
    'you may want',
    "you'll need",
    'you might',
    'try',
    'have you tried',
    'have you checked',
    'make sure',
    'the problem is',
    'the issue is',
    'the reason is',
    'this is because',
    "that's because",
    'this is expected',
    "that's expected",
    'it depends',
    'i would suggest',
    "i'd suggest",
    'i suggest',
    'i would recommend',
    "i'd recommend",
    'i recommend',
    'take a look',
    'have a look',
    'see the',
    'refer to',
    'according to',
    'instead of',
    'in general',
    'typically',
    'my understanding is',
    'to the best of my knowledge',
    'as far as i know',
    'use the',
    'set the',
  ],
  shares: [
    'released',
    'release',
    'announce',
    'announcing',
    'announcement',
    'is now available',
    'are now available',
    'fyi',
    'for your information',
    'sharing',
    'i wrote',
    "i've written",
    'we are pleased',
    "we're pleased",
    'happy to announce',
    'check out',
    'blog post',
    'new version',
    'changelog',
    'signed-off-by:',
    'this patch',
    'this series',
    'webinar',
    'workshop',
    'conference',
    'tutorial',
  ],
  shareSubjects: ['[patch', '[rfc', '[announce', 'released', 'release', '[bug ', 'announcement', 'webinar'],
  closures: [
    'that worked',
    'it worked',
    'it works',
    'works now',
    'working now',
    'that fixed',
    'fixed it',
    'solved',
    'resolved',
    'problem solved',
    'thanks for the help',
    'thanks for your help',
    'thank you for your help',
    'thank you very much',
    'thanks a lot',
    'many thanks',
    'i figured',
    'i found the',
  ],
  acknowledgements: [
    'patch applied',
    'applied',
    'pushed',
    'reviewed-by:',
    'acked-by:',
    'tested-by:',
    'looks good',
    'lgtm',
    'agreed',
    'agree',
    'thanks',
    'thank you',
    'ping',
    'done',
    'sure',
    'ok',
    'okay',
    'sounds good',
    'makes sense',
    'i see',
    'nevermind',
    'never mind',
  ],
});

/** Cue sets by language tag. Register more with `CUE_SETS.set('fr', FRENCH_CUES)`. */
export const CUE_SETS: Map<string, CueSet> = new Map([['en', ENGLISH_CUES]]);

/** A cue set compiled to regular expressions (cached per set). */
export interface CompiledCues {
  interrogative: RegExp;
  requests: RegExp;
  answers: RegExp;
  shares: RegExp;
  shareSubjects: RegExp;
  closures: RegExp;
  acknowledgements: RegExp;
}

const compiled = new WeakMap<CueSet, CompiledCues>();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation on word boundaries; a phrase that ends in punctuation needs no boundary after it. */
function alternation(phrases: readonly string[], flags = 'giu'): RegExp {
  const parts = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const start = /^\w/.test(p) ? '(?<![\\p{L}\\p{N}_])' : '';
      const end = /\w$/.test(p) ? '(?![\\p{L}\\p{N}_])' : '';
      return `${start}${escapeRegExp(p)}${end}`;
    });
  return new RegExp(parts.length > 0 ? `(?:${parts.join('|')})` : '(?!)', flags);
}

/** Compiles a cue set (once). */
export function compileCues(cues: CueSet): CompiledCues {
  let c = compiled.get(cues);
  if (!c) {
    c = {
      interrogative: new RegExp(`^\\s*${alternation(cues.interrogatives, 'iu').source}`, 'iu'),
      requests: alternation(cues.requests),
      answers: alternation(cues.answers),
      shares: alternation(cues.shares),
      shareSubjects: new RegExp(cues.shareSubjects.map(escapeRegExp).join('|') || '(?!)', 'iu'),
      closures: alternation(cues.closures),
      acknowledgements: alternation(cues.acknowledgements),
    };
    compiled.set(cues, c);
  }
  return c;
}
