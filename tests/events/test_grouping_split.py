"""The second pass of grouping: an event that merged two similar stories is cut in two along what
only some of its members say (local IDF), and a genuine event is left whole."""

from __future__ import annotations

from recoupe.events.grouping import Grouper, GroupingConfig

# Two rehab stories of one "topic": the shared words (rehab, treatment, actress, rep, ...) are
# the same; the people, the clinic, the city and the year differ.
REID = ("Actress Tara Reid checked into Promises Treatment Center in Malibu in 2008, her rep Jack Ketsoyan "
        "told People. The rehab stay follows a difficult year, the actress's publicist said. Reid and "
        "Ketsoyan asked for privacy at Promises while the actress gets treatment. {extra}")
LOHAN = ("Actress Lindsay Lohan checked into Betty Ford Center in Rancho Mirage in 2013, her lawyer Mark "
         "Heller told the court. The rehab stay follows a difficult year, the actress's publicist said. "
         "Lohan and Heller asked for privacy at Betty Ford while the actress gets treatment. {extra}")
EXTRAS = ("Fans sent messages of support.", "The stay could last several weeks.", "Friends backed the decision.",
          "Her family was by her side.", "The clinic declined to comment.", "Photographers waited outside.",
          "More details are expected soon.")

# Knobs low enough that agglomeration alone merges the two stories.
MERGING = dict(threshold=0.05, split_min=3)


def _partition(events):
    return sorted(tuple(sorted(e.articles)) for e in events)


def _stories(new_article):
    reid = [new_article(REID.format(extra=x), language="en") for x in EXTRAS]
    lohan = [new_article(LOHAN.format(extra=x), language="en") for x in EXTRAS]
    return reid, lohan


def test_grouping_split_cuts_two_similar_stories_merged_by_shared_words(new_article):
    reid, lohan = _stories(new_article)
    merged = Grouper(None, GroupingConfig(split_threshold=0.0, **MERGING)).run([*reid, *lohan], {})
    assert len(merged) == 1  # the shared topic words alone merge them
    events = Grouper(None, GroupingConfig(split_threshold=0.5, **MERGING)).run([*reid, *lohan], {})
    assert _partition(events) == sorted([tuple(sorted(a.id for a in reid)), tuple(sorted(a.id for a in lohan))])


def test_grouping_split_leaves_one_story_whole(new_article):
    reid, _ = _stories(new_article)
    events = Grouper(None, GroupingConfig(split_threshold=0.5, **MERGING)).run(reid, {})
    assert len(events) == 1


def test_grouping_split_needs_enough_articles_on_each_side(new_article):
    reid, lohan = _stories(new_article)
    config = GroupingConfig(split_threshold=0.5, threshold=0.05, split_min=len(reid) + 1)
    assert len(Grouper(None, config).run([*reid, *lohan], {})) == 1


def test_grouping_split_does_not_depend_on_input_order(new_article):
    reid, lohan = _stories(new_article)
    config = GroupingConfig(split_threshold=0.5, **MERGING)
    mixed = [a for pair in zip(lohan, reid) for a in pair]
    assert _partition(Grouper(None, config).run(mixed, {})) == _partition(Grouper(None, config).run([*reid, *lohan], {}))


def test_grouping_split_keeps_previous_events_whole(new_article):
    reid, lohan = _stories(new_article)
    merged = Grouper(None, GroupingConfig(split_threshold=0.0, **MERGING)).run([*reid, *lohan], {})
    again = Grouper(None, GroupingConfig(split_threshold=0.5, **MERGING)).run([*reid, *lohan], {}, merged)
    assert [(e.id, e.articles) for e in again] == [(e.id, e.articles) for e in merged]
