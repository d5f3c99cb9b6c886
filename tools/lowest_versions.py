"""Print pip constraints that pin every dependency to the lowest version pyproject.toml allows.

    python tools/lowest_versions.py [EXTRA ...] > constraints.txt
    pip install -c constraints.txt -e ".[test]"

Each requirement's ``>=`` bound becomes ``==`` (requirements whose markers do not apply to this
Python are left out), so CI can install the oldest versions the project claims to work with and
run the core tests against them: a lower bound in pyproject.toml is a promise, not a guess.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def lowest(requirements: list[str]) -> list[str]:
    """``name[extras]==lower`` for each requirement with a lower bound that applies here."""
    pins: dict[str, str] = {}
    for text in requirements:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        bounds = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
        if not bounds:
            raise SystemExit(f"{requirement.name}: no lower bound in pyproject.toml")
        pins[requirement.name.lower()] = f"{requirement.name}=={bounds[0]}"
    return sorted(pins.values(), key=str.lower)


def main(extras: list[str]) -> int:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    print("\n".join(lowest(requirements)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
