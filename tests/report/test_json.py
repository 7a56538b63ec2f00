"""The JSON contract: shape, stability, and validation against the shipped JSON Schema."""

from __future__ import annotations

import json
import re
from importlib import resources

from reconcile_scenes import ENTITIES, meeting

from recoupe.records import Article, Judgement, Removed
from recoupe.reconcile import build_dossier
from recoupe.report.json import analysis_to_json, article_to_json

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def schema() -> dict:
    return json.loads(resources.files("recoupe").joinpath("schema/recoupe.schema.json").read_text("utf-8"))


def validate(value, node: dict, root: dict, path: str = "$") -> list[str]:
    """A small JSON Schema checker for the keywords our schema uses ($ref, type, enum,
    required, properties, items, additionalProperties, allOf, anyOf, pattern, minimum)."""
    if "$ref" in node:
        target = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return validate(value, target, root, path)
    errors: list[str] = []
    if "type" in node:
        wanted = node["type"] if isinstance(node["type"], list) else [node["type"]]

        def ok(t: str) -> bool:
            if t == "integer":
                return isinstance(value, int) and not isinstance(value, bool)
            if t == "number":
                return isinstance(value, (int, float)) and not isinstance(value, bool)
            return isinstance(value, TYPES[t]) and not (t != "boolean" and isinstance(value, bool))

        if not any(ok(t) for t in wanted):
            return [f"{path}: {value!r} is not {wanted}"]
    if "enum" in node and value not in node["enum"]:
        errors.append(f"{path}: {value!r} not in {node['enum']}")
    if "pattern" in node and isinstance(value, str) and not re.search(node["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {node['pattern']}")
    if "minimum" in node and isinstance(value, (int, float)) and value < node["minimum"]:
        errors.append(f"{path}: {value} < {node['minimum']}")
    for sub in node.get("allOf", []):
        errors += validate(value, sub, root, path)
    if "anyOf" in node and all(validate(value, sub, root, path) for sub in node["anyOf"]):
        errors.append(f"{path}: matches none of anyOf")
    if isinstance(value, dict):
        errors += [f"{path}: missing {k}" for k in node.get("required", []) if k not in value]
        props = node.get("properties", {})
        for k, v in value.items():
            if k in props:
                errors += validate(v, props[k], root, f"{path}.{k}")
            elif isinstance(node.get("additionalProperties"), dict):
                errors += validate(v, node["additionalProperties"], root, f"{path}.{k}")
    if isinstance(value, list) and "items" in node:
        for i, v in enumerate(value):
            errors += validate(v, node["items"], root, f"{path}[{i}]")
    return errors


def analysis(judgements=()):
    s = meeting()
    d = build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES, judgements)
    return s, analysis_to_json(s.articles, s.claims, [d])


def test_json_analysis_validates_against_the_schema():
    s, out = analysis([Judgement("fact:ev-moscow:date", "choose", "2025-04-03", "ana", "2025-05-01T10:00:00Z")])
    root = schema()
    assert validate(out, root, root) == []


def test_json_validator_catches_a_broken_event():
    _, out = analysis()
    out["events"][0]["facts"]["date"]["status"] = "maybe"
    del out["events"][0]["participants"]
    out["events"][0]["facts"]["duration"]["value"] = "ninety"
    root = schema()
    errors = validate(out, root, root)
    assert any("status" in e for e in errors)
    assert any("missing participants" in e for e in errors)
    assert any("duration.value" in e for e in errors)


