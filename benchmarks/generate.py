"""Seeded, reproducible generator of valid and varied iza-check profiles.

The generator walks the pydantic model (src/iza_check/profile/model.py) instead of copying its
fields, so a field added to the model is generated too, within its bounds. Profiles differ in how
full they are (from a few facts to nearly everything), so every outcome occurs: missing facts
(onbekend), enums, lists of enums, lists of activities and partners, dates, plans, evidence.

    python benchmarks/generate.py DIR --count 1000 [--seed 2026]

The same seed and count always give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import types
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic_core import Url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from iza_check.profile.model import Profile
from iza_check.yamlsafe import load_yaml_file

DEFAULT_SEED = 2026
HEADER = "# yaml-language-server: $schema=../schema/profile.schema.json\n"

# Words the strict loader refuses as plain scalars (they are YAML 1.1 booleans, or read as ja/nee).
_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "ja", "nee", "true", "false"})

_GEMEENTEN = (
    "Zwolle", "Utrecht", "Amsterdam", "Rotterdam", "'s-Hertogenbosch", "Groningen", "Leeuwarden",
    "Maastricht", "Enschede", "Den Haag", "Súdwest-Fryslân", "Ede", "Almere", "Deventer", "Tilburg",
)
_REGIOS = ("IJssel-Vecht", "Midden-Nederland", "Zuid-Limburg", "Twente", "Haaglanden", "Rijnmond", "Friesland")
_NAAM_DELEN = (
    ("Herstelcafé", "Zelfregiecentrum", "Inloophuis", "Steunpunt", "Herstelacademie", "Ontmoetingsplek", "Huis"),
    ("De Brug", "'t Hoekje", "Het Anker", "De Linde", "Op Eigen Kracht", "Samen Sterk", "Het Zonnehuis", "Lotgenoot"),
)
_WOORDEN = (
    "samen", "herstel", "ontmoeting", "bezoekers", "vrijwilligers", "ervaring", "kracht", "groep", "week",
    "koffie", "gesprek", "wijk", "gemeente", "plan", "afspraak", "naasten", "eigen", "regie", "cursus",
    "inloop", "avond", "ochtend", "tuin", "koken", "schrijven", "wandelen", "café", "één", "zelfhulp",
)
_LEESTEKENS = ("", "", "", ":", ",", " #", " - ", " (\"citaat\")", " 'quote'", " & ", " 50%", " <b>")


def _criterion_ids() -> tuple[str, ...]:
    """The ids of the bundled catalogue's rules, in catalogue order: a plan or evidence for an id that no rule has
    is refused (iza_check.checker.unknown_criteria), so a generated profile names only these."""
    from iza_check.resources import rules_dir
    from iza_check.rules.loader import load_catalogue

    return tuple(rule.id for rule in load_catalogue([rules_dir()]).rules)


_CRITERION_IDS = _criterion_ids()
# Realistic sizes for the lists of models; other lists get 0-4 items.
_LIST_SIZES = {"aanbod": (0, 12), "partners": (0, 8), "bewijs": (0, 3), "in_ontwikkeling": (0, 3)}
_AREA_FIELDS = frozenset({"toelichting", "bewijs", "in_ontwikkeling"})
_FIRST_DAY = dt.date(2012, 1, 1).toordinal()
_LAST_DAY = dt.date(2027, 12, 31).toordinal()


class _Constraints:
    """The bounds pydantic keeps in ``Annotated`` metadata, gathered from every layer."""

    __slots__ = ("ge", "le", "max_length", "min_length", "pattern")

    def __init__(self) -> None:
        self.ge: float | None = None
        self.le: float | None = None
        self.min_length: int | None = None
        self.max_length: int | None = None
        self.pattern: str | None = None

    def absorb(self, items: Any) -> None:
        for item in items:
            nested = getattr(item, "metadata", None)
            if isinstance(nested, list):
                self.absorb(nested)
            for name in self.__slots__:
                value = getattr(item, name, None)
                if value is not None and not callable(value):
                    setattr(self, name, value)


def _unwrap(annotation: Any, constraints: _Constraints) -> tuple[Any, bool]:
    """The annotation without Optional and Annotated layers, and whether None is allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            constraints.absorb(args[1:])
            annotation = args[0]
        elif origin is Union or origin is types.UnionType:
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            optional = optional or len(members) < len(get_args(annotation))
            if len(members) != 1:
                raise TypeError(f"unsupported union {annotation!r}")
            annotation = members[0]
        else:
            return annotation, optional


