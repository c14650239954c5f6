"""Reads our PROV-JSON with the W3C-aligned Python prov library, for the Provenance.Prov tests.

Usage (each command takes several files, to start Python once):
  prov_check.py summary FILE...    print, one JSON line per file, counts of agents, entities and each relation
                                   type, and the attribution, delegation, derivation, generation and influence relations
  prov_check.py rewrite FILE OUT [FILE OUT]...
                                   load FILE and write it back as PROV-JSON to OUT, as prov serialises it
  prov_check.py provn FILE...      print prov's own PROV-N for each FILE, the documents separated by a NUL character
  prov_check.py foreign OUT        build a small news-provenance document with the prov API, from scratch, and
                                   write it as PROV-JSON to OUT
"""
import json
import sys

from prov.model import (
    PROV, ProvDocument, ProvAgent, ProvEntity, ProvActivity, PROV_N_MAP,
    PROV_ATTR_ENTITY, PROV_ATTR_AGENT, PROV_ATTR_DELEGATE, PROV_ATTR_RESPONSIBLE,
    PROV_ATTR_GENERATED_ENTITY, PROV_ATTR_USED_ENTITY, PROV_ATTR_TIME,
    PROV_ATTR_INFLUENCEE, PROV_ATTR_INFLUENCER, PROV_TYPE,
)


def load(path):
    with open(path, encoding="utf-8") as f:
        return ProvDocument.deserialize(f, format="json")


def one(record, attribute):
    values = record.get_attribute(attribute)
    value = next(iter(values), None)
    return None if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))


def extra(record, name):
    return sorted(str(v) for v in record.get_attribute(name))


def summary(doc):
    records = doc.get_records()
    counts = {}
    for r in records:
        if r.is_relation():
            key = PROV_N_MAP[r.get_type()]
            counts[key] = counts.get(key, 0) + 1
    out = {
        "agents": sum(1 for r in records if isinstance(r, ProvAgent)),
        "entities": sum(1 for r in records if isinstance(r, ProvEntity)),
        "activities": sum(1 for r in records if isinstance(r, ProvActivity)),
        "relations": dict(sorted(counts.items())),
        "attributions": [],
        "delegations": [],
        "derivations": [],
        "generations": [],
        "influences": [],
        "types": {},
    }
    for r in records:
        kind = PROV_N_MAP[r.get_type()]
        if r.is_element():
            out["types"][str(r.identifier)] = extra(r, PROV_TYPE)
        elif kind == "wasAttributedTo":
            out["attributions"].append([one(r, PROV_ATTR_ENTITY), one(r, PROV_ATTR_AGENT)])
        elif kind == "actedOnBehalfOf":
            out["delegations"].append([one(r, PROV_ATTR_DELEGATE), one(r, PROV_ATTR_RESPONSIBLE)])
        elif kind == "wasDerivedFrom":
            out["derivations"].append([
                one(r, PROV_ATTR_GENERATED_ENTITY), one(r, PROV_ATTR_USED_ENTITY),
                extra(r, PROV_TYPE), extra(r, "pv:claim"), extra(r, "pv:kind")])
        elif kind == "wasGeneratedBy":
            out["generations"].append([one(r, PROV_ATTR_ENTITY), one(r, PROV_ATTR_TIME)])
        elif kind == "wasInfluencedBy":
            out["influences"].append([one(r, PROV_ATTR_INFLUENCEE), one(r, PROV_ATTR_INFLUENCER), extra(r, "pv:mode")])
    return out


def foreign(path):
    import datetime
    doc = ProvDocument()
    doc.add_namespace("ex", "https://example.org/news/")
    doc.add_namespace("pv", "https://github.com/provenance-graph/provenance/ns#")
    reuters = doc.agent("ex:reuters", {"prov:type": PROV["Organization"], "prov:label": "Reuters"})
    smith = doc.agent("ex:jane-smith", {"prov:type": PROV["Person"]})
    wire = doc.entity("ex:wire-1", {"prov:label": "Helicopter downed near Yeraskh"})
    story = doc.entity("ex:story-2")
    doc.entity("ex:photo")
    claim = doc.entity("ex:downed", {"prov:type": doc.valid_qualified_name("pv:Claim"), "pv:text": "A helicopter was shot down."})
    editing = doc.activity("ex:editing")
    doc.wasAttributedTo(wire, reuters)
    doc.wasAttributedTo(story, smith)
    doc.wasGeneratedBy(wire, None, datetime.datetime(2020, 11, 9, 18, 0, tzinfo=datetime.timezone.utc))
    doc.wasGeneratedBy(story, editing, datetime.datetime(2020, 11, 9, 20, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1))))
    doc.wasAssociatedWith(editing, smith)
    doc.used(editing, wire)
    doc.wasDerivedFrom(story, wire, other_attributes={"pv:claim": doc.valid_qualified_name("ex:downed"), "prov:type": PROV["Quotation"]})
    doc.wasDerivedFrom(story, "ex:photo")
    doc.wasInfluencedBy(wire, claim, other_attributes={"prov:type": doc.valid_qualified_name("pv:Assertion"), "pv:mode": "first-hand"})
    doc.wasInfluencedBy(story, claim, other_attributes={"prov:type": doc.valid_qualified_name("pv:Assertion"), "pv:mode": "attributed", "pv:wording": "shot down"})
    with open(path, "w", encoding="utf-8") as f:
        doc.serialize(f, format="json", indent=2)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    command = argv[1]
    if command == "foreign":
        foreign(argv[2])
        return 0
    files = argv[2:]
    if command == "summary":
        for path in files:
            json.dump(summary(load(path)), sys.stdout, ensure_ascii=True, sort_keys=True)
            sys.stdout.write("\n")
    elif command == "rewrite" and len(files) % 2 == 0:
        for path, out in zip(files[::2], files[1::2]):
            with open(out, "w", encoding="utf-8") as f:
                load(path).serialize(f, format="json")
    elif command == "provn":
        sys.stdout.buffer.write("\0".join(load(path).get_provn() for path in files).encode("utf-8"))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
