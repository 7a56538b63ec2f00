"""recoupe.events: from articles and claims to events, article kinds and derivations.

Public surface (see docs/ARCHITECTURE.md):

* :func:`recoupe.events.kinds.classify` -- report / preview / communique / opinion.
* :func:`recoupe.events.embeddings.load_encoder` -- the multilingual sentence encoder (once).
* :func:`recoupe.events.grouping.group` -- incremental, indexed grouping into events.
* :func:`recoupe.events.derivations.find_derivations` and
  :func:`recoupe.events.derivations.independence_groups` -- copies, rewrites, independent groups.
"""

from recoupe.events.derivations import find_derivations, independence_groups
from recoupe.events.embeddings import Encoder, load_encoder
from recoupe.events.grouping import group
from recoupe.events.kinds import classify

__all__ = ["Encoder", "classify", "find_derivations", "group", "independence_groups", "load_encoder"]
