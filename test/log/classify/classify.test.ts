import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../../src/errors.js';
import { CLASSIFY_DEFAULTS, classifyMessage } from '../../../src/log/classify/classify.js';
import { CUE_SETS, type CueSet, ENGLISH_CUES } from '../../../src/log/classify/cues.js';
import { classifyMessages } from '../../../src/log/classify/stream.js';
import { stripQuotedText } from '../../../src/log/classify/strip.js';
import { collect, msg } from '../helpers.js';

describe('stripQuotedText', () => {
  it('drops quotes, attributions (also wrapped), signatures, footers and top-posted originals', () => {
    const body = [
      'Try mounting with -o loop.',
      '',
      'On Mon, 2 Jan 2023 at 10:00, Ada Lovelace <',
      'ada@example.org> wrote:',
      '> How do I mount an ISO?',
      '>> nested',
      '',
      'It works on 6.1 too.',
      '-- ',
      'Bob, who signs everything',
    ].join('\n');
    expect(stripQuotedText(body)).toBe('Try mounting with -o loop.\n\nIt works on 6.1 too.');
    expect(stripQuotedText('Yes.\n\nAda <ada@x.org> wrote:\n> question?')).toBe('Yes.');
    expect(stripQuotedText('Le lun. 2 janv. 2023, Ada a écrit :\n> q\nOui.')).toBe('Oui.');
    expect(stripQuotedText('Fixed.\n\n-----Original Message-----\nFrom: x\nquestion?')).toBe('Fixed.');
    expect(stripQuotedText('Fixed.\n\nFrom: Ada\nSent: Monday\nSubject: q?')).toBe('Fixed.');
    expect(
      stripQuotedText('Answer.\n_______________________________________________\nUSRP-users mailing list -- x@y'),
    ).toBe('Answer.');
    expect(stripQuotedText('Hi\n\nSent from my iPhone')).toBe('Hi');
    expect(stripQuotedText('text\n-- \nsig', { keepSignature: true })).toBe('text\n--\nsig');
    // a rule inside prose that is not followed by a header or list name stays
    expect(stripQuotedText('a\n______________________\nb')).toBe('a\n______________________\nb');
  });
});

describe('classifyMessage', () => {
  const en = (text: string, extra: Parameters<typeof classifyMessage>[0] = {}) =>
    classifyMessage({ text, ...extra }).kind;

  it('tells questions, answers, shares and discussion apart from the text', () => {
    expect(en('How do I mount an ISO image on Ubuntu? I am trying to install from it.', { isReply: false })).toBe(
      'question',
    );
    expect(en('Does anyone know why the B210 drops samples at 20 Msps?')).toBe('question');
    expect(
      en('You need to set the master clock rate first; try --args="master_clock_rate=20e6". The problem is USB 2.', {
        isReply: true,
        byThreadStarter: false,
      }),
    ).toBe('answer');
    expect(
      en('UHD 4.1 has been released! It is now available at https://example.org/uhd and the changelog is below.', {
        isReply: false,
      }),
    ).toBe('share');
    expect(
      classifyMessage({ text: 'Signed-off-by: A <a@x.org>\n---\ndiff --git a/x b/x\n', subject: '[PATCH] x.3: fix' })
        .kind,
    ).toBe('share');
    expect(en('Thanks, that worked!', { isReply: true, byThreadStarter: true })).toBe('discussion');
    expect(en('Patch applied. Thanks!', { isReply: true })).toBe('discussion');
  });

  it('reads the author’s words only: a quoted question does not make a reply a question', () => {
    const reply = 'You can use the loop option.\n\nOn Mon, Ada wrote:\n> How do I mount it? Any idea?\n';
    expect(en(reply, { isReply: true, byThreadStarter: false })).toBe('answer');
    expect(classifyMessage({ text: reply, isReply: true }, { stripQuotes: false }).kind).toBe('question');
  });

  it('falls back on structure when there is no text: root → question, reply → answer, follow-up → discussion', () => {
    expect(classifyMessage({ isReply: false })).toMatchObject({ kind: 'question', basis: 'structure' });
    expect(classifyMessage({ isReply: true, byThreadStarter: false }).kind).toBe('answer');
    expect(classifyMessage({ isReply: true, byThreadStarter: true }).kind).toBe('discussion');
    expect(classifyMessage({}).kind).toBe('discussion');
  });

  it('reports its cues and takes other languages through a CueSet', () => {
    const c = classifyMessage({ text: 'Any idea how to fix this? It does not work.', isReply: false });
    expect(c.cues).toEqual(expect.arrayContaining(['qmark:1', 'interrogative:1', 'request:3', 'root']));
    const french: CueSet = {
      ...ENGLISH_CUES,
      language: 'fr',
      interrogatives: ['comment', 'pourquoi', 'est-ce que'],
      requests: ["quelqu'un sait", 'je cherche', 'ne marche pas'],
      answers: ['il faut', 'essaie', 'vous pouvez'],
      closures: ['ça marche', 'merci beaucoup'],
    };
    expect(classifyMessage({ text: "Quelqu'un sait pourquoi ça ne marche pas ?" }, { cues: french }).kind).toBe(
      'question',
    );
    expect(classifyMessage({ text: 'Il faut redémarrer, essaie encore.', isReply: true }, { cues: french }).kind).toBe(
      'answer',
    );
    CUE_SETS.set('fr-test', french);
    expect(
      classifyMessage({ text: 'Merci beaucoup, ça marche.', isReply: true, byThreadStarter: true }, { cues: 'fr-test' })
        .kind,
    ).toBe('discussion');
    CUE_SETS.delete('fr-test');
    expect(() => classifyMessage({ text: 'x' }, { cues: 'xx' })).toThrow(OptionError);
  });

  it('is deterministic, total, and its scores follow the documented weights (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.boolean()),
        fc.boolean(),
        (text, subject, isReply, starter) => {
          const input = { text, subject, ...(isReply === null ? {} : { isReply, byThreadStarter: starter }) };
          const a = classifyMessage(input);
          const b = classifyMessage(input);
          expect(a).toEqual(b);
          const max = Math.max(...Object.values(a.scores));
          expect(a.scores[a.kind]).toBe(max);
          if (a.basis === 'text') expect(a.scores.discussion).toBeGreaterThanOrEqual(CLASSIFY_DEFAULTS.weights.base);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('classifyMessages', () => {
  it('sets kinds from thread structure it tracks on the way (starter through threadId or replyTo)', async () => {
    const out = await collect(
      classifyMessages([
        msg({ id: 'q', sender: 'ada' }),
        msg({ id: 'a', sender: 'bob', replyTo: 'q' }),
        msg({ id: 'f', sender: 'ada', replyTo: 'a' }),
        msg({ id: 't', sender: 'ada', threadId: 'q' }),
        msg({ id: 'k', sender: 'bob', kind: 'share' }),
      ]),
    );
    expect(out.map((m) => m.kind)).toEqual(['question', 'answer', 'discussion', 'discussion', 'share']);
    const overwritten = await collect(
      classifyMessages([msg({ id: 'k', sender: 'bob', kind: 'share' })], { overwrite: true }),
    );
    expect(overwritten[0]?.kind).toBe('question');
  });
});