def test_json_event_contract_fields_and_values():
    s, out = analysis()
    ev = out["events"][0]
    assert list(ev)[:6] == ["id", "title", "articles", "kinds", "summary", "facts"]
    facts = ev["facts"]
    assert facts["date"]["value"] == "2025-04-03" and facts["date"]["status"] == "conflicting"
    assert facts["duration"]["value"] == 90 and facts["duration"]["approx"] == "about"
    assert facts["location"]["value"] == {"id": "place:524901", "name": "Moscow", "country": "RU",
                                          "lat": 55.75222, "lon": 37.61556}
    assert ev["planned"]["date"]["value"] == "2025-04-03/2025-04-04"
    assert ev["planned"]["date"]["outcome"] == "as-planned"
    first = facts["date"]["claims"][0]
    assert set(first) >= {"value", "article", "start", "end", "text", "planned"}
    texts = {a.id: a.text for a in s.articles}
    for slot in ("date", "location", "duration"):
        for c in facts[slot]["claims"]:
            assert texts[c["article"]][c["start"]:c["end"]] == c["text"]
    weekly = [c for c in facts["date"]["claims"] if c["article"] == s.id("weekly")]
    assert weekly[0]["agrees"] is False and weekly[0]["value"] == "2025-04-04/2025-04-05"
    assert ev["derivations"] == [{"article": s.id("rewrite"), "source": s.id("communique"),
                                  "kind": "rewrite", "score": 0.82}]
    lavrov = next(p for p in ev["participants"] if p["id"] == "person:sergei-lavrov")
    assert lavrov["name"] == "Sergei Lavrov" and lavrov["status"] == "corroborated"
    flagged = [q for q in ev["quotes"] if q["flags"]]
    assert flagged and flagged[0]["speaker"] == "Sergei Lavrov"
    assert {v["verdict"] for v in flagged[0]["variants"]} == {"indirect", "paraphrased"}
    assert {d["domain"] for d in ev["domains"]} == {"security", "energy"}
    assert ev["commitments"][0]["actor"] == "Russia"


def test_json_output_is_stable_bytes():
    _, one = analysis()
    _, two = analysis()
    assert json.dumps(one, ensure_ascii=False) == json.dumps(two, ensure_ascii=False)


def test_json_article_fields_and_claims():
    a = Article(id="abc", path="in/a.txt", text="Moscou, le 3 avril", title="T", removed=(Removed("x", "comment"),),
                credits=("Source : Info Matin",))
    out = article_to_json(a)
    assert list(out) == ["id", "path", "url", "title", "outlet", "author", "published", "dateline_place",
                         "language", "kind", "text", "removed", "credits"]
    assert out["removed"] == [{"line": "x", "reason": "comment"}]
    s = meeting()
    com = next(x for x in s.articles if x.id == s.id("communique"))
    with_claims = article_to_json(com, s.claims[com.id])
    starts = [c["start"] for c in with_claims["claims"]]
    assert starts == sorted(starts)
    assert all(com.text[c["start"]:c["end"]] == c["text"] for c in with_claims["claims"])
    dates = [c for c in with_claims["claims"] if c["slot"] == "date"]
    assert dates[0]["attrs"] == {"about_event": False} and dates[0]["value"] == "2025-04-03"


def test_json_article_kind_comes_from_the_event_when_unknown():
    s = meeting()
    plain = [Article(a.id, a.path, a.text, a.title) for a in s.articles]
    d = build_dossier(s.event, plain, s.claims, s.derivations, ENTITIES)
    out = analysis_to_json(plain, None, [d])
    kinds = {a["id"]: a["kind"] for a in out["articles"]}
    assert kinds[s.id("preview")] == "preview"
    assert "claims" not in out["articles"][0]
    assert [a["path"] for a in out["articles"]] == sorted(a["path"] for a in out["articles"])


def test_json_empty_analysis():
    assert analysis_to_json([], {}, []) == {"articles": [], "events": []}


def test_json_announced_next_steps_are_listed_apart_and_validate():
    from reconcile_scenes import announcements

    s = announcements()
    d = build_dossier(s.event, s.articles, s.claims, s.derivations, ENTITIES)
    out = analysis_to_json(s.articles, s.claims, [d])
    root = schema()
    assert validate(out, root, root) == []
    ev = out["events"][0]
    places = [a["value"]["name"] for a in ev["announced"] if a["slot"] == "location"]
    assert "Bamako" in places
    assert ev["planned"]["location"]["value"]["name"] == "Moscow"
    assert ev["planned"]["location"]["outcome"] == "as-planned"
    assert all(p["ids"] and p["ids"][0] == p["id"] for p in ev["participants"])