class ProfileGenerator:
    """Builds profile dictionaries; ``fill`` is the chance that an optional fact is present."""

    def __init__(self, seed: int = DEFAULT_SEED, examples: list[dict[str, Any]] | None = None) -> None:
        self.rng = random.Random(seed)
        self.examples = load_examples() if examples is None else examples

    def profile(self) -> dict[str, Any]:
        """One valid profile: random facts, or (one in three) a variation on an example profile.

        Random facts alone hardly ever meet all ten kenmerken; the variations keep every verdict in play.
        """
        fill = self.rng.choice((0.1, 0.3, 0.5, 0.7, 0.85, 0.95, 1.0))
        data = self.model(Profile, fill, "")
        if self.examples and self.rng.random() < 1 / 3:
            data = self.blend(self.rng.choice(self.examples), data)
        Profile.model_validate(data)  # a generator of invalid profiles would measure the wrong thing
        return data

    def blend(self, example: dict[str, Any], random_data: dict[str, Any]) -> dict[str, Any]:
        """Mostly the example's facts, some dropped (onbekend), some taken from the random profile.

        A key both have is kept (required keys are in every valid profile), so the blend stays valid.
        """
        out: dict[str, Any] = {}
        for key in dict.fromkeys([*example, *random_data]):
            mine, other = example.get(key), random_data.get(key)
            if key in example and key in random_data:
                if isinstance(mine, dict) and isinstance(other, dict):
                    out[key] = self.blend(mine, other)
                else:
                    out[key] = mine if self.rng.random() < 0.9 else other
            elif key in example:
                if self.rng.random() < 0.9:
                    out[key] = mine
            elif self.rng.random() < 0.2:
                out[key] = other
        return out

    def model(self, model: type[BaseModel], fill: float, path: str) -> dict[str, Any]:
        data: dict[str, Any] = {}
        # The model's own facts first, the shared toelichting/bewijs/plans last, as people write them.
        fields = sorted(model.model_fields.items(), key=lambda item: item[0] in _AREA_FIELDS)
        for name, info in fields:
            required = info.is_required()
            if not required and self.rng.random() >= fill:
                continue
            constraints = _Constraints()
            constraints.absorb(info.metadata)
            annotation, _optional = _unwrap(info.annotation, constraints)
            data[name] = self.value(annotation, constraints, fill, f"{path}.{name}" if path else name)
        return data

    def value(self, annotation: Any, constraints: _Constraints, fill: float, path: str) -> Any:
        rng = self.rng
        name = path.rsplit(".", 1)[-1]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            # Sub-models are a bit more often present than single facts: areas are usually filled in.
            return self.model(annotation, min(1.0, fill + 0.1), path)
        if get_origin(annotation) is list:
            item_constraints = _Constraints()
            item, _ = _unwrap(get_args(annotation)[0], item_constraints)
            low, high = _LIST_SIZES.get(name, (0, 4))
            low = max(low, constraints.min_length or 0)
            if isinstance(item, type) and issubclass(item, Enum):
                members = [member.value for member in item]
                count = rng.randint(low, min(high, len(members)))
                return rng.sample(members, count)
            count = rng.randint(low, max(low, high))
            if item_constraints.pattern is not None:
                pool = [c for c in _CRITERION_IDS if re.fullmatch(item_constraints.pattern, c)]
                if not pool:
                    raise ValueError(f"no value for pattern {item_constraints.pattern!r} at {path}")
                return rng.sample(pool, max(1, min(count, 3)))
            return [self.value(item, item_constraints, fill, f"{path}[]") for _ in range(count)]
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return rng.choice([member.value for member in annotation])
        if annotation is bool:
            return rng.random() < 0.6
        if annotation is int:
            return self.integer(constraints)
        if annotation is float:
            low = float(constraints.ge if constraints.ge is not None else 0.0)
            high = float(constraints.le if constraints.le is not None else 1000.0)
            return round(rng.uniform(low, min(high, low + 50.0)), rng.choice((0, 1, 2)))
        if annotation is dt.date:
            if rng.random() < 0.03:
                return dt.date(2024, 2, 29)
            return dt.date.fromordinal(rng.randint(_FIRST_DAY, _LAST_DAY))
        if annotation is Url:
            slug = rng.choice(_NAAM_DELEN[1]).lower().replace(" ", "").replace("'", "")
            return f"https://{slug}{rng.randint(1, 999)}.example.nl/{rng.choice(_WOORDEN[:10])}"
        if annotation is str:
            return self.text(name, constraints)
        raise TypeError(f"no generator for {annotation!r} at {path}")

    def integer(self, constraints: _Constraints) -> int:
        low = int(constraints.ge if constraints.ge is not None else 0)
        high = int(constraints.le if constraints.le is not None else 1_000_000)
        roll = self.rng.random()
        if roll < 0.04:
            return low
        if roll < 0.06:
            return high
        if low >= 1900:  # a year
            return self.rng.randint(max(low, 1970), min(high, 2026))
        return self.rng.randint(low, min(high, low + 200))

    def text(self, name: str, constraints: _Constraints) -> str:
        rng = self.rng
        if name == "gemeente":
            value = rng.choice(_GEMEENTEN)
        elif name == "regio":
            value = rng.choice(_REGIOS)
        elif name in ("naam", "gastorganisatie"):
            value = f"{rng.choice(_NAAM_DELEN[0])} {rng.choice(_NAAM_DELEN[1])}"
        elif name == "cao":
            value = rng.choice(("Sociaal Werk", "GGZ", "Gehandicaptenzorg", "Jeugdzorg"))
        else:
            words = rng.randint(3, 60 if name in ("toelichting", "vrije_ruimte", "stap") else 12)
            value = " ".join(rng.choice(_WOORDEN) for _ in range(words))
            value = value[0].upper() + value[1:] + rng.choice(_LEESTEKENS) + "."
        limit = constraints.max_length or len(value)
        return value[:limit]


# The C emitter makes writing 10,000 profiles several times faster; the output is the same.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    if value.lower() in _BOOLEAN_WORDS:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def dump_profile(data: dict[str, Any]) -> str:
    """YAML text the strict loader accepts: ja/nee-like words quoted, keys in model order."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return HEADER + body


def load_examples() -> list[dict[str, Any]]:
    """The example profiles of the repository as plain data (none when the folder is absent)."""
    return [load_yaml_file(path).data for path in sorted((ROOT / "profiles").glob("*.yaml"))]


def write_profiles(target: Path, count: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write ``count`` profiles into ``target`` (created if needed), in subfolders of 1,000 files."""
    generator = ProfileGenerator(seed)
    target.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    width = max(5, len(str(count)))
    for index in range(count):
        folder = target / f"deel-{index // 1000:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"profiel-{index:0{width}d}.yaml"
        path.write_text(dump_profile(generator.profile()), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="map waarin de profielen komen")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    paths = write_profiles(args.target, args.count, args.seed)
    print(f"{len(paths)} profielen geschreven naar {args.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
