"""Rule files are parsed by libyaml where PyYAML has it, worded as before."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.errors import RuleFileError
from auditor.rulesets import yaml_lines
from auditor.rulesets.loader import rules_dir

needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


@needs_libyaml
def test_libyaml_reads_the_shipped_rules_as_the_pure_parser_does() -> None:
    """Same values and the same line of every mapping, on every shipped file."""
    assert yaml_lines._FAST_LOADER is yaml.CSafeLoader
    files = sorted(rules_dir().glob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        pure = yaml.load(text, Loader=yaml_lines._LineLoader)
        assert yaml.load(text, Loader=yaml_lines._FastLineLoader) == pure, path.name
        assert yaml_lines.load_yaml(path) == pure, path.name


@needs_libyaml
def test_an_invalid_file_is_worded_by_the_pure_parser(tmp_path: Path) -> None:
    """libyaml says "not allowed in this context"; the error keeps PyYAML's words."""
    text = "rules:\n  - code: a: b\n"
    with pytest.raises(yaml.YAMLError, match="in this context"):
        yaml.load(text, Loader=yaml_lines._FastLineLoader)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"bad\.yaml:2: invalid YAML: mapping values are not allowed here\."):
        yaml_lines.load_yaml(path)
